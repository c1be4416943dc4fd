import { trustPayoff } from '../../../shared/engine/rules';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../shared/engine/rng';
import type { TrustMove } from '../../../shared/engine/types';
import {
  DEFAULT_TRUST_PAYOFFS,
  STRATEGIES,
  STRATEGY_NAMES,
  gtftForgiveness,
  isStrategyName,
  playMatch,
  type StrategyName,
} from '../../../shared/bots/strategies';

const H: TrustMove = 'honour';
const D: TrustMove = 'defect';
/** Moves from a string of C (honour) and D (defect), as Axelrod writes them. */
const moves = (s: string): TrustMove[] => [...s].map((c) => (c === 'C' ? H : D));

const DETERMINISTIC = STRATEGY_NAMES.filter((s) => s !== 'random' && s !== 'generous-tit-for-tat');

describe('strategy names', () => {
  it('lists the 13 strategies of DESIGN.md section 6, in kebab-case, each with a function', () => {
    expect(STRATEGY_NAMES).toEqual([
      'tit-for-tat',
      'generous-tit-for-tat',
      'grudger',
      'win-stay-lose-shift',
      'tit-for-two-tats',
      'two-tits-for-tat',
      'suspicious-tit-for-tat',
      'detective',
      'prober',
      'alternator',
      'always-cooperate',
      'always-defect',
      'random',
    ]);
    expect(Object.keys(STRATEGIES).sort()).toEqual([...STRATEGY_NAMES].sort());
    expect(isStrategyName('grudger')).toBe(true);
    expect(isStrategyName('Grudger')).toBe(false);
  });
});

