// The claims the game must make true (DESIGN 10), each measured over seeded games on a scenario
// with its effect, a 95 % interval, the number of games and a verdict. A lesson a screen or the
// coach states is a claim: it is taught as true only where the verdict says it holds.
import { runBenchmark, type Benchmark } from '../bots/benchmark';
import { PERSONA_NAMES, type PersonaName } from '../bots/personas';
import { placeSeat, seatOutcomes } from '../engine/percentiles';
import type { Scenario, Seat } from '../engine/types';
import { seatsOfScenario, weakestPair, weakSeats, type StudentName } from '../students';
import { estimate, pairedDifference, type Estimate } from './stats';
import {
  claimedPerRound,
  incomePerRound,
  hasVeto,
  jointGainPerRound,
  persona,
  play,
  roster,
  silentPair,
  strongestSeat,
  student,
  termsValuePerRound,
  withSeats,
} from './tables';

export const CLAIM_IDS = [
  'packages',
  'coalesce',
  'asking',
  'labelled',
  'escalation',
  'concede-best-reply',
  'builders',
  'students',
  'silent-seats',
  'point-demand',
  'personas',
] as const;
export type ClaimId = (typeof CLAIM_IDS)[number];

export type Verdict = 'holds' | 'does not hold' | 'not claimed here';

export interface ClaimResult {
  id: ClaimId;
  /** A scenario id, or 'all' for a claim over every scenario measured. */
  scenario: string;
  /** The student or persona the claim is about, if it is about one. */
  subject?: string;
  /** The claim in the words a screen would use. */
  claim: string;
  /** What the effect measures, with its unit. */
  measure: string;
  effect: Estimate;
  /** The target the verdict checks, in words. */
  target: string;
  verdict: Verdict;
  games: number;
}

export interface ClaimsOptions {
  games: number;
  /** Benchmark tables per scenario (role percentiles). */
  benchmarkGames?: number;
  only?: readonly ClaimId[];
  onProgress?: (label: string, done: number, total: number) => void;
}

/** Students whose habit the lessons warn against, with the role percentile each must stay under. */
export const STUDENT_TARGETS: { student: StudentName; below: number; each: boolean }[] = [
  { student: 'idle', below: 40, each: true },
  { student: 'demand-all', below: 40, each: true },
  { student: 'side-deal', below: 40, each: true },
  { student: 'always-defect', below: 40, each: true },
  { student: 'grabber', below: 50, each: false },
  { student: 'accept-all', below: 50, each: false },
  { student: 'escalate-always', below: 50, each: false },
  { student: 'last-round-defector', below: 50, each: false },
];

function verdictAbove(e: Estimate, threshold = 0): Verdict {
  return e.lo > threshold ? 'holds' : 'does not hold';
}

interface Ctx {
  scenario: Scenario;
  games: number;
  bench: Benchmark;
  tick: (label: string) => void;
}

/** The same seeds played two ways; returns both samples. */
function paired(ctx: Ctx, label: string, a: (g: number) => number, b: (g: number) => number): [number[], number[]] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let g = 0; g < ctx.games; g++) {
    xs.push(a(g));
    ys.push(b(g));
    ctx.tick(label);
  }
  return [xs, ys];
}

/** A seat's mutual-gain role percentile in a played game. */
function percentileIn(ctx: Ctx, state: Parameters<typeof seatOutcomes>[0], seat: Seat): number {
  return placeSeat(ctx.bench, seatOutcomes(state)[seat]).mutualGain;
}

// ---------------------------------------------------------------------------
// One scenario's claims

function packages(ctx: Ctx): ClaimResult {
  const { scenario } = ctx;
  const [withPk, moneyOnly] = paired(
    ctx,
    'packages',
    (g) => jointGainPerRound(play(scenario, roster(scenario, g), g).state),
    (g) => jointGainPerRound(play(scenario, roster(scenario, g, { packages: false, moneyOnly: true }), g).state),
  );
  const effect = pairedDifference(withPk, moneyOnly);
  return {
    id: 'packages',
    scenario: scenario.id,
    claim: 'Packages of terms beat money-only deals',
    measure:
      'joint gain per round, tables that trade terms (packages, terms asked for in counters) minus the same tables bargaining over money only',
    effect,
    target: 'above 0',
    verdict: verdictAbove(effect),
    games: ctx.games,
  };
}

/**
 * The weak third of the table playing a scripted habit, against the same seats playing as
 * reciprocators on the same seeds: the weak seats' mean value claimed per round, paired.
 */
