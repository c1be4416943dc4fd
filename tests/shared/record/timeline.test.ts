import { describe, expect, it } from 'vitest';
import { rotation } from '../../../shared/bots/coalition-tournament';
import { PERSONA_NAMES } from '../../../shared/bots/personas';
import { simulate } from '../../../shared/bots/simulate';
import { scoreGame } from '../../../shared/engine/scoring';
import { INCOME_SOURCES } from '../../../shared/engine/types';
import { replay, type GameRecord } from '../../../shared/record/log';
import { findMoments } from '../../../shared/record/moments';
import { csvField, debriefData, toCsv, TOP_MOMENTS } from '../../../shared/record/timeline';
import { builtInScenarios, scenarioById } from '../../../shared/scenarios';
import { accept, AUTHORITY, defect, nextId, propose, Table, UNION } from './build';

/** A small RFC 4180 reader, to check that what toCsv writes reads back field for field. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function harbourRecord(): GameRecord {
  const harbour = scenarioById('harbour-development')!;
  const sim = simulate(harbour, rotation(PERSONA_NAMES, harbour.roles.length, 0, 'hard'), 3);
  return { scenario: harbour, config: sim.state.config, log: sim.log };
}

describe('debriefData', () => {
  it('matches scoreGame and the history of the replayed game', () => {
    for (const scenario of builtInScenarios) {
      const sim = simulate(scenario, rotation(PERSONA_NAMES, scenario.roles.length, 4, 'normal'), 17);
      const record: GameRecord = { scenario, config: sim.state.config, log: sim.log };
      const d = debriefData(record);
      const state = replay(record);
      expect(d.score).toEqual(scoreGame(state));
      expect(d.ended).toBe(true);
      expect(d.totalRounds).toBe(state.totalRounds);
      expect(d.rounds).toEqual(state.history.map((h) => h.round));
      expect(d.points).toEqual(state.history.map((h) => h.points));
      expect(d.reputation).toEqual(state.history.map((h) => h.reputation));
      expect(d.points[d.points.length - 1]).toEqual(d.score.seats.map((s) => s.points));
      expect(d.seats.map((s) => s.name)).toEqual(scenario.roles.map((r) => r.name));
      // Income by source adds up to every seat's final points.
      for (let seat = 0; seat < scenario.roles.length; seat++) {
        let sum = 0;
        for (const round of d.income) for (const source of INCOME_SOURCES) sum += round[seat][source];
        expect(sum).toBeCloseTo(state.seats[seat].points, 6);
      }
      // The coalition timeline is the history's winning deals.
      d.coalitions.forEach((c, i) => {
        const h = state.history[i];
        expect(c.proposalId).toBe(h.winning);
        const win = h.deals.find((x) => x.proposalId === h.winning);
        expect(c.members).toEqual(win ? win.members : []);
        expect(c.terms).toEqual(win ? win.terms : null);
        expect(c.termNames).toHaveLength(win ? scenario.issues.length : 0);
      });
      // Cooperation: the share of honour moves, round by round and overall.
      let honours = 0;
      let moves = 0;
      d.cooperation.forEach((c, i) => {
        const trust = state.history[i].trust;
        const h = trust.reduce((n, p) => n + (p.moveA === 'honour' ? 1 : 0) + (p.moveB === 'honour' ? 1 : 0), 0);
        expect(c).toEqual({
          round: state.history[i].round,
          honours: h,
          moves: trust.length * 2,
          rate: trust.length > 0 ? h / (trust.length * 2) : null,
        });
        honours += h;
        moves += trust.length * 2;
      });
      expect(d.cooperationRate).toBe(moves > 0 ? honours / moves : null);
      // Every bot decision is in the audit with its reason.
      const bots = sim.log.filter((e) => e.by === 'bot');
      expect(d.audit.map((a) => a.seq)).toEqual(bots.map((e) => e.seq));
      expect(d.audit.every((a) => a.seat !== null && a.reason !== null)).toBe(true);
      expect(d.moments).toEqual(findMoments(record));
      expect(d.topMoments.length).toBe(Math.min(TOP_MOMENTS, d.moments.length));
    }
  });

  it('draws a crafted game exactly', () => {
    const t = new Table();
    const p = nextId(t);
    t.round([propose(AUTHORITY, [0, 1], [70, 30]), accept(UNION, p)], [defect(AUTHORITY, UNION)]);
    t.round([{ type: 'withdraw', seat: AUTHORITY }]);
    const d = debriefData(t.record());
    expect(d.ended).toBe(false);
    expect(d.totalRounds).toBe(2);
    expect(d.cooperation).toEqual([
      { round: 1, honours: 1, moves: 2, rate: 0.5 },
      { round: 2, honours: 0, moves: 0, rate: null },
    ]);
    expect(d.cooperationBySeat).toEqual([0, 1, null, null]);
    expect(d.coalitions[0]).toMatchObject({
      round: 1,
      members: [0, 1],
      split: [70, 30],
      power: 8,
      termNames: [
        { issue: 'Jobs', option: 'Local hiring' },
        { issue: 'Review', option: 'Independent' },
      ],
    });
    expect(d.coalitions[1]).toMatchObject({ round: 2, proposalId: null, members: [], terms: null });
    // Authority: 70 from the prize, 2 − 2 = 0 from the terms, 20 from defecting on an honouring partner (T 4 × stake 5).
    expect(d.income[0][AUTHORITY]).toEqual({
      seat: 0,
      prize: 70,
      walkAway: 0,
      values: 0,
      trust: 20,
      concessions: 0,
      escalation: 0,
    });
    expect(d.points[0][AUTHORITY]).toBe(90);
    expect(d.income[1][AUTHORITY].walkAway).toBe(30);
    expect(d.audit).toEqual([]);
  });
});

describe('toCsv', () => {
  it('writes one row per log entry with a header, and reads back field for field', () => {
    const record = harbourRecord();
    const csv = toCsv(record);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['seq', 'round', 'phase', 'actor', 'by', 'type', 'action', 'reason', 'time']);
    expect(rows).toHaveLength(record.log.length + 1);
    record.log.forEach((e, i) => {
      const r = rows[i + 1];
      expect(r).toEqual([
        String(e.seq),
        String(e.round),
        e.phase,
        String(e.actor),
        e.by,
        e.action.type,
        JSON.stringify(e.action),
        e.reason ?? '',
        String(e.time),
      ]);
      expect(JSON.parse(r[6])).toEqual(e.action);
    });
  });

  it('quotes commas, quotes and line breaks in rationales and reasons', () => {
    const t = new Table();
    t.advance();
    t.actBy(
      { type: 'chat', seat: UNION, to: null, text: 'We want "union jobs", not\nlocal hiring, OK?' },
      'bot',
      'said: "jobs, jobs"\r\nand more',
    );
    t.actBy({ type: 'chat', seat: AUTHORITY, to: null, text: 'plain' }, 'bot', '=HYPERLINK("http://x")');
    t.actBy({ type: 'chat', seat: AUTHORITY, to: null, text: 'again' }, 'bot', ' padded ');
    const csv = toCsv(t.record());
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe(`0,0,prepare,system,human,advance,"{""type"":""advance""}",,${t.log[0].time}`);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(5);
    expect(JSON.parse(rows[2][6])).toEqual({
      type: 'chat',
      seat: UNION,
      to: null,
      text: 'We want "union jobs", not\nlocal hiring, OK?',
    });
    expect(rows[2][7]).toBe('said: "jobs, jobs"\r\nand more');
    // A reason a spreadsheet would run as a formula is defused.
    expect(rows[3][7]).toBe('\'=HYPERLINK("http://x")');
    expect(rows[4][7]).toBe(' padded ');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('leaves plain fields bare and quotes only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField(12)).toBe('12');
    expect(csvField(null)).toBe('');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('-3 points', true)).toBe("'-3 points");
    expect(csvField('-3', false)).toBe('-3');
  });
});
