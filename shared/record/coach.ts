// The solo coach (DESIGN.md section 5): after each round, what moved one seat's numbers and one
// suggestion grounded in a lesson. The note is built only from what that seat could see during
// play — its own view of the table at the end of the round (engine/view.ts) and the events
// addressed to it — never another seat's walk-away, values, points or a bot's reasons. Pure.
import { powerMap } from '../engine/power';
import { termsValue } from '../engine/rules';
import type { Escalation, GameEvent, Income, ReputationCause, Seat, SeatAction } from '../engine/types';
import { viewFor, type TableView } from '../engine/view';
import { horizonSentence } from '../trust-game/findings';
import type { LessonId } from './lessons';
import { lessonStatus, notShownHere } from '../claims/verdicts';
import { replay, type GameRecord } from './log';
import { demandText, listNames, optionText, percentText, pointsText, possessive } from './moments';
import { benchmarkNote, rolePlayers, shareWords, type TablePlacements } from './placements';

export interface CoachNote {
  headline: string;
  /** What moved the seat's points and reputation this round, one line each. */
  moved: string[];
  suggestion: string;
  lesson: LessonId;
  /** After the game, given the seat's role percentiles: where it stands, in one sentence. */
  standing?: string;
}

/** What one seat saw at one step: the events addressed to it, and its own action if it acted. */
interface Seen {
  round: number;
  mine: SeatAction | null;
  events: GameEvent[];
}

const CAUSE_WORDS: Record<ReputationCause, string> = {
  answer: 'answering a question',
  'labelled-concession': 'a labelled concession',
  'silent-concession': 'a silent concession',
  honour: 'honouring every partner',
  'defect-on-honour': 'defecting on a partner who honoured',
  'ignored-demand': 'ignoring a public demand',
  'refused-demand': 'refusing a demand publicly',
  'demand-met': 'a demand met',
  'broke-declaration': 'accepting less than your declared minimum share',
};

const signed = (x: number) => (x > 0 ? `+${pointsText(x)}` : pointsText(x));

/**
 * The coach's note for `seat` after `round` has been scored. Throws a RangeError for a seat that
 * is not at the table or a round the record has not scored yet. `placements` (computed by the
 * server once the game has ended, never during play) adds one sentence on where the seat stands.
 */
export function coachNote(record: GameRecord, seat: number, round: number, placements?: TablePlacements): CoachNote {
  const { scenario } = record;
  if (!Number.isInteger(seat) || seat < 0 || seat >= scenario.roles.length)
    throw new RangeError(`There is no seat ${seat} at this table.`);
  if (!Number.isInteger(round) || round < 1) throw new RangeError(`Rounds are numbered from 1, not ${round}.`);
  const seen: Seen[] = [];
  let view = null as TableView | null;
  replay(record, (after, entry, events) => {
    if (view) return;
    seen.push({
      round: entry.round,
      mine: entry.action.type !== 'advance' && entry.action.seat === seat ? entry.action : null,
      events: events.filter((ev) => ev.to === 'all' || ev.to.includes(seat)),
    });
    if (after.history.length >= round) view = viewFor(after, seat);
  });
  if (!view) throw new RangeError(`Round ${round} has not been scored yet.`);
  const note = buildNote(record, view, seen, seat, round);
  return placements ? { ...note, standing: standingSentence(placements, seat) } : note;
}

/**
 * One sentence on a seat's role percentiles (DESIGN 4): value claimed against the same role's
 * benchmark seats, value created against the benchmark's tables, read together, because the
 * lesson lies in how they combine.
 */
export function standingSentence(p: TablePlacements, seat: Seat): string {
  const s = p.seats[seat];
  const players = rolePlayers(s.roleName);
  const claimed = shareWords(s.claimed.percentile).clause;
  const created = shareWords(p.created.percentile).clause;
  const high = (x: number) => x >= 50;
  const facts = `Per round played, you claimed ${claimed} ${players} and your table created ${created} tables, ${benchmarkNote(p.games)}`;
  if (high(s.claimed.percentile) && high(p.created.percentile)) return `${facts}: claiming and creating went together.`;
  if (high(s.claimed.percentile))
    return `${facts}: you did well from a smaller pie, so look for the package that would have grown it.`;
  if (high(p.created.percentile))
    return `${facts}: the table made value, but your share of it was small; say what you need and why.`;
  return `${facts}: map who can win with whom before the next game, and build that coalition early.`;
}