function weakSeatsGain(ctx: Ctx, label: ClaimId, habit: StudentName): { weak: Seat[]; effect: Estimate } {
  const { scenario } = ctx;
  const weak = weakSeats(seatsOfScenario(scenario));
  const mean = (state: Parameters<typeof claimedPerRound>[0]) =>
    weak.reduce((a, s) => a + claimedPerRound(state, s), 0) / weak.length;
  const [withHabit, without] = paired(
    ctx,
    label,
    (g) => mean(play(scenario, withSeats(roster(scenario, g), weak, student(habit)), g).state),
    (g) => mean(play(scenario, withSeats(roster(scenario, g), weak, persona('reciprocator')), g).state),
  );
  return { weak, effect: pairedDifference(withHabit, without) };
}

const names = (scenario: Scenario, seats: readonly Seat[]) => seats.map((s) => scenario.roles[s].name).join(', ');

function coalesce(ctx: Ctx): ClaimResult {
  const { scenario } = ctx;
  const { weak, effect } = weakSeatsGain(ctx, 'coalesce', 'weak-bloc');
  return {
    id: 'coalesce',
    scenario: scenario.id,
    claim: 'Weak seats that coalesce beat those that do not',
    measure: `value claimed per round by the weak seats (${names(scenario, weak)}) holding together, minus the same seats each on its own`,
    effect,
    target: 'above 0',
    verdict: verdictAbove(effect),
    games: ctx.games,
  };
}

function asking(ctx: Ctx): ClaimResult {
  const { scenario } = ctx;
  const [asked, silent] = paired(
    ctx,
    'asking',
    (g) => termsValuePerRound(play(scenario, roster(scenario, g), g).state, 2),
    (g) => termsValuePerRound(play(scenario, roster(scenario, g, { asks: false }), g).state, 2),
  );
  const effect = pairedDifference(asked, silent);
  return {
    id: 'asking',
    scenario: scenario.id,
    claim: 'Asking what matters to others raises the value of later deals',
    measure:
      "what the winning deals' terms are worth to the table per round from round 2, tables that ask minus the same tables that never ask",
    effect,
    target: 'above 0',
    verdict: verdictAbove(effect),
    games: ctx.games,
  };
}

function labelled(ctx: Ctx): ClaimResult {
  const { scenario } = ctx;
  const n = scenario.roles.length;
  const [lab, sil] = paired(
    ctx,
    'labelled',
    (g) =>
      incomePerRound(
        play(scenario, withSeats(roster(scenario, g), [g % n], student('labelled-conceder')), g).state,
        g % n,
        2,
      ),
    (g) =>
      incomePerRound(
        play(scenario, withSeats(roster(scenario, g), [g % n], student('silent-conceder')), g).state,
        g % n,
        2,
      ),
  );
  const effect = pairedDifference(lab, sil);
  return {
    id: 'labelled',
    scenario: scenario.id,
    claim: 'Labelled concessions pay more than silent ones',
    measure:
      "the giver's income per round from the round of its concession on (deals, trust, gifts back, the concession itself), labelled minus the same concession given silently",
    effect,
    target: 'above 0',
    verdict: verdictAbove(effect),
    games: ctx.games,
  };
}

function escalation(ctx: Ctx): ClaimResult {
  const { scenario } = ctx;
  const { weak, effect } = weakSeatsGain(ctx, 'escalation', 'weak-escalator');
  const claimed = hasVeto(scenario);
  return {
    id: 'escalation',
    scenario: scenario.id,
    claim: 'Where the strongest holds a veto, weak seats that escalate together, step by step, gain',
    measure: `value claimed per round by the weak seats (${names(scenario, weak)}) escalating together against the strongest, minus the same seats not escalating`,
    effect,
    target: claimed ? 'above 0' : 'no veto here: reported only',
    verdict: claimed ? verdictAbove(effect) : 'not claimed here',
    games: ctx.games,
  };
}

