import { describe, expect, it } from 'vitest';
import { CLAIM_IDS } from '../../../shared/claims/claims';
import { LESSON_CLAIMS, lessonStatus, notShownHere, type ClaimVerdicts } from '../../../shared/claims/verdicts';
import { RULES_VERSION } from '../../../shared/engine/types';
import { coachNote } from '../../../shared/record/coach';
import { benchmarkSeats } from '../../../shared/bots/benchmark';
import { simulate } from '../../../shared/bots/simulate';
import { builtInScenarios, SCENARIO_IDS } from '../../../shared/scenarios';
import measured from '../../../assets/claims/verdicts.json' with { type: 'json' };

const verdicts = measured as ClaimVerdicts;

describe('the measured verdicts the coach and the debrief read', () => {
  it('cover every shipped scenario and every claim a lesson rests on, under the current rules', () => {
    expect(verdicts.rules).toBe(RULES_VERSION);
    expect(Object.keys(verdicts.scenarios).sort()).toEqual([...SCENARIO_IDS].sort());
    const needed = new Set(Object.values(LESSON_CLAIMS).flat());
    for (const id of SCENARIO_IDS)
      for (const c of needed)
        expect(['holds', 'does not hold', 'not claimed here'], `${id} ${c}`).toContain(verdicts.scenarios[id][c]);
    for (const c of needed) expect(CLAIM_IDS).toContain(c);
  });
  it('a lesson holds where its claims hold or are not claimed, and is unmeasured on a scenario never measured', () => {
    const made: ClaimVerdicts = {
      rules: 3,
      games: 1,
      scenarios: { a: { labelled: 'does not hold', escalation: 'not claimed here', 'concede-best-reply': 'holds' } },
    };
    expect(lessonStatus('a', 'label-concessions', made)).toBe('does not hold');
    expect(lessonStatus('a', 'make-non-agreement-costly', made)).toBe('holds');
    expect(lessonStatus('a', 'weight-is-not-power', made)).toBe('holds');
    expect(lessonStatus('b', 'label-concessions', made)).toBe('unmeasured');
  });
  it('the coach does not teach a lesson as true where the measurement does not support it', () => {
    let gatedNotes = 0;
    let plainNotes = 0;
    for (const s of builtInScenarios) {
      for (let g = 0; g < 4; g++) {
        const r = simulate(s, benchmarkSeats(s, g), 4242 + g);
        const record = { scenario: s, config: r.state.config, log: r.log };
        for (let round = 1; round <= r.state.history.length; round++) {
          for (let seat = 0; seat < s.roles.length; seat++) {
            const note = coachNote(record, seat, round);
            const gated = lessonStatus(s.id, note.lesson) === 'does not hold';
            expect(note.suggestion.includes(notShownHere(s.name)), `${s.id} ${note.lesson}`).toBe(gated);
            if (gated) gatedNotes++;
            else plainNotes++;
          }
        }
      }
    }
    expect(gatedNotes).toBeGreaterThan(0);
    expect(plainNotes).toBeGreaterThan(0);
  });
});
