// Pure facts the client shows beside the controls: the power map, whether a coalition reaches
// the quota with every veto, what a package is worth to this seat. They explain; the server
// decides (a proposal the client calls winning is still only a proposal).
import { powerMap, type PowerMap } from '../../shared/engine/power';
import type { PromisedConcession, Role, Seat, Terms } from '../../shared/engine/types';
import type { PublicScenario, TableView } from '../../shared/engine/view';

export function totalPower(s: Pick<PublicScenario, 'roles'>): number {
  return s.roles.reduce((a, r) => a + r.power, 0);
}

export function powerOfSeats(s: Pick<PublicScenario, 'roles'>, seats: readonly Seat[]): number {
  return seats.reduce((a, seat) => a + (s.roles[seat]?.power ?? 0), 0);
}

export function vetoSeats(s: Pick<PublicScenario, 'roles'>): Seat[] {
  return s.roles.flatMap((r, i) => (r.veto ? [i] : []));
}

export interface CoalitionCheck {
  power: number;
  quota: number;
  reachesQuota: boolean;
  /** Veto seats left out. */
  missingVeto: Seat[];
  wins: boolean;
}

/** Would these seats win (DESIGN 2.2): weight at least the quota, every veto seat inside. */
export function checkCoalition(s: Pick<PublicScenario, 'roles' | 'quota'>, seats: readonly Seat[]): CoalitionCheck {
  const power = powerOfSeats(s, seats);
  const missingVeto = vetoSeats(s).filter((v) => !seats.includes(v));
  const reachesQuota = power >= s.quota;
  return { power, quota: s.quota, reachesQuota, missingVeto, wins: reachesQuota && missingVeto.length === 0 };
}

const mapCache = new Map<string, PowerMap>();

/** The power map of a scenario, computed once per weights/quota/veto. */
export function scenarioPowerMap(s: Pick<PublicScenario, 'roles' | 'quota'>): PowerMap {
  const key = `${s.quota}|${s.roles.map((r) => `${r.power}${r.veto ? 'v' : ''}`).join(',')}`;
  let map = mapCache.get(key);
  if (!map) {
    map = powerMap({ weights: s.roles.map((r) => r.power), quota: s.quota, veto: vetoSeats(s) }, 200);
    mapCache.set(key, map);
  }
  return map;
}

/** Points per round a role gets from a set of terms (its private values). */
export function termsValue(role: Pick<Role, 'values'>, terms: Terms | null): number {
  if (!terms) return 0;
  let sum = 0;
  for (const issue in terms) sum += role.values[issue]?.[terms[issue]] ?? 0;
  return sum;
}

export interface PackageWorth {
  prize: number;
  terms: number;
  /** Points this seat promises to hand its partners (it pays them if it honours). */
  promisedOut: number;
  /** Points partners promise this seat: paid only if each giver honours it, so not counted in `total`. */
  promisedIn: number;
  /** prize + terms − promisedOut. */
  total: number;
  walkAway: number;
  /** total − walk-away: what joining gains over staying out, per round. */
  gain: number;
}

/**
 * What a package is worth to this seat per round if it wins with it as a member: its share of
 * the prize plus its values for the terms, less what it promises to hand its partners, against
 * its walk-away this round. Promises to it are shown apart: they depend on the giver honouring
 * (DESIGN 2.3). (Outside a winning deal a seat gets its walk-away plus its values for the terms.)
 */
export function packageWorth(
  view: TableView,
  share: number,
  terms: Terms,
  promises: readonly PromisedConcession[] = [],
): PackageWorth | null {
  if (!view.me) return null;
  const me = view.me.seat;
  const prize = (view.scenario.prize * share) / 100;
  const t = termsValue(view.me.role, terms);
  const promisedOut = promises.filter((p) => p.from === me && p.to !== me).reduce((a, p) => a + p.points, 0);
  const promisedIn = promises.filter((p) => p.to === me && p.from !== me).reduce((a, p) => a + p.points, 0);
  const total = round1(prize + t - promisedOut);
  return {
    prize: round1(prize),
    terms: t,
    promisedOut,
    promisedIn,
    total,
    walkAway: view.me.walkAway,
    gain: round1(total - view.me.walkAway),
  };
}

/** My share in a proposal, or null if I am not a member. */
export function myShare(members: readonly Seat[], split: readonly number[], me: Seat | null): number | null {
  if (me === null) return null;
  const i = members.indexOf(me);
  return i < 0 ? null : split[i];
}

/** Shares proportional to weights that add up to exactly 100 (largest remainders). */
export function proportionalSplit(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (total <= 0) return proportionalSplit(weights.map(() => 1));
  const raw = weights.map((w) => (100 * w) / total);
  const floors = raw.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  return floors;
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

const STOP = new Set(['the', 'of', 'and', '&', 'for', 'on', 'a', 'an']);

/**
 * Short labels for the seats on a small table: the first word of each role name that no other
 * role uses ("Dockworkers'", "Residents'"), or the whole name when it is already short.
 */
export function shortNames(names: readonly string[], max = 14): string[] {
  const words = names.map((n) => n.split(/\s+/).filter((w) => !STOP.has(w.toLowerCase())));
  const count = new Map<string, number>();
  for (const ws of words)
    for (const w of new Set(ws.map((x) => x.toLowerCase()))) count.set(w, (count.get(w) ?? 0) + 1);
  return names.map((name, i) => {
    if (name.length <= max) return name;
    const unique = words[i].filter((w) => count.get(w.toLowerCase()) === 1);
    const pick = unique.find((w) => w.replace(/[^A-Za-z]/g, '').length >= 3) ?? words[i][0] ?? name;
    const clean = pick.replace(/[’']s?$/, '');
    return clean.length > max ? clean.slice(0, max - 1) + '…' : clean;
  });
}

/**
 * Names without the words other seats share ("Harbour Development Authority" beside "Harbour
 * Traders' Guild" becomes "Development Authority"): still a name, just shorter.
 */
export function distinctNames(names: readonly string[]): string[] {
  const words = names.map((n) => n.split(/\s+/));
  const count = new Map<string, number>();
  for (const ws of words)
    for (const w of new Set(ws.map((x) => x.toLowerCase()))) count.set(w, (count.get(w) ?? 0) + 1);
  return names.map((name, i) => {
    const kept = words[i].filter((w) => count.get(w.toLowerCase()) === 1 || STOP.has(w.toLowerCase()));
    while (kept.length && STOP.has(kept[0].toLowerCase())) kept.shift();
    while (kept.length && STOP.has(kept[kept.length - 1].toLowerCase())) kept.pop();
    return kept.length ? kept.join(' ') : name;
  });
}

/** Percent text: 0.4523 → "45%". */
export function pct(x: number, digits = 0): string {
  return `${(x * 100).toFixed(digits)}%`;
}

/** Points text with one decimal at most: 12.5, 30, −4. */
export function pts(x: number): string {
  const r = round1(x);
  const text = Number.isInteger(r) ? String(r) : r.toFixed(1);
  return text.replace('-', '−');
}

export function signed(x: number): string {
  return (x > 0 ? '+' : '') + pts(x);
}