describe('match scores over 200 turns with T=5, R=3, P=1, S=0, as Axelrod 4.13 scores them', () => {
  // Worked by hand from Axelrod's definitions, e.g.
  //   tit-for-tat v always-defect: CDDD… v DDDD…: S + 199·P = 199 and T + 199·P = 204.
  //   grudger v alternator: CC, CD, then grudger defects for ever while alternator plays C, D, C…:
  //     3 + 0 + 99·T + 99·P = 597 and 3 + 5 + 99·S + 99·P = 107.
  //   detective v always-cooperate: CDCC then D for ever (never punished): 3+5+3+3 + 196·5 = 994 and 9.
  //   prober v tit-for-tat: DC, CD, CC, then tit-for-tat (punished in round 2): 5+0+198·3 = 599 each.
  //   tit-for-two-tats v detective: CC CD CC CC, then detective defects for ever, tit-for-two-tats
  //     answers from round 7: 3+0+3+3+0+0+194 = 203 and 3+5+3+3+5+5+194 = 218.
  //   win-stay-lose-shift v suspicious-tit-for-tat: CD DC DD, then the cycle CD DC DD repeats: 401 each.
  // The rest were checked against an independent re-statement of the same definitions.
  const PAIRS: [StrategyName, StrategyName, number, number][] = [
    ['tit-for-tat', 'tit-for-tat', 600, 600],
    ['tit-for-tat', 'grudger', 600, 600],
    ['tit-for-tat', 'win-stay-lose-shift', 600, 600],
    ['tit-for-tat', 'tit-for-two-tats', 600, 600],
    ['tit-for-tat', 'two-tits-for-tat', 600, 600],
    ['tit-for-tat', 'suspicious-tit-for-tat', 500, 500],
    ['tit-for-tat', 'detective', 599, 599],
    ['tit-for-tat', 'prober', 599, 599],
    ['tit-for-tat', 'alternator', 498, 503],
    ['tit-for-tat', 'always-cooperate', 600, 600],
    ['tit-for-tat', 'always-defect', 199, 204],
    ['grudger', 'grudger', 600, 600],
    ['grudger', 'win-stay-lose-shift', 600, 600],
    ['grudger', 'tit-for-two-tats', 600, 600],
    ['grudger', 'two-tits-for-tat', 600, 600],
    ['grudger', 'suspicious-tit-for-tat', 203, 203],
    ['grudger', 'detective', 209, 204],
    ['grudger', 'prober', 207, 202],
    ['grudger', 'alternator', 597, 107],
    ['grudger', 'always-cooperate', 600, 600],
    ['grudger', 'always-defect', 199, 204],
    ['win-stay-lose-shift', 'win-stay-lose-shift', 600, 600],
    ['win-stay-lose-shift', 'tit-for-two-tats', 600, 600],
    ['win-stay-lose-shift', 'two-tits-for-tat', 600, 600],
    ['win-stay-lose-shift', 'suspicious-tit-for-tat', 401, 401],
    ['win-stay-lose-shift', 'detective', 404, 399],
    ['win-stay-lose-shift', 'prober', 401, 401],
    ['win-stay-lose-shift', 'alternator', 450, 450],
    ['win-stay-lose-shift', 'always-cooperate', 600, 600],
    ['win-stay-lose-shift', 'always-defect', 100, 600],
    ['tit-for-two-tats', 'tit-for-two-tats', 600, 600],
    ['tit-for-two-tats', 'two-tits-for-tat', 600, 600],
    ['tit-for-two-tats', 'suspicious-tit-for-tat', 597, 602],
    ['tit-for-two-tats', 'detective', 203, 218],
    ['tit-for-two-tats', 'prober', 201, 216],
    ['tit-for-two-tats', 'alternator', 300, 800],
    ['tit-for-two-tats', 'always-cooperate', 600, 600],
    ['tit-for-two-tats', 'always-defect', 198, 208],
    ['two-tits-for-tat', 'two-tits-for-tat', 600, 600],
    ['two-tits-for-tat', 'suspicious-tit-for-tat', 203, 203],
    ['two-tits-for-tat', 'detective', 212, 207],
    ['two-tits-for-tat', 'prober', 210, 205],
    ['two-tits-for-tat', 'alternator', 597, 107],
    ['two-tits-for-tat', 'always-cooperate', 600, 600],
    ['two-tits-for-tat', 'always-defect', 199, 204],
    ['suspicious-tit-for-tat', 'suspicious-tit-for-tat', 200, 200],
    ['suspicious-tit-for-tat', 'detective', 601, 596],
    ['suspicious-tit-for-tat', 'prober', 600, 595],
    ['suspicious-tit-for-tat', 'alternator', 500, 500],
    ['suspicious-tit-for-tat', 'always-cooperate', 602, 597],
    ['suspicious-tit-for-tat', 'always-defect', 200, 200],
    ['detective', 'detective', 598, 598],
    ['detective', 'prober', 599, 599],
    ['detective', 'alternator', 497, 502],
    ['detective', 'always-cooperate', 994, 9],
    ['detective', 'always-defect', 197, 212],
    ['prober', 'prober', 204, 204],
    ['prober', 'alternator', 498, 503],
    ['prober', 'always-cooperate', 996, 6],
    ['prober', 'always-defect', 198, 208],
    ['alternator', 'alternator', 400, 400],
    ['alternator', 'always-cooperate', 800, 300],
    ['alternator', 'always-defect', 100, 600],
    ['always-cooperate', 'always-cooperate', 600, 600],
    ['always-cooperate', 'always-defect', 0, 1000],
    ['always-defect', 'always-defect', 200, 200],
  ];

  it.each(PAIRS)('%s v %s: %d / %d', (a, b, scoreA, scoreB) => {
    const m = playMatch(a, b, 200, new Rng(1), { payoffs: DEFAULT_TRUST_PAYOFFS });
    expect(m.scores).toEqual([scoreA, scoreB]);
    // The other way round gives the same scores swapped.
    expect(playMatch(b, a, 200, new Rng(2)).scores).toEqual([scoreB, scoreA]);
  });

  it('covers every pair of deterministic strategies, self-play included', () => {
    expect(DETERMINISTIC).toHaveLength(11);
    expect(PAIRS).toHaveLength((11 * 10) / 2 + 11);
    for (const [i, a] of DETERMINISTIC.entries()) {
      for (const b of DETERMINISTIC.slice(i)) {
        expect(
          PAIRS.some(([x, y]) => (x === a && y === b) || (x === b && y === a)),
          `${a} v ${b}`,
        ).toBe(true);
      }
    }
  });

  it('gives the same scores whatever the generator for deterministic strategies', () => {
    for (const a of DETERMINISTIC) {
      for (const b of DETERMINISTIC) {
        expect(playMatch(a, b, 50, new Rng(7)).scores).toEqual(playMatch(a, b, 50, new Rng(99)).scores);
      }
    }
  });
});

