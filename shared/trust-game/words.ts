// Words the trust game shows for its settings and strategies, shared by the lobby, the table,
// the reveal and the tournament's sentences.
import type { StrategyName } from '../bots/strategies';

/** A noise setting in words: "no noise", "5 % noise". */
export function noiseText(noise: number): string {
  return noise === 0 ? 'no noise' : `${+(noise * 100).toFixed(1)} % noise`;
}

/** The names people read (ids keep hyphens; Axelrod's Cooperator and Defector read as what they do). */
export const STRATEGY_TITLES: Readonly<Record<StrategyName, string>> = Object.freeze({
  'tit-for-tat': 'tit-for-tat',
  'generous-tit-for-tat': 'generous tit-for-tat',
  grudger: 'grudger',
  'win-stay-lose-shift': 'win-stay, lose-shift',
  'tit-for-two-tats': 'tit-for-two-tats',
  'two-tits-for-tat': 'two-tits-for-tat',
  'suspicious-tit-for-tat': 'suspicious tit-for-tat',
  detective: 'detective',
  prober: 'prober',
  alternator: 'alternator',
  'always-cooperate': 'always honour',
  'always-defect': 'always defect',
  random: 'random',
});