function concedeBestReply(ctx: Ctx): ClaimResult {
  const { scenario } = ctx;
  const strong = strongestSeat(scenario);
  const weak = weakSeats(seatsOfScenario(scenario));
  const table = (g: number, yields: 'always' | 'never') =>
    withSeats(
      withSeats(roster(scenario, g), weak, student('weak-escalator')),
      [strong],
      persona('incumbent', { yields }),
    );
  const [yielding, refusing] = paired(
    ctx,
    'concede-best-reply',
    (g) => claimedPerRound(play(scenario, table(g, 'always'), g).state, strong),
    (g) => claimedPerRound(play(scenario, table(g, 'never'), g).state, strong),
  );
  const effect = pairedDifference(yielding, refusing);
  const claimed = hasVeto(scenario);
  return {
    id: 'concede-best-reply',
    scenario: scenario.id,
    claim:
      'Where the strongest holds a veto and a third of the seats escalate together, conceding a reasonable demand is its best reply',
    measure: `${scenario.roles[strong].name}'s value claimed per round when it meets the weak seats' demands, minus when it always refuses`,
    effect,
    target: claimed ? 'above 0' : 'no veto here: reported only',
    verdict: claimed ? verdictAbove(effect) : 'not claimed here',
    games: ctx.games,
  };
}

function builders(ctx: Ctx): ClaimResult {
  const { scenario } = ctx;
  const n = scenario.roles.length;
  const all = (spec: (s: number) => ReturnType<typeof persona>) => Array.from({ length: n }, (_, s) => spec(s));
  const [b, gr] = paired(
    ctx,
    'builders',
    (g) =>
      jointGainPerRound(
        play(
          scenario,
          all(() => persona('builder')),
          g,
        ).state,
      ),
    (g) =>
      jointGainPerRound(
        play(
          scenario,
          all((s) => persona(s % 2 === 0 ? 'opportunist' : 'hardliner')),
          g,
        ).state,
      ),
  );
  const effect = pairedDifference(b, gr);
  return {
    id: 'builders',
    scenario: scenario.id,
    claim: "Builders' tables make more joint gain than grabbers' tables",
    measure: 'joint gain per round, a table of builders minus a table of opportunists and hardliners',
    effect,
    target: 'above 0',
    verdict: verdictAbove(effect),
    games: ctx.games,
  };
}

/** The seats a student takes in game g: the two weakest for side deals, else one seat in turn. */
function studentSeats(scenario: Scenario, name: StudentName, g: number): Seat[] {
  if (name === 'side-deal') return weakestPair(seatsOfScenario(scenario));
  return [g % scenario.roles.length];
}

function studentPercentile(ctx: Ctx, name: StudentName): Estimate {
  const { scenario } = ctx;
  const xs: number[] = [];
  for (let g = 0; g < ctx.games; g++) {
    const seats = studentSeats(scenario, name, g);
    const state = play(scenario, withSeats(roster(scenario, g), seats, student(name)), g).state;
    for (const s of seats) xs.push(percentileIn(ctx, state, s));
    ctx.tick(`student ${name}`);
  }
  return estimate(xs);
}

function students(ctx: Ctx): ClaimResult[] {
  return STUDENT_TARGETS.map(({ student: name, below, each }) => {
    const effect = studentPercentile(ctx, name);
    return {
      id: 'students' as const,
      scenario: ctx.scenario.id,
      subject: name,
      claim: `A student who ${studentHabit(name)} lands below the middle of its role${each ? '' : ', on average'}`,
      measure: `mean role percentile on the mutual-gain score (per round) of the ${name} student, against the benchmark`,
      effect,
      target: each ? `below ${below}` : `below ${below} on average`,
      verdict: !each ? 'not claimed here' : effect.mean < below ? 'holds' : 'does not hold',
      games: ctx.games,
    };
  });
}

function studentHabit(name: StudentName): string {
  switch (name) {
    case 'idle':
      return 'does nothing';
    case 'demand-all':
      return 'demands the whole prize and never concedes';
    case 'side-deal':
      return 'farms side deals with another weak seat';
    case 'always-defect':
      return 'always defects';
    case 'grabber':
      return 'grabs with the smallest winning coalition';
    case 'accept-all':
      return 'accepts every offer';
    case 'escalate-always':
      return 'escalates every round';
    case 'last-round-defector':
      return 'defects when the game may be over';
    default:
      return name;
  }
}