describe('each strategy', () => {
  const rng = () => new Rng(3);
  const move = (name: StrategyName, own: string, partner: string) =>
    STRATEGIES[name]({ own: moves(own), partner: moves(partner) }, rng(), DEFAULT_TRUST_PAYOFFS).move;

  it.each<[StrategyName, string, string, TrustMove, string]>([
    ['tit-for-tat', '', '', H, 'opens by honouring'],
    ['tit-for-tat', 'C', 'D', D, 'answers a defection with a defection'],
    ['tit-for-tat', 'D', 'C', H, 'answers honour with honour'],
    ['grudger', '', '', H, 'opens by honouring'],
    ['grudger', 'CCC', 'CDC', D, 'never forgives a defection'],
    ['grudger', 'CCC', 'CCC', H, 'honours while the partner has never defected'],
    ['win-stay-lose-shift', '', '', H, 'opens by honouring'],
    ['win-stay-lose-shift', 'C', 'C', H, 'stays after mutual honour'],
    ['win-stay-lose-shift', 'C', 'D', D, 'shifts after being the sucker'],
    ['win-stay-lose-shift', 'D', 'C', D, 'stays after a successful defection'],
    ['win-stay-lose-shift', 'D', 'D', H, 'shifts after mutual defection'],
    ['tit-for-two-tats', '', '', H, 'opens by honouring'],
    ['tit-for-two-tats', 'CC', 'CD', H, 'lets a single defection pass'],
    ['tit-for-two-tats', 'CC', 'DD', D, 'defects after two defections in a row'],
    ['tit-for-two-tats', 'CCC', 'DCD', H, 'needs the two defections to be consecutive'],
    ['two-tits-for-tat', '', '', H, 'opens by honouring'],
    ['two-tits-for-tat', 'C', 'D', D, 'defects after a defection'],
    ['two-tits-for-tat', 'CD', 'DC', D, 'defects a second time after one defection'],
    ['two-tits-for-tat', 'CDD', 'DCC', H, 'forgives after two rounds'],
    ['suspicious-tit-for-tat', '', '', D, 'opens by defecting'],
    ['suspicious-tit-for-tat', 'D', 'C', H, 'then copies honour'],
    ['suspicious-tit-for-tat', 'D', 'D', D, 'and copies defection'],
    ['detective', '', '', H, 'opens honour'],
    ['detective', 'C', 'C', D, 'then defect'],
    ['detective', 'CD', 'CC', H, 'then honour'],
    ['detective', 'CDC', 'CCC', H, 'then honour'],
    ['detective', 'CDCC', 'CCCC', D, 'exploits a partner who never struck back'],
    ['detective', 'CDCCD', 'CCCCC', D, 'keeps exploiting'],
    ['detective', 'CDCC', 'CCDC', H, 'plays tit-for-tat against one who struck back (honour)'],
    ['detective', 'CDCCC', 'CCDCD', D, 'plays tit-for-tat against one who struck back (defect)'],
    ['prober', '', '', D, 'opens with a probe'],
    ['prober', 'D', 'C', H, 'then honours'],
    ['prober', 'DC', 'CC', H, 'then honours again'],
    ['prober', 'DCC', 'CCC', D, 'exploits a partner who honoured in rounds 2 and 3'],
    ['prober', 'DCC', 'CDC', H, 'plays tit-for-tat against one who punished (honour)'],
    ['prober', 'DCCC', 'CDCD', D, 'plays tit-for-tat against one who punished (defect)'],
    ['alternator', '', '', H, 'opens by honouring'],
    ['alternator', 'C', 'C', D, 'then defects'],
    ['alternator', 'CD', 'CC', H, 'then honours'],
    ['always-cooperate', 'CD', 'DD', H, 'always honours'],
    ['always-defect', '', '', D, 'always defects'],
    ['always-defect', 'DD', 'CC', D, 'always defects'],
    ['generous-tit-for-tat', '', '', H, 'opens by honouring'],
    ['generous-tit-for-tat', 'C', 'C', H, 'answers honour with honour'],
  ])('%s after (%j, %j) plays %s: %s', (name, own, partner, expected) => {
    expect(move(name, own, partner)).toBe(expected);
  });

  it.each(STRATEGY_NAMES)('%s gives a one-line reason that names its move', (name) => {
    const m = playMatch(name, 'alternator', 30, new Rng(11));
    m.reasons[0].forEach((reason, t) => {
      expect(reason).not.toContain('\n');
      expect(reason.length).toBeGreaterThan(12);
      // Without noise the move played is the move chosen, which the reason names.
      expect(reason.startsWith(m.moves[0][t] === 'honour' ? 'honoured: ' : 'defected: ')).toBe(true);
    });
  });

  it('explains in plain words', () => {
    const tft = STRATEGIES['tit-for-tat'];
    expect(tft({ own: [H], partner: [H] }, new Rng(1), DEFAULT_TRUST_PAYOFFS).reason).toBe(
      'honoured: you honoured me last round',
    );
    expect(
      STRATEGIES.grudger({ own: moves('CC'), partner: moves('CD') }, new Rng(1), DEFAULT_TRUST_PAYOFFS).reason,
    ).toBe('defected: you defected on me in round 2, and I never forgive');
  });

  it('is pure: the same history and generator state give the same decision, and the history is untouched', () => {
    const own = moves('CDCCD');
    const partner = moves('DDCCD');
    for (const name of STRATEGY_NAMES) {
      const first = STRATEGIES[name]({ own, partner }, new Rng(5), DEFAULT_TRUST_PAYOFFS);
      const second = STRATEGIES[name]({ own, partner }, new Rng(5), DEFAULT_TRUST_PAYOFFS);
      expect(second).toEqual(first);
    }
    expect(own).toEqual(moves('CDCCD'));
    expect(partner).toEqual(moves('DDCCD'));
  });
});