function buildNote(record: GameRecord, view: TableView, seen: Seen[], me: Seat, round: number): CoachNote {
  const scenario = view.scenario;
  const role = view.me!.role;
  const name = (s: Seat) => view.seats[s].name;
  const names = (seats: readonly Seat[]) => listNames(seats.map(name));
  const h = view.history.find((x) => x.round === round)!;
  const prev = view.history.find((x) => x.round === round - 1) ?? null;
  const income: Income = h.myIncome!;
  const points = h.myPoints!;
  const gained = points - (prev?.myPoints ?? 0);
  const repNow = h.reputation[me];
  const repThen = prev ? prev.reputation[me] : scenario.reputation.start;
  const thisRound = seen.filter((x) => x.round === round);
  const roundEvents = thisRound.flatMap((x) => x.events);

  const winning = h.deals.find((d) => d.proposalId === h.winning) ?? null;
  const inWinning = winning !== null && winning.members.includes(me);
  const pairs = h.trust
    .filter((p) => p.a === me || p.b === me)
    .map((p) =>
      p.a === me ? { partner: p.b, mine: p.moveA, theirs: p.moveB } : { partner: p.a, mine: p.moveB, theirs: p.moveA },
    );

  // ---- What moved the numbers
  const moved: string[] = [];
  const cut =
    !inWinning && income.walkAway < role.walkAway
      ? ` (cut from ${pointsText(role.walkAway)} by escalation against you)`
      : '';
  if (view.mode === 'coalition') {
    if (winning && inWinning) {
      const share = winning.split[winning.members.indexOf(me)];
      const terms =
        income.values === 0
          ? ''
          : income.values > 0
            ? `, ${pointsText(income.values)} from the terms`
            : `, less ${pointsText(-income.values)} the terms cost you`;
      moved.push(
        income.values === 0
          ? `You earned ${pointsText(income.prize)} from your ${share}% share of the prize.`
          : `You earned ${pointsText(income.prize + income.values)}: ${pointsText(income.prize)} from your ${share}% share of the prize${terms}.`,
      );
    } else if (winning) {
      const terms =
        income.values === 0
          ? ''
          : income.values > 0
            ? `; the terms in force added ${pointsText(income.values)}`
            : `; the terms in force cost you ${pointsText(-income.values)}`;
      moved.push(
        `You were outside the winning deal: ${pointsText(income.walkAway)} from your walk-away${cut}${terms}.`,
      );
    } else {
      moved.push(
        `No deal reached the quota, so you got your walk-away of ${pointsText(income.walkAway)}${cut} and no terms applied.`,
      );
    }
  }
  if (pairs.length > 0) {
    const honoured = pairs.filter((p) => p.theirs === 'honour').map((p) => p.partner);
    const defected = pairs.filter((p) => p.theirs === 'defect').map((p) => p.partner);
    const mineDefected = pairs.filter((p) => p.mine === 'defect').map((p) => p.partner);
    const parts: string[] = [];
    if (honoured.length > 0) parts.push(`${names(honoured)} honoured you`);
    if (defected.length > 0) parts.push(`${names(defected)} defected on you`);
    if (mineDefected.length > 0) parts.push(`you defected on ${names(mineDefected)}`);
    const trustSum =
      income.trust === 0
        ? 'added nothing'
        : income.trust > 0
          ? `added ${pointsText(income.trust)}`
          : `cost you ${pointsText(-income.trust)}`;
    moved.push(`The trust stage ${trustSum}: ${parts.join(', ')}.`);
  }
  const conceded = roundEvents.filter(
    (ev): ev is Extract<GameEvent, { type: 'conceded' }> =>
      ev.type === 'conceded' && (ev.from === me || ev.receiver === me),
  );
  if (income.concessions !== 0 || conceded.length > 0) {
    const parts: string[] = [];
    let direct = 0;
    for (const ev of conceded) {
      if (ev.from === me) {
        parts.push(`you gave ${ev.points} to ${name(ev.receiver)}${ev.labelled ? ' (labelled)' : ''}`);
        direct -= ev.points;
      } else if (ev.receiver === me) {
        parts.push(`${name(ev.from)} gave you ${ev.points}`);
        direct += ev.points;
      }
    }
    const promised = Math.round((income.concessions - direct) * 100) / 100;
    if (promised < 0) parts.push(`you handed over the ${pointsText(-promised)} points you promised in your deal`);
    else if (promised > 0) parts.push(`partners handed you ${pointsText(promised)} points they promised in your deal`);
    moved.push(`Concessions: ${parts.join('; ')}${parts.length > 1 ? `, ${signed(income.concessions)} in all` : ''}.`);
  }
  if (income.escalation !== 0) {
    let stages = 0;
    let cosigning = 0;
    let action = 0;
    for (const x of thisRound) {
      for (const ev of x.events) {
        if (ev.type !== 'points' || ev.seat !== me || ev.cause !== 'escalation') continue;
        if (x.mine?.type === 'cosign') cosigning -= ev.delta;
        else if (x.mine) stages -= ev.delta;
        else action -= ev.delta;
      }
    }
    const parts: string[] = [];
    if (stages) parts.push(`${pointsText(stages)} for the stages you opened, raised or renewed`);
    if (cosigning) parts.push(`${pointsText(cosigning)} for co-signing`);
    if (action) parts.push(`${pointsText(action)} lost to action (stage 4)`);
    moved.push(`Escalation cost you ${pointsText(-income.escalation)}: ${parts.join(', ')}.`);
  }
  const repEvents = roundEvents.filter(
    (ev): ev is Extract<GameEvent, { type: 'reputation' }> => ev.type === 'reputation' && ev.seat === me,
  );
  if (repEvents.length > 0) {
    const byCause = new Map<ReputationCause, number>();
    for (const ev of repEvents) byCause.set(ev.cause, (byCause.get(ev.cause) ?? 0) + ev.delta);
    const parts = [...byCause].map(([cause, d]) => `${signed(d)} for ${CAUSE_WORDS[cause]}`);
    const change = repNow - repThen;
    const head =
      change === 0
        ? `Your reputation stayed at ${repNow}`
        : `Your reputation ${change > 0 ? 'rose' : 'fell'} ${Math.abs(change)} to ${repNow}`;
    moved.push(`${head}: ${parts.join(', ')}.`);
  }

  const repChange = repNow - repThen;
  const headline =
    `Round ${round}: you ${gained >= 0 ? 'gained' : 'lost'} ${pointsText(Math.abs(gained))} points (${pointsText(points)} in all); ` +
    (repChange === 0
      ? `your reputation stayed at ${repNow}.`
      : `your reputation ${repChange > 0 ? 'rose' : 'fell'} ${Math.abs(repChange)} to ${repNow}.`);

  const { suggestion, lesson } = suggest({
    record,
    view,
    seen,
    me,
    round,
    winning,
    inWinning,
    pairs,
    roundEvents,
    repEvents,
    name,
    names,
  });
  return { headline, moved, suggestion, lesson };
}

