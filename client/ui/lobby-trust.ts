// The lobby's trust-game card (DESIGN 5): seats, noise and length of a solo trust game, what the
// game's own tournament shows for those settings, and the way into the explorable, a page of its
// own at #explore that is loaded only when opened.
import { expectedRounds } from '../../shared/engine/setup';
import { TRUST_GAME_ID, TRUST_ROUNDS } from '../../shared/trust-game/scenario';
import { createTable } from '../app';
import { field, inputValue, options, touch } from './common';
import { h, type VNode } from './dom';
import { hashPage } from './hash-page';

const params = new URLSearchParams(location.search);
const trust = { players: '5', noise: '0', length: 'standard', paced: false };

function trustRange(): { min: number; max: number; continue: number } {
  return trust.length === 'short' ? TRUST_ROUNDS.short : TRUST_ROUNDS.standard;
}

/** `?seed=N` plays a given draw (a class comparing the same bots, a test); otherwise the server draws one. */
function seedParam(): { seed?: number } {
  const seed = Number(params.get('seed'));
  return params.get('seed') !== null && Number.isInteger(seed) && seed >= 0 ? { seed } : {};
}

function playTrust(playerName: () => string): void {
  const noise = Number(trust.noise);
  void createTable(
    {
      scenario: TRUST_GAME_ID,
      mode: 'trust',
      solo: true,
      name: playerName(),
      players: Number(trust.players),
      ...seedParam(),
      // The engine's horizon ends the game at random: nothing the page holds reveals when.
      ...(trust.length === 'short' ? { roundRange: { ...TRUST_ROUNDS.short } } : {}),
      ...(noise > 0 ? { noise } : {}),
      ...(trust.paced ? { durations: { trust: 20 } } : {}),
    },
    true,
  );
}

/**
 * What the tournament shows for the chosen noise and length, computed from the same engine code
 * (DESIGN 5) in the explorable's worker, loaded once the lobby is up: it never delays the lobby.
 */
const finding: { key: string; text: string | null } = { key: '', text: null };
function trustFinding(): string | null {
  const key = `${trust.noise}|${trust.length}`;
  if (finding.key !== key) {
    finding.key = key;
    finding.text = null;
    const later = (fn: () => void) =>
      'requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 1500 }) : setTimeout(fn, 200);
    later(() => {
      void import('../explore/compute')
        .then((m) => m.horizon(Number(trust.noise), trustRange()))
        .then((text) => {
          if (finding.key !== key) return;
          finding.text = text;
          touch();
        });
    });
  }
  return finding.text;
}

/** The explorable (a tournament and an evolution to run), a page of its own at #explore, loaded on demand. */
const explorer = hashPage({
  name: 'explore',
  title: 'The explorable',
  loadingClass: 'explore',
  opener: 'open-explore',
  load: () => import('../explore/explore').then((m) => m.exploreView),
});

const NOISE_OPTIONS = [
  { value: '0', label: 'None — every move arrives as chosen' },
  { value: '0.01', label: '1 % — about one move in a hundred is flipped' },
  { value: '0.02', label: '2 % — about one move in fifty is flipped' },
  { value: '0.05', label: '5 % — about one move in twenty is flipped' },
  { value: '0.1', label: '10 % — about one move in ten is flipped' },
];

/** The trust game's card in the lobby. */
export function trustCard(busy: boolean, playerName: () => string): VNode {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'trust-h' },
    h('h2', { id: 'trust-h' }, 'Trust game'),
    h(
      'p',
      null,
      'The iterated prisoner’s dilemma alone: each round you honour or defect with every bot at the table. Each bot plays one of the 13 strategies of Axelrod’s tournaments, drawn at random; name them all before the game ends, then see how your guesses hold up.',
    ),
    h(
      'div',
      { class: 'cols' },
      field(
        'Seats',
        h(
          'select',
          {
            id: 'trust-players',
            value: trust.players,
            onchange: (e: Event) => ((trust.players = inputValue(e)), touch()),
          },
          options(
            [3, 4, 5, 6].map((n) => ({ value: String(n), label: `You and ${n - 1} bots` })),
            trust.players,
          ),
        ),
        undefined,
        'trust-players',
      ),
      field(
        'Noise',
        h(
          'select',
          { id: 'trust-noise', value: trust.noise, onchange: (e: Event) => ((trust.noise = inputValue(e)), touch()) },
          options(NOISE_OPTIONS, trust.noise),
        ),
        undefined,
        'trust-noise',
      ),
    ),
    field(
      'Length',
      h(
        'select',
        { id: 'trust-length', value: trust.length, onchange: (e: Event) => ((trust.length = inputValue(e)), touch()) },
        options(
          [
            {
              value: 'standard',
              label: `Standard — ends at random, about ${Math.round(expectedRounds(TRUST_ROUNDS.standard))} rounds on average`,
            },
            {
              value: 'short',
              label: `Short — ends at random, about ${Math.round(expectedRounds(TRUST_ROUNDS.short))} rounds`,
            },
          ],
          trust.length,
        ),
      ),
      undefined,
      'trust-length',
    ),
    h(
      'label',
      { class: 'check' },
      h('input', {
        type: 'checkbox',
        id: 'trust-paced',
        checked: trust.paced,
        onchange: (e: Event) => ((trust.paced = (e.target as HTMLInputElement).checked), touch()),
      }),
      'Paced (20 s a round)',
    ),
    h(
      'p',
      { class: 'muted small', id: 'trust-finding', 'aria-live': 'polite' },
      trustFinding() ?? 'Measuring what the tournament shows for these settings…',
    ),
    h(
      'div',
      { class: 'row' },
      h('button', { id: 'play-trust', disabled: busy, onclick: () => playTrust(playerName) }, 'Play the trust game'),
      h('button', { id: 'open-explore', class: 'ghost', onclick: () => explorer.open() }, 'Explore the tournament'),
    ),
  );
}

/** The explorable's page while it is open, else null (the lobby shows itself). */
export function explorePage(): VNode | null {
  return explorer.view();
}
