// The private facts of a scenario as text a client could receive: every sentence of every
// role's briefing, every sentence written for the debrief, each role's values as JSON, and each
// walk-away as the scenario's own text states it ("walk-away is 30 points a round", "the best
// walk-away (30 points a round)"). DESIGN 1 "Who sees what": a seat may receive its own; nobody
// receives another seat's, nor the debrief's, before the game ends.
import { QUESTIONS_HEADING } from '../../shared/studio/debrief-text';
import type { Scenario, Seat } from '../../shared/engine/types';

export interface Secret {
  /** The seat whose secret it is; 'debrief' for what was written for the debrief. */
  owner: Seat | 'debrief';
  what: string;
  text: string;
}

/** Sentences (and lines) of a text, trimmed, at least `min` characters long. */
export function sentences(text: string, min = 20): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length >= min);
}

/**
 * Every place in the scenario's text where a role's walk-away number follows the word
 * "walk-away" closely, with that context ("walk-away is 12 points a round").
 */
export function walkAwayMentions(scenario: Scenario): { seat: Seat; text: string }[] {
  const texts = [scenario.debrief, ...scenario.roles.map((r) => r.briefing)];
  const out: { seat: Seat; text: string }[] = [];
  for (const t of texts) {
    for (const m of t.matchAll(/walk-?away[^0-9.]{0,24}?(\d+(?:\.\d+)?)( points?( a round)?)?/gi)) {
      const n = Number(m[1]);
      scenario.roles.forEach((r, seat) => {
        if (r.walkAway === n) out.push({ seat, text: m[0] });
      });
    }
  }
  return out;
}

export function scenarioSecrets(scenario: Scenario): Secret[] {
  const out: Secret[] = [];
  scenario.roles.forEach((role, seat) => {
    for (const s of sentences(role.briefing)) out.push({ owner: seat, what: `${role.id}'s briefing`, text: s });
    for (const [issue, values] of Object.entries(role.values))
      out.push({ owner: seat, what: `${role.id}'s values on ${issue}`, text: JSON.stringify(values) });
    out.push({ owner: seat, what: `${role.id}'s walk-away as data`, text: `"walkAway":${role.walkAway}` });
  });
  for (const m of walkAwayMentions(scenario))
    out.push({ owner: m.seat, what: `${scenario.roles[m.seat].id}'s walk-away in text`, text: m.text });
  for (const s of sentences(scenario.debrief)) out.push({ owner: 'debrief', what: 'the debrief text', text: s });
  return out;
}

/**
 * The secrets that must not appear in what `viewer` receives before the end. A secret that the
 * viewer's own private text also contains word for word (two briefings sharing a sentence, two
 * roles with equal walk-aways) cannot be told apart from its own, so it is left out.
 */
export function forbiddenFor(
  scenario: Scenario,
  viewer: Seat | null,
  published: readonly Scenario[] = [scenario],
): Secret[] {
  const all = scenarioSecrets(scenario);
  const own = viewer === null ? [] : all.filter((s) => s.owner === viewer).map((s) => s.text);
  const ownText = viewer === null ? '' : JSON.stringify(scenario.roles[viewer]);
  const open = publicText(published);
  return all.filter(
    (s) =>
      s.owner !== viewer && !own.includes(s.text) && !ownText.includes(s.text) && !open.includes(s.text.toLowerCase()),
  );
}

/**
 * What DESIGN 1 makes public about scenarios: names, summaries, issues, options, power; and the
 * heading under which every debrief lists its questions (the studio's debrief form names it).
 */
export function publicText(scenarios: readonly Scenario[]): string {
  const parts: string[] = [QUESTIONS_HEADING];
  for (const s of scenarios) {
    parts.push(s.name, s.summary);
    for (const r of s.roles) parts.push(r.name);
    for (const i of s.issues) parts.push(i.name, ...i.options.map((o) => o.name));
  }
  return parts.join('\n').toLowerCase();
}

/** The secrets found in a text, as "what: text" lines (empty when none). */
export function leaks(text: string, secrets: readonly Secret[]): string[] {
  const haystack = text.toLowerCase();
  return secrets.filter((s) => haystack.includes(s.text.toLowerCase())).map((s) => `${s.what}: "${s.text}"`);
}
