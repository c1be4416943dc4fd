// The lessons of DESIGN.md as data. Every rule of the game makes one lesson playable, and the
// debrief, the moments and the coach name it with the same words (the bracketed phrases of the
// design). Pure data: no I/O.

export const LESSON_IDS = [
  'map-power',
  'weight-is-not-power',
  'status-quo-favours-powerful',
  'ask-what-matters',
  'create-safety',
  'label-concessions',
  'no-strings-concession',
  'reciprocity',
  'explain-demands',
  'walk-away-clarity',
  'staged-escalation',
  'publicity-raises-refusal-cost',
  'make-non-agreement-costly',
  'de-escalation-saves-face',
  'shadow-of-the-future',
  'cooperation-pays-when-repeated',
  'forgiveness-under-noise',
  'demand-transparency',
  'create-value-with-packages',
  'coalitions-of-the-weak',
] as const;
export type LessonId = (typeof LESSON_IDS)[number];

export interface Lesson {
  id: LessonId;
  /** The bracketed phrase of DESIGN.md, shortened for a heading. */
  title: string;
  /** One to three sentences for the debrief and the coach. */
  text: string;
}

/**
 * The two lessons' claims about which strategies do well, as the trust tournament of all 13
 * strategies measures them at the game's lengths and offered noise (DESIGN 5, 10); a test
 * (tests/shared/trust-game/noise-truth.test.ts) replays those tournaments and checks each.
 */
export const COOPERATION_FINDING =
  'In the trust tournament of all 13 strategies without noise, tit-for-tat (honour first, answer a defection, then forgive) scores most in games of 7 to 12 rounds; ' +
  'in games of 4 or 5 rounds, and at 4 to 12 rounds with 10 % noise, always defect does.';
export const NOISE_FINDING =
  'In that tournament at 4 to 12 rounds, neither forgiving strategy (generous tit-for-tat, tit-for-two-tats) scores most at any noise the trust game offers, up to 10 %.';

