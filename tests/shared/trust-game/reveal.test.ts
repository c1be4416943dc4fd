// The practice's reveal in words: each verdict names its evidence.
import { describe, expect, it } from 'vitest';
import { STRATEGY_NAMES, STRATEGY_SUMMARIES } from '../../../shared/bots/strategies';
import type { TrustMove } from '../../../shared/engine/types';
import { gradeGuess, pairingsOf } from '../../../shared/trust-game/practice';
import { strategyStory, tally, verdictText } from '../../../shared/trust-game/reveal';
import { AXELROD_PAYOFFS } from '../../../shared/trust-game/scenario';

const H: TrustMove = 'honour';
const D: TrustMove = 'defect';
const name = (s: number) => (s === 0 ? 'you' : `Seat ${s}`);

function seen(player: TrustMove[], bot: TrustMove[]) {
  const rounds = player.map((m, i) => ({
    round: i + 1,
    trust: [{ a: 0, b: 1, moveA: m, moveB: bot[i], chosenA: m, chosenB: bot[i] }],
  }));
  return pairingsOf(rounds, 1);
}

describe('the reveal', () => {
  it('tells every strategy: what it does, how it plays, its lesson', () => {
    for (const s of STRATEGY_NAMES) {
      const text = strategyStory(s);
      expect(text).toContain(STRATEGY_SUMMARIES[s]);
      expect(text).toMatch(/Lesson: [a-z]/);
    }
    expect(strategyStory('generous-tit-for-tat')).toContain('honours 33 % of the time');
  });

  it('names the move that rules a guess out, and what else the moves allow', () => {
    const moves = seen([H, D, H, H], [H, H, D, H]);
    const out = gradeGuess(1, 'tit-for-tat', 'always-cooperate', moves, 0, AXELROD_PAYOFFS);
    expect(verdictText(out, 0, name)).toBe(
      'Ruled out by what you saw: in round 3 it defected toward you, which always honour would not have done.',
    );
    const right = gradeGuess(1, 'tit-for-tat', 'tit-for-tat', moves, 0, AXELROD_PAYOFFS);
    // Generous tit-for-tat could have played these moves too, but less likely (it defects 2 times in 3 there).
    expect(verdictText(right, 0, name)).toBe('Right: it played tit-for-tat.');
    expect(verdictText(gradeGuess(1, 'tit-for-tat', 'generous-tit-for-tat', moves, 0, AXELROD_PAYOFFS), 0, name)).toBe(
      'Ruled out by what you saw: generous tit-for-tat could have made these moves only by chance; tit-for-tat explains them better.',
    );
  });

  it('says when nobody could have told two strategies apart, and counts flips under noise', () => {
    const calm = seen([H, H, H], [H, H, H]);
    const alike = gradeGuess(1, 'grudger', 'tit-for-tat', calm, 0, AXELROD_PAYOFFS);
    expect(verdictText(alike, 0, name)).toBe(
      'Consistent with what you saw: it played grudger, but on the moves it made tit-for-tat explains them at least as well, so nobody could have told them apart.',
    );
    const noisy = gradeGuess(1, 'grudger', 'always-defect', calm, 0.05, AXELROD_PAYOFFS);
    expect(verdictText(noisy, 0.05, name)).toBe(
      'Ruled out by what you saw: in round 1 it honoured toward you, which always defect would not have done unless noise flipped it. Always defect needs noise for 3 of its moves; grudger needs none. ' +
        'Also consistent with what you saw: tit-for-tat, generous tit-for-tat, win-stay, lose-shift, tit-for-two-tats, two-tits-for-tat and always honour.',
    );
    expect(tally([alike, noisy, gradeGuess(1, 'grudger', null, calm, 0, AXELROD_PAYOFFS)])).toBe(
      '0 of 3 right, 1 consistent with what you saw, 1 ruled out, 1 not named',
    );
  });
});
