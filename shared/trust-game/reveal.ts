// The practice's reveal (DESIGN 5): which strategy each bot played, how it plays, and how the
// player's guess stands against what the player could see. How a strategy plays is said by
// its mechanism only; which strategy scores most is said only by the tournament (findings.ts).
import { gtftForgiveness, STRATEGY_SUMMARIES, type StrategyName } from '../bots/strategies';
import { LESSONS, type LessonId } from '../record/lessons';
import type { GradedGuess } from './practice';
import { AXELROD_PAYOFFS } from './scenario';
import { STRATEGY_TITLES } from './words';

const forgives = `${Math.round(gtftForgiveness(AXELROD_PAYOFFS) * 100)} %`;

/** How each strategy plays against you, and the lesson it shows. */
export const STRATEGY_LESSONS: Readonly<Record<StrategyName, { play: string; lesson: LessonId }>> = Object.freeze({
  'tit-for-tat': {
    play: 'It rewards honour at once and answers each defection exactly once, so it cannot be exploited for long. With noise, two tit-for-tats pass one flipped move back and forth until another flip ends it.',
    lesson: 'cooperation-pays-when-repeated',
  },
  'generous-tit-for-tat': {
    play: `After a defection it still honours ${forgives} of the time, so a feud started by one flipped move ends sooner; a partner who defects now and then gets away with some of it.`,
    lesson: 'forgiveness-under-noise',
  },
  grudger: {
    play: 'It is the most patient partner until your first defection and the least forgiving after it: one defection, or one move flipped by noise, ends cooperation for the rest of the game.',
    lesson: 'cooperation-pays-when-repeated',
  },
  'win-stay-lose-shift': {
    play: 'A good round is the reward or the temptation, a bad one the punishment or the sucker payoff. Two such players who slip into mutual defection are back to honour a round later; but once a defection has paid against a partner who honours no matter what, it keeps defecting.',
    lesson: 'forgiveness-under-noise',
  },
  'tit-for-two-tats': {
    play: 'It never starts a feud over a single defection, chosen or flipped, but a partner who defects every other round exploits it for free.',
    lesson: 'forgiveness-under-noise',
  },
  'two-tits-for-tat': {
    play: 'It honours anyone who honours, but it answers a single defection, even one flipped by noise, with two.',
    lesson: 'cooperation-pays-when-repeated',
  },
  'suspicious-tit-for-tat': {
    play: "Answer its opening in kind and you echo each other's defections; forgive it once and you lock into mutual honour.",
    lesson: 'forgiveness-under-noise',
  },
  detective: {
    play: 'Striking back during its test is what earns its cooperation: after that it plays tit-for-tat; a partner who never strikes back is defected on for ever.',
    lesson: 'cooperation-pays-when-repeated',
  },
  prober: {
    play: 'Letting the probe pass tells it you never punish; answering it makes it settle into tit-for-tat.',
    lesson: 'cooperation-pays-when-repeated',
  },
  alternator: {
    play: 'Because it never reacts to you, nothing you do can teach it to cooperate: reciprocity only works on a partner who responds.',
    lesson: 'cooperation-pays-when-repeated',
  },
  'always-cooperate': {
    play: 'Exploiting it pays in this game: it never answers. Against a partner who answers, the same defection starts a feud.',
    lesson: 'cooperation-pays-when-repeated',
  },
  'always-defect': {
    play: 'Honouring only hands it the temptation payoff; defect back and cut your losses, since cooperation pays only with a partner who returns it.',
    lesson: 'cooperation-pays-when-repeated',
  },
  random: {
    play: 'Its moves carry no message and yours teach it nothing. Against a partner that does not react, there is no future to protect.',
    lesson: 'shadow-of-the-future',
  },
});

/** The strategy in a sentence: what it does, how it plays against you, and its lesson. */
export function strategyStory(strategy: StrategyName): string {
  const { play, lesson } = STRATEGY_LESSONS[strategy];
  return `${capital(STRATEGY_TITLES[strategy])} ${STRATEGY_SUMMARIES[strategy]}. ${play} Lesson: ${LESSONS[lesson].title.toLowerCase()}.`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const moveWord = (m: 'honour' | 'defect') => (m === 'honour' ? 'honoured' : 'defected');

/**
 * The verdict on one guess in words, naming the evidence: the first move the guessed strategy
 * could not have chosen, and, with noise, how many such moves each strategy needs noise for.
 * `name(seat)` names a seat for the player ("you" for the player's own).
 */
export function verdictText(g: GradedGuess, noise: number, name: (seat: number) => string): string {
  const actual = STRATEGY_TITLES[g.actual];
  const also =
    g.alsoConsistent.length > 0
      ? ` Also consistent with what you saw: ${list(g.alsoConsistent.map((s) => STRATEGY_TITLES[s]))}.`
      : '';
  if (g.grade === 'no-guess') return `No guess. It played ${actual}.${also}`;
  const guess = STRATEGY_TITLES[g.guess!];
  if (g.grade === 'right') return `Right: it played ${guess}.${also}`;
  if (g.grade === 'consistent') {
    return `Consistent with what you saw: it played ${actual}, but on the moves it made ${guess} explains them at least as well, so nobody could have told them apart.`;
  }
  const fit = g.guessFit!;
  const first = fit.misfits[0];
  if (!first) {
    // Only a strategy with a coin in it can explain every move: it is ruled out by the odds.
    return `Ruled out by what you saw: ${guess} could have made these moves only by chance; ${actual} explains them better.${also}`;
  }
  const toward = name(first.partner);
  let text = `Ruled out by what you saw: in round ${first.round} it ${moveWord(first.played)} toward ${toward}, which ${guess} would not have done`;
  if (noise > 0) {
    const need = fit.misfits.length;
    const own = g.actualFit.misfits.length;
    text += ` unless noise flipped it. ${capital(guess)} needs noise for ${need} of its moves; ${actual} ${own === 0 ? 'needs none' : `needs it for ${own}`}.`;
  } else {
    text += '.';
  }
  return `${text}${also}`;
}

/** The headline over a player's graded guesses: "2 right, 1 consistent with what you saw, 1 ruled out". */
export function tally(graded: readonly GradedGuess[]): string {
  const count = (grade: GradedGuess['grade']) => graded.filter((g) => g.grade === grade).length;
  const parts = [`${count('right')} of ${graded.length} right`];
  if (count('consistent') > 0) parts.push(`${count('consistent')} consistent with what you saw`);
  if (count('ruled-out') > 0) parts.push(`${count('ruled-out')} ruled out`);
  if (count('no-guess') > 0) parts.push(`${count('no-guess')} not named`);
  return parts.join(', ');
}

/** How guesses are graded, for the reveal. */
export const GRADING_NOTE =
  'How guesses are graded: a guess is right when it names the strategy the bot played. It is consistent with what you saw when, on every move the bot made toward you and toward the other seats, ' +
  'the guessed strategy would have played at least as likely as the real one did — tit-for-tat and always honour play alike until somebody defects on them. ' +
  'With noise, a move the guess could not have chosen counts against it only as an unlikely flip. Anything else is ruled out by the moves you could see.';