const TEXTS: Record<LessonId, { title: string; text: string }> = {
  'map-power': {
    title: 'Map the power architecture first',
    text:
      'Before bargaining, chart who can block, who can delay and who has somewhere else to go, and which of those the other side actually cares about. ' +
      'Look for your leverage where it really is, not where you wish it were.',
  },
  'weight-is-not-power': {
    title: 'Weight is not power',
    text:
      'A seat matters only when its votes turn a losing coalition into a winning one. ' +
      "The power index counts how often that happens, and it can sit far from the seat's share of the weight.",
  },
  'status-quo-favours-powerful': {
    title: 'When one side can absorb failure, the status quo favours it',
    text:
      'A party with a comfortable walk-away can wait; a party without one cannot. ' +
      'Advice that assumes both sides fear no deal equally breaks down here, so the weaker side has to change what failure costs before it bargains.',
  },
  'ask-what-matters': {
    title: 'Ask what matters most to them',
    text:
      'Start with a question about their priorities instead of a statement of yours. ' +
      'The answer shows the interest behind a position, and often a trade that neither side had seen.',
  },
  'create-safety': {
    title: 'Create safety: questions reveal interests behind positions',
    text:
      'People who feel threatened defend positions; people who feel heard share what drives them. ' +
      'Answering a question openly costs little and makes the next answer more likely.',
  },
  'label-concessions': {
    title: 'Label every concession',
    text:
      'A concession nobody notices buys nothing. ' +
      'Say that it is a concession, what it costs you and why you make it, so the other side counts it and feels the pull to return it.',
  },
  'no-strings-concession': {
    title: 'Offer a no-strings concession',
    text:
      'A gift that costs you little and is worth a lot to them, given before you ask for anything, signals good faith. ' +
      'It starts the exchange instead of waiting for the other side to move first.',
  },
  reciprocity: {
    title: 'Social proof and reciprocity',
    text:
      'People return favours and follow what others they trust are doing. ' +
      'A record of keeping your word is what makes allies willing to join you next time.',
  },
  'explain-demands': {
    title: 'Explain your demands',
    text:
      'A bare demand invites the worst reading. ' +
      'A short reason makes the ask look fair even to someone who dislikes it, and lets them answer the reason rather than the number.',
  },
  'walk-away-clarity': {
    title: 'Clarity on your walk-away point',
    text:
      'Decide beforehand what you will refuse, what you will accept and what makes you escalate, and say so when it strengthens you. ' +
      'A party that will take anything rather than no deal invites the other side to wait; drifting below your own stated line costs credibility.',
  },
  'staged-escalation': {
    title: 'Create staged escalation options',
    text:
      'Pressure works as a ladder, not a switch: go public, bring in allies, file a complaint, then act. ' +
      'Each rung raises the cost of saying no and leaves the other side room to move before the next one.',
  },
  'publicity-raises-refusal-cost': {
    title: 'Publicity raises the cost of refusal',
    text:
      'A demand made behind closed doors harms only the asker when it is turned down. ' +
      'Made in public, on the record, a refusal becomes a story the powerful side has to answer for.',
  },
  'make-non-agreement-costly': {
    title: 'Make non-agreement costly for the powerful',
    text:
      "The weak rarely win by becoming equal; they win by making the strong side's no-deal option worse. " +
      "Once refusing costs more than conceding, conceding becomes the strong side's best reply.",
  },
  'de-escalation-saves-face': {
    title: 'De-escalation lets the powerful concede without losing face',
    text:
      'Escalation should always come with a way out. ' +
      'When meeting the demand ends the pressure and earns both sides credit, the powerful can move without looking beaten.',
  },
  'shadow-of-the-future': {
    title: 'The shadow of the future',
    text:
      'Cooperation holds when nobody knows which round is the last. ' +
      'With a known end, the temptation to defect in the final round unravels trust backwards from it.',
  },
  'cooperation-pays-when-repeated': {
    title: 'Cooperation pays when the game repeats',
    text: 'In a single encounter defection pays; over many rounds partners remember. ' + COOPERATION_FINDING,
  },
  'forgiveness-under-noise': {
    title: 'Noise turns one slip into a feud',
    text:
      'When a move can be flipped by accident, a partner who answers every defection turns one slip into an exchange of punishments, and two strict avengers can trade them for rounds. ' +
      'Forgiving ends such a feud sooner but lets real defections go unanswered. ' +
      NOISE_FINDING,
  },
  'demand-transparency': {
    title: 'When a system decides, demand transparency',
    text:
      'A refusal from an algorithm looks neutral but carries the choices of whoever built it. ' +
      'Ask for its reasons and audit them: that is how the asymmetry becomes visible and arguable.',
  },
  'create-value-with-packages': {
    title: 'Make concessions that cost you little and are worth a lot to them',
    text:
      'Parties care about different issues. ' +
      'A package that gives each side the option it values most creates more than splitting every issue down the middle.',
  },
  'coalitions-of-the-weak': {
    title: 'Organise: the weak can win together',
    text:
      'One weak party alone has a suggestion box; several acting together can reach the quota without the strongest seat. ' +
      'A shared interest holds them together, and the strong seat then has to bid to get back in.',
  },
};

/** Every lesson by id, frozen. */
export const LESSONS: Readonly<Record<LessonId, Lesson>> = Object.freeze(
  Object.fromEntries(LESSON_IDS.map((id) => [id, Object.freeze({ id, ...TEXTS[id] })])) as Record<LessonId, Lesson>,
);

/** Whether a string names a lesson. */
export function isLessonId(id: unknown): id is LessonId {
  return typeof id === 'string' && (LESSON_IDS as readonly string[]).includes(id);
}

/** A lesson by id. */
export function lesson(id: LessonId): Lesson {
  return LESSONS[id];
}