describe('generous tit-for-tat', () => {
  it('forgives with probability min(1 − (T−R)/(R−S), (R−P)/(T−P)): 1/3 for the default payoffs', () => {
    expect(gtftForgiveness(DEFAULT_TRUST_PAYOFFS)).toBeCloseTo(1 / 3, 12);
    // T=4, R=3, P=1, S=0: min(1 − 1/3, 2/3) = 2/3.
    expect(gtftForgiveness({ T: 4, R: 3, P: 1, S: 0 })).toBeCloseTo(2 / 3, 12);
    // T=6, R=3, P=1, S=0: min(1 − 1, 2/5) = 0: no forgiveness left, it is tit-for-tat.
    expect(gtftForgiveness({ T: 6, R: 3, P: 1, S: 0 })).toBe(0);
  });

  it('forgives about a third of the defections of always-defect', () => {
    const m = playMatch('generous-tit-for-tat', 'always-defect', 20001, new Rng(42));
    const honoured = m.moves[0].slice(1).filter((x) => x === 'honour').length;
    expect(honoured / 20000).toBeGreaterThan(0.3);
    expect(honoured / 20000).toBeLessThan(0.367);
    expect(m.reasons[0].find((r) => r.startsWith('honoured: you defected'))).toBe(
      'honoured: you defected on me last round, but I forgive 33% of the time',
    );
  });

  it('reads its forgiveness from the payoffs it is given', () => {
    const tftLike = playMatch('generous-tit-for-tat', 'always-defect', 500, new Rng(1), {
      payoffs: { T: 6, R: 3, P: 1, S: 0 },
    });
    expect(tftLike.moves[0].slice(1).every((x) => x === 'defect')).toBe(true);
  });
});

describe('random', () => {
  it('honours about half the time', () => {
    const m = playMatch('random', 'always-cooperate', 20000, new Rng(9));
    const honoured = m.moves[0].filter((x) => x === 'honour').length / 20000;
    expect(honoured).toBeGreaterThan(0.48);
    expect(honoured).toBeLessThan(0.52);
  });
});

