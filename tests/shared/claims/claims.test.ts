// The claims of DESIGN 10 at a smaller size than `npm run claims` (which the README reports):
// seeded, so each run measures the same games and a verdict changes only when the game does.
import { describe, expect, it } from 'vitest';
import { CLAIM_IDS, measureClaims, type ClaimResult } from '../../../shared/claims/claims';
import { scenarioById } from '../../../shared/scenarios';

const riverDam = scenarioById('river-dam')!;
const GAMES = 10;
const report = measureClaims([riverDam], {
  games: GAMES,
  benchmarkGames: 40,
  only: ['students', 'concede-best-reply', 'silent-seats', 'point-demand', 'escalation'],
});
const find = (id: string, subject?: string): ClaimResult => {
  const r = report.results.find(
    (x) => x.id === id && x.scenario === 'river-dam' && (subject === undefined || x.subject === subject),
  );
  if (!r) throw new Error(`no result for ${id} ${subject ?? ''}`);
  return r;
};

describe('claims at a smaller size, on River dam (the strongest holds a veto)', () => {
  it('reports each claim with its effect, a 95 % interval around it, its games and a verdict', () => {
    for (const r of report.results) {
      expect(CLAIM_IDS).toContain(r.id);
      expect(r.effect.lo).toBeLessThanOrEqual(r.effect.mean);
      expect(r.effect.hi).toBeGreaterThanOrEqual(r.effect.mean);
      expect(r.games).toBeGreaterThanOrEqual(GAMES);
      expect(['holds', 'does not hold', 'not claimed here']).toContain(r.verdict);
      expect(r.claim.length).toBeGreaterThan(10);
    }
  });
  it.each(['idle', 'demand-all', 'side-deal', 'always-defect'])(
    'a %s student lands below the middle of its role',
    (name) => {
      const r = find('students', name);
      expect(r.effect.mean).toBeLessThan(50);
      expect(r.verdict).toBe('holds');
    },
  );
  it("conceding to weak seats that escalate together is the strongest seat's best reply (bots and students through the engine)", () => {
    const r = find('concede-best-reply');
    expect(r.effect.lo).toBeGreaterThan(0);
    expect(r.verdict).toBe('holds');
  });
  it('two silent seats do not stall the table', () => {
    expect(find('silent-seats').effect.mean).toBeGreaterThanOrEqual(0.5);
  });
  it('a demand of points is never accepted twice from the same seat', () => {
    expect(find('point-demand').verdict).toBe('holds');
  });
  it('measures the same games every time (seeded)', () => {
    const again = measureClaims([riverDam], { games: 3, benchmarkGames: 20, only: ['escalation'] });
    const once = measureClaims([riverDam], { games: 3, benchmarkGames: 20, only: ['escalation'] });
    expect(again.results).toEqual(once.results);
  });
});