// ---------------------------------------------------------------------------
// One suggestion, by rules over what the seat saw

interface Facts {
  record: GameRecord;
  view: TableView;
  seen: Seen[];
  me: Seat;
  round: number;
  winning: TableView['history'][number]['deals'][number] | null;
  inWinning: boolean;
  pairs: { partner: Seat; mine: 'honour' | 'defect'; theirs: 'honour' | 'defect' }[];
  roundEvents: GameEvent[];
  repEvents: Extract<GameEvent, { type: 'reputation' }>[];
  name: (s: Seat) => string;
  names: (s: readonly Seat[]) => string;
}

function suggest(f: Facts): { suggestion: string; lesson: LessonId } {
  const { view, me, round, winning, inWinning, pairs, name, names } = f;
  const poss = (s: Seat) => possessive(name(s));
  const scenario = view.scenario;
  const rules = scenario.reputation;
  const noise = f.record.config.noise ?? 0;
  const betrayedBy = pairs.filter((p) => p.theirs === 'defect' && p.mine === 'honour').map((p) => p.partner);
  // A lesson the game's own measurement does not support in this scenario is not taught as
  // true (DESIGN 10): the suggestion says so.
  const say = (lesson: LessonId, suggestion: string) =>
    lessonStatus(f.record.scenario.id, lesson) === 'does not hold'
      ? { lesson, suggestion: `${suggestion} ${notShownHere(scenario.name)}` }
      : { lesson, suggestion };

  if (betrayedBy.length > 0) {
    const who = names(betrayedBy);
    if (noise > 0) {
      // What the tournament measured for this noise over the game's hidden horizon (never its
      // length, which nobody knows yet), instead of a rule of thumb it may contradict.
      return say(
        'forgiveness-under-noise',
        `${who} defected on you while you honoured, but at this table a move can be flipped by noise, so it may not have been chosen: see what ${betrayedBy.length === 1 ? 'it does' : 'they do'} next round before you decide. ${horizonSentence(noise, f.record.scenario.rounds)}`,
      );
    }
    return say(
      'cooperation-pays-when-repeated',
      `${who} defected on you while you honoured. Answer in kind next round — tit-for-tat — and honour again as soon as ${betrayedBy.length === 1 ? 'it does' : 'they do'}: the game repeats, so a defection that costs its author is one it will think twice about.`,
    );
  }
  // Defections on partners who honoured and had not defected on this seat the round before.
  const prevTrust = view.history.find((x) => x.round === round - 1)?.trust ?? [];
  const provoked = (partner: Seat) =>
    prevTrust.some(
      (p) =>
        (p.a === partner && p.b === me && p.moveA === 'defect') ||
        (p.b === partner && p.a === me && p.moveB === 'defect'),
    );
  const unprovoked = pairs
    .filter((p) => p.mine === 'defect' && p.theirs === 'honour' && !provoked(p.partner))
    .map((p) => p.partner);
  if (unprovoked.length > 0) {
    const lost = f.repEvents.filter((ev) => ev.cause === 'defect-on-honour').reduce((a, ev) => a - ev.delta, 0);
    const cost = lost > 0 ? ` and cost you ${lost} reputation` : '';
    return say(
      'cooperation-pays-when-repeated',
      `Your defection on ${names(unprovoked)}, who honoured, earned the temptation payoff once${cost}. The game repeats and partners remember: over many rounds mutual honour pays more than one grab.`,
    );
  }
  if (view.mode === 'trust') {
    return say(
      'shadow-of-the-future',
      'Every seat honoured you. Honour back and the reward continues with every seat that answers in kind; nobody knows which round is the last, so the next one is still worth protecting.',
    );
  }

  const total = view.seats.reduce((a, s) => a + s.power, 0);
  const maxPower = Math.max(...view.seats.map((s) => s.power));
  const strongest = view.seats.filter((s) => s.power === maxPower).map((s) => s.seat);
  const iAmStrongest = strongest.includes(me);
  const escalationById = new Map<number, Escalation>();
  for (const x of f.seen)
    for (const ev of x.events) if (ev.type === 'escalated') escalationById.set(ev.escalation.id, ev.escalation);
  for (const e of view.escalations) escalationById.set(e.id, e);

  // A demand standing against this seat [de-escalation saves face].
  const atMe = view.escalations.filter((e) => e.target === me).sort((a, b) => b.stage - a.stage);
  if (atMe.length > 0) {
    const e = atMe[0];
    const cos = e.cosigners.length > 0 ? `, co-signed by ${names(e.cosigners)}` : '';
    const costs =
      e.refusal === null
        ? `Each round you ignore it costs you ${rules.ignoreDemand} reputation`
        : `Each round it stands costs you ${rules.refuseDemand} reputation`;
    const more =
      e.stage >= 4
        ? '; the pressure also lowers your walk-away, and action takes points from you every round'
        : e.stage >= 2
          ? '; the pressure also lowers your walk-away'
          : '';
    const refuse =
      e.refusal === null
        ? ` If you cannot meet it, refuse it publicly with a reason: that costs ${rules.refuseDemand} instead of ${rules.ignoreDemand}.`
        : '';
    return say(
      'de-escalation-saves-face',
      `${poss(e.escalator)} public demand (${demandText(scenario, e.demand)}) stands against you at stage ${e.stage}${cos}. ${costs}${more}. Meeting it ends the escalation and credits you both: a way to concede without losing face.${refuse}`,
    );
  }

  // Rounds in a row, up to this one, outside the winning deal.
  let shutOutRounds = 0;
  for (let i = view.history.length - 1; i >= 0; i--) {
    const x = view.history[i];
    if (x.round > round) continue;
    const w = x.deals.find((d) => d.proposalId === x.winning);
    if (w && w.members.includes(me)) break;
    shutOutRounds++;
  }
  const outside = !inWinning;
  // The strong seat refusing: a public refusal of a demand, a rejection of a deal with this seat, or a declined question.
  const refuser = strongest.find(
    (s) =>
      s !== me &&
      f.seen.some((x) =>
        x.events.some(
          (ev) =>
            (ev.type === 'refused' && escalationById.get(ev.escalation)?.target === s) ||
            (ev.type === 'rejected' && ev.seat === s) ||
            (ev.type === 'declined' && ev.target === s && ev.from === me),
        ),
      ),
  );
  const mine = view.escalations.filter((e) => e.escalator === me);
  const outsiders = view.seats
    .map((s) => s.seat)
    .filter((s) => s !== me && !strongest.includes(s) && !(winning?.members.includes(s) ?? false));

  if (outside && shutOutRounds >= 2 && refuser !== undefined && !iAmStrongest) {
    const against = mine.find((e) => e.target === refuser);
    const allies = outsiders.length > 0 ? `ask ${names(outsiders)} to co-sign` : 'find allies to co-sign';
    if (against && against.stage < 4)
      return say(
        'staged-escalation',
        `You have been outside the winning deal for ${shutOutRounds} rounds and ${name(refuser)} keeps refusing. Your escalation stands at stage ${against.stage}: raise it and ${allies}. Each co-signer's power adds to the pressure, and each stage gives ${name(refuser)} another chance to concede.`,
      );
    if (!against)
      return say(
        'staged-escalation',
        `You have been outside the winning deal for ${shutOutRounds} rounds and ${name(refuser)} keeps refusing. Escalate in stages: go public with one clear demand, then mobilise and ${allies}. Each co-signer's power adds to the pressure, and each stage gives ${name(refuser)} another chance to concede.`,
      );
  }

  // This seat's own demand went unanswered [publicity, then escalation].
  const ignoredTargets = new Set(
    f.roundEvents
      .filter((ev) => ev.type === 'reputation' && ev.cause === 'ignored-demand')
      .map((ev) => (ev as { seat: Seat }).seat),
  );
  const ignoredMine = view.escalations.filter(
    (e) => (e.escalator === me || e.cosigners.includes(me)) && e.refusal === null && ignoredTargets.has(e.target),
  );
  const ignored = ignoredMine[0] ?? null;
  if (ignored) {
    if (ignored.stage === 1)
      return say(
        'staged-escalation',
        `${name(ignored.target)} ignored your public demand and lost ${rules.ignoreDemand} reputation for it. If that is not enough, mobilise: every ally who co-signs adds to the numbers behind the demand, and the pressure starts to cut ${poss(ignored.target)} walk-away.`,
      );
    const side = 1 + ignored.cosigners.length;
    return say(
      'make-non-agreement-costly',
      `${name(ignored.target)} still ignores the demand your side (${side === 1 ? 'you alone' : `${side} seats`}) makes at stage ${ignored.stage}. Keep it standing, win co-signers and raise it when you can: the goal is that refusing costs ${name(ignored.target)} more than conceding.`,
    );
  }

  if (outside) {
    if (iAmStrongest && winning)
      return say(
        'coalitions-of-the-weak',
        `The weaker seats reached the quota without you. To get back in you must outbid their coalition: ask one of its members what matters most, and offer it a share or terms worth more than it gets now.`,
      );
    const game = {
      weights: view.seats.map((s) => s.power),
      quota: scenario.quota,
      veto: view.seats.filter((s) => s.veto).map((s) => s.seat),
    };
    const map = powerMap(game, 200);
    const withMe = map.minimalWinning.filter((c) => c.includes(me));
    const opener = winning ? 'You were outside the winning deal.' : 'No deal reached the quota this round.';
    if (withMe.length === 0)
      return say(
        'weight-is-not-power',
        `${opener} No minimal winning coalition needs your seat: your weight never turns a losing coalition into a winning one. Join a deal for the terms you value, and ask what matters most to its members.`,
      );
    const weight = (c: number[]) => c.reduce((a, s) => a + view.seats[s].power, 0);
    withMe.sort((a, b) => weight(a) - weight(b) || a.length - b.length);
    const best = withMe[0];
    const partners = best.filter((s) => s !== me);
    const indices =
      partners.length === 1
        ? `${poss(partners[0])} power index is ${percentText(map.shapleyShubik[partners[0]])}; offer a share close to that, not to its weight`
        : `Their power indices are ${listNames(partners.map((s) => `${name(s)} ${percentText(map.shapleyShubik[s])}`))}; offer shares close to those, not to their weight`;
    return say(
      'map-power',
      `${opener} Map the power: ${listNames(['you', ...partners.map(name)])} would hold ${weight(best)} of ${total}, enough for the quota of ${scenario.quota}, a minimal winning coalition. ${indices}.`,
    );
  }

  if (f.repEvents.some((ev) => ev.cause === 'broke-declaration'))
    return say(
      'walk-away-clarity',
      `You accepted less than the minimum share you declared, and the table saw it. Declare a line you will hold, and when an offer falls below it, say so and reject it with your reason.`,
    );

  if (view.seats[me].reputation < 40)
    return say(
      'label-concessions',
      `Your reputation is ${view.seats[me].reputation}, and seats choose partners by it. A small concession, labelled so the table sees what it costs you, raises it most.`,
    );

  const askedEver = f.seen.some((x) => x.mine?.type === 'ask');
  if (!askedEver)
    return say(
      'ask-what-matters',
      `You have not asked anyone what matters most to them. Ask your partners: the answer ranks their issues truthfully, and a package built on it can give them more at little cost to you.`,
    );

  // Answers this seat received whose top priority the terms in force do not give.
  if (winning) {
    const answers = new Map<Seat, { issue: string; preferred: string }>();
    for (const x of f.seen)
      for (const ev of x.events)
        if (ev.type === 'answered' && ev.from === me && ev.answer[0]) answers.set(ev.target, ev.answer[0]);
    for (const [partner, top] of answers) {
      if (!winning.members.includes(partner) || winning.terms[top.issue] === top.preferred) continue;
      const role = view.me!.role;
      const current = termsValue(role, winning.terms);
      const cost = current - termsValue(role, { ...winning.terms, [top.issue]: top.preferred });
      const price = cost <= 0 ? 'costs you nothing' : `costs you ${pointsText(cost)} a round`;
      return say(
        'create-value-with-packages',
        `${name(partner)} told you its top priority is ${optionText(scenario, top.issue, top.preferred)}, and the terms in force do not give it. Offering it ${price}; propose the same coalition with that option and ask for something you value in return.`,
      );
    }
  }

  const bare = f.seen.filter(
    (x) => x.round === round && x.mine?.type === 'propose' && !(x.mine.rationale ?? '').trim(),
  );
  if (bare.length > 0)
    return say(
      'explain-demands',
      'Your proposal this round had no rationale. A one-line reason for the split you ask for makes it look fair even to a seat that dislikes it, and lets it answer the reason instead of the number.',
    );

  if (pairs.length > 0 && pairs.every((p) => p.theirs === 'honour'))
    return say(
      'shadow-of-the-future',
      'Your partners all honoured. Keep honouring: nobody knows which round is the last, so the next one is always worth protecting.',
    );

  return say(
    'no-strings-concession',
    'Your coalition holds. A small concession with no strings, to the partner who gets the least from the deal, is cheap insurance that it still holds next round.',
  );
}