describe('playMatch', () => {
  it('pays T, R, P, S from the mover’s side', () => {
    expect(trustPayoff(DEFAULT_TRUST_PAYOFFS, H, H)).toBe(3);
    expect(trustPayoff(DEFAULT_TRUST_PAYOFFS, H, D)).toBe(0);
    expect(trustPayoff(DEFAULT_TRUST_PAYOFFS, D, H)).toBe(5);
    expect(trustPayoff(DEFAULT_TRUST_PAYOFFS, D, D)).toBe(1);
  });

  it('uses the payoffs it is given', () => {
    const payoffs = { T: 7, R: 4, P: 2, S: -1 };
    // CDDD… v DDDD…: S + 9·P and T + 9·P.
    expect(playMatch('tit-for-tat', 'always-defect', 10, new Rng(1), { payoffs }).scores).toEqual([17, 25]);
  });

  it('returns both move lists, oldest first', () => {
    const m = playMatch('tit-for-tat', 'alternator', 5, new Rng(1));
    expect(m.moves).toEqual([moves('CCDCD'), moves('CDCDC')]);
    expect(m.flips).toEqual([0, 0]);
  });

  it('plays zero turns', () => {
    expect(playMatch('tit-for-tat', 'random', 0, new Rng(1)).scores).toEqual([0, 0]);
  });

  it('refuses noise outside [0, 1] and bad turn counts', () => {
    expect(() => playMatch('tit-for-tat', 'random', 10, new Rng(1), { noise: 1.5 })).toThrow(/noise/);
    expect(() => playMatch('tit-for-tat', 'random', 10, new Rng(1), { noise: -0.1 })).toThrow(/noise/);
    expect(() => playMatch('tit-for-tat', 'random', 2.5, new Rng(1))).toThrow(/turns/);
  });

  it('is deterministic for a generator state, random strategies and noise included', () => {
    const run = (seed: number) => playMatch('random', 'generous-tit-for-tat', 300, new Rng(seed), { noise: 0.1 });
    expect(run(123)).toEqual(run(123));
    expect(run(123).moves).not.toEqual(run(124).moves);
  });
});

describe('noise', () => {
  it.each([0.01, 0.05, 0.1, 0.25])('flips about %s of the moves', (noise) => {
    const turns = 20000;
    const m = playMatch('always-cooperate', 'always-defect', turns, new Rng(2024), { noise });
    // Every defection of always-cooperate and every honour of always-defect is a flip.
    const flippedA = m.moves[0].filter((x) => x === 'defect').length;
    const flippedB = m.moves[1].filter((x) => x === 'honour').length;
    expect(m.flips).toEqual([flippedA, flippedB]);
    const tolerance = 4 * Math.sqrt((noise * (1 - noise)) / turns);
    expect(Math.abs(flippedA / turns - noise)).toBeLessThan(tolerance);
    expect(Math.abs(flippedB / turns - noise)).toBeLessThan(tolerance);
  });

  it('flips nothing at 0 and everything at 1', () => {
    expect(playMatch('always-cooperate', 'always-cooperate', 100, new Rng(1), { noise: 0 }).flips).toEqual([0, 0]);
    const all = playMatch('always-cooperate', 'always-cooperate', 100, new Rng(1), { noise: 1 });
    expect(all.flips).toEqual([100, 100]);
    expect(all.scores).toEqual([100, 100]);
  });

  it('is applied after the strategy chooses, and strategies see the flipped moves', () => {
    const m = playMatch('tit-for-tat', 'always-cooperate', 2000, new Rng(77), { noise: 0.1 });
    expect(m.flips[1]).toBeGreaterThan(100);
    for (let t = 1; t < 2000; t++) {
      // Tit-for-tat chose (its reason) what always-cooperate played last round, flips included.
      const sawDefection = m.moves[1][t - 1] === 'defect';
      expect(m.reasons[0][t]).toBe(
        sawDefection ? 'defected: you defected on me last round' : 'honoured: you honoured me last round',
      );
    }
    // always-cooperate always chose honour; what was played differs where noise flipped it.
    expect(m.reasons[1].every((r) => r === 'honoured: I always honour')).toBe(true);
  });
});