function silentSeats(ctx: Ctx): ClaimResult | null {
  const { scenario } = ctx;
  const pair = silentPair(scenario);
  if (!pair) return null;
  const [silent, usual] = paired(
    ctx,
    'silent-seats',
    (g) => jointGainPerRound(play(scenario, withSeats(roster(scenario, g), pair, student('idle')), g).state),
    (g) => jointGainPerRound(play(scenario, roster(scenario, g), g).state),
  );
  const u = estimate(usual);
  const s = estimate(silent);
  // The ratio of means, with the interval of the silent tables' mean over the usual mean.
  const effect: Estimate = { mean: s.mean / u.mean, lo: s.lo / u.mean, hi: s.hi / u.mean, n: s.n };
  return {
    id: 'silent-seats',
    scenario: scenario.id,
    claim: 'Two seats that never act cannot stall a table that can win without them',
    measure: `joint gain per round with ${pair.map((x) => scenario.roles[x].name).join(' and ')} silent, as a share of the usual joint gain`,
    effect,
    target: 'at least 0.5',
    verdict: effect.mean >= 0.5 ? 'holds' : 'does not hold',
    games: ctx.games,
  };
}

function pointDemand(ctx: Ctx): ClaimResult {
  const { scenario } = ctx;
  const strong = strongestSeat(scenario);
  const n = scenario.roles.length;
  const nets: number[] = [];
  let repeated = 0;
  for (let g = 0; g < ctx.games; g++) {
    const seat = (strong + 1 + (g % (n - 1))) % n;
    const result = play(scenario, withSeats(roster(scenario, g), [seat], student('point-pump')), g);
    const demands = result.log.filter(
      (e) => e.actor === seat && e.action.type === 'escalate' && e.action.demand.kind === 'concession',
    ).length;
    if (demands > 1) repeated++;
    let received = 0;
    let cost = 0;
    for (const h of result.state.history) cost += h.income[seat].escalation;
    for (const c of result.state.concessions) if (c.to === seat && c.from === strong) received += c.points;
    nets.push(received + cost);
    ctx.tick('point-demand');
  }
  const effect = estimate(nets);
  return {
    id: 'point-demand',
    scenario: scenario.id,
    claim: 'A demand of points cannot be repeated for profit',
    measure: `points a seat that demands points of ${scenario.roles[strong].name} whenever it can collects, less what its escalations cost, per game (${repeated} games with a second accepted demand)`,
    effect,
    target: 'no second demand accepted',
    verdict: repeated === 0 ? 'holds' : 'does not hold',
    games: ctx.games,
  };
}

/**
 * Mean mutual-gain role percentile of each persona, out of sample: tables seated as the
 * benchmark's (every persona once, rotated through the seats) on seeds of their own, each seat
 * placed among its role's benchmark seats and credited to the persona that held it.
 */
export function personaPercentiles(ctx: Ctx): Map<PersonaName, Estimate> {
  const { scenario } = ctx;
  const samples = new Map<PersonaName, number[]>(PERSONA_NAMES.map((p) => [p, []]));
  for (let g = 0; g < ctx.games; g++) {
    const seats = roster(scenario, g);
    const state = play(scenario, seats, g).state;
    seats.forEach((spec, seat) => {
      if (spec.kind === 'persona') samples.get(spec.persona)!.push(percentileIn(ctx, state, seat));
    });
    ctx.tick('personas');
  }
  return new Map(PERSONA_NAMES.map((p) => [p, estimate(samples.get(p)!)]));
}

// ---------------------------------------------------------------------------
// Every claim over every scenario

export interface ClaimsReport {
  results: ClaimResult[];
  /** Each scenario's persona percentiles, for the "no persona wins everywhere" claim. */
  personas: { scenario: string; percentiles: Record<PersonaName, Estimate> }[];
}

export function measureClaims(scenarios: readonly Scenario[], options: ClaimsOptions): ClaimsReport {
  const only = new Set<ClaimId>(options.only ?? CLAIM_IDS);
  const results: ClaimResult[] = [];
  const personaRows: ClaimsReport['personas'] = [];
  const studentRows = new Map<StudentName, Estimate[]>();
  for (const scenario of scenarios) {
    let done = 0;
    const perScenario = estimateWork(scenario, options.games, only);
    const bench = runBenchmark(scenario, {
      games: options.benchmarkGames,
      onProgress: (d, t) => options.onProgress?.(`${scenario.id}: benchmark`, d, t),
    });
    const ctx: Ctx = {
      scenario,
      games: options.games,
      bench,
      tick: (label) => options.onProgress?.(`${scenario.id}: ${label}`, ++done, perScenario),
    };
    if (only.has('packages')) results.push(packages(ctx));
    if (only.has('coalesce')) results.push(coalesce(ctx));
    if (only.has('asking')) results.push(asking(ctx));
    if (only.has('labelled')) results.push(labelled(ctx));
    if (only.has('escalation')) results.push(escalation(ctx));
    if (only.has('concede-best-reply')) results.push(concedeBestReply(ctx));
    if (only.has('builders')) results.push(builders(ctx));
    if (only.has('students')) {
      for (const r of students(ctx)) {
        results.push(r);
        const name = r.subject as StudentName;
        studentRows.set(name, [...(studentRows.get(name) ?? []), r.effect]);
      }
    }
    if (only.has('silent-seats')) {
      const r = silentSeats(ctx);
      if (r) results.push(r);
    }
    if (only.has('point-demand')) results.push(pointDemand(ctx));
    if (only.has('personas')) {
      const map = personaPercentiles(ctx);
      personaRows.push({
        scenario: scenario.id,
        percentiles: Object.fromEntries(map) as Record<PersonaName, Estimate>,
      });
    }
  }
  // Claims over every scenario measured.
  for (const t of STUDENT_TARGETS.filter((x) => !x.each)) {
    const rows = studentRows.get(t.student);
    if (!rows) continue;
    const effect = meanOfEstimates(rows);
    results.push({
      id: 'students',
      scenario: 'all',
      subject: t.student,
      claim: `A student who ${studentHabit(t.student)} lands below the middle of its role, on average`,
      measure: `mean over scenarios of the ${t.student} student's mean role percentile`,
      effect,
      target: `below ${t.below}`,
      verdict: effect.mean < t.below ? 'holds' : 'does not hold',
      games: options.games * rows.length,
    });
  }
  if (personaRows.length > 0) results.push(...personaClaims(personaRows, options.games));
  return { results, personas: personaRows };
}

function meanOfEstimates(rows: readonly Estimate[]): Estimate {
  const k = rows.length;
  const mean = rows.reduce((a, r) => a + r.mean, 0) / k;
  // Independent samples: the half-widths add in quadrature.
  const half = Math.sqrt(rows.reduce((a, r) => a + ((r.hi - r.lo) / 2) ** 2, 0)) / k;
  return { mean, lo: mean - half, hi: mean + half, n: rows.reduce((a, r) => a + r.n, 0) };
}

function personaClaims(rows: ClaimsReport['personas'], games: number): ClaimResult[] {
  const out: ClaimResult[] = [];
  for (const p of ['builder', 'reciprocator'] as const) {
    const effect = meanOfEstimates(rows.map((r) => r.percentiles[p]));
    out.push({
      id: 'personas',
      scenario: 'all',
      subject: p,
      claim: `The ${p}, who acts out the lessons, lands at or above the middle of its role`,
      measure: `mean over scenarios of the ${p}'s mean role percentile (mutual-gain score per round)`,
      effect,
      target: 'at least 50',
      verdict: effect.mean >= 50 ? 'holds' : 'does not hold',
      games: games * rows.length,
    });
  }
  const bestCount = new Map<PersonaName, number>();
  for (const r of rows) {
    const best = PERSONA_NAMES.reduce((a, b) => (r.percentiles[b].mean > r.percentiles[a].mean ? b : a));
    bestCount.set(best, (bestCount.get(best) ?? 0) + 1);
  }
  const [top, count] = [...bestCount.entries()].sort((a, b) => b[1] - a[1])[0];
  const limit = Math.floor(rows.length / 2);
  const measurable = rows.length >= 2;
  out.push({
    id: 'personas',
    scenario: 'all',
    claim: 'No persona has the best mean role percentile in more than half the scenarios',
    measure: `scenarios where the most frequent best persona (${top}) is best: ${[...bestCount.entries()].map(([p, c]) => `${p} ${c}`).join(', ')}`,
    effect: { mean: count, lo: count, hi: count, n: rows.length },
    target: measurable ? `at most ${limit} of ${rows.length}` : 'needs two scenarios or more',
    verdict: !measurable ? 'not claimed here' : count <= limit ? 'holds' : 'does not hold',
    games: games * rows.length,
  });
  return out;
}

/** Games one scenario's claims will play, for the progress bar. */
export function estimateWork(scenario: Scenario, games: number, only: ReadonlySet<ClaimId>): number {
  const per: Record<ClaimId, number> = {
    packages: 1,
    coalesce: 1,
    asking: 1,
    labelled: 1,
    escalation: 1,
    'concede-best-reply': 1,
    builders: 1,
    students: STUDENT_TARGETS.length,
    'silent-seats': silentPair(scenario) ? 1 : 0,
    'point-demand': 1,
    personas: 1,
  };
  let sum = 0;
  for (const id of only) sum += per[id] * games;
  return sum;
}
