// The explorable (issue 9.9, DESIGN 5): the player runs a tournament and an evolution of the 13
// strategies with the engine's own code (in a worker), moves sliders for payoffs, noise, rounds
// and repetitions, watches the population's shares change generation by generation, and can
// follow a short guided path whose sentences are read off the results just measured. Loaded on
// demand from the lobby, so the lobby never pays for it.
import { STRATEGY_NAMES, STRATEGY_SUMMARIES } from '../../shared/bots/strategies';
import { noiseText, STRATEGY_TITLES } from '../../shared/trust-game/words';
import { touch } from '../ui/common';
import { h, type VNode } from '../ui/dom';
import { explore } from './compute';
import {
  DEFAULT_CONFIG,
  isDilemma,
  LIMITS,
  STEPS,
  stepConfig,
  STRATEGY_COLOURS,
  survivors,
  type ExploreConfig,
  type ExploreResult,
} from './model';

type View = 'tournament' | 'evolution';

const ui: {
  config: ExploreConfig;
  view: View;
  step: number | null;
  result: ExploreResult | null;
  pending: number;
  error: string | null;
  /** Generations drawn so far in the evolution chart (animated up to the last). */
  frame: number;
  animation: number | null;
  timer: ReturnType<typeof setTimeout> | null;
  latest: number;
} = {
  config: stepConfig(STEPS[0]),
  view: 'tournament',
  step: 0,
  result: null,
  pending: 0,
  error: null,
  frame: 0,
  animation: null,
  timer: null,
  latest: 0,
};

let started = false;

/** Runs the current settings (debounced while a slider moves); only the latest answer is shown. */
function run(delay = 120): void {
  if (ui.timer) clearTimeout(ui.timer);
  ui.timer = setTimeout(() => {
    ui.timer = null;
    const id = ++ui.latest;
    ui.pending++;
    ui.error = null;
    touch();
    explore({ ...ui.config, strategies: [...ui.config.strategies], payoffs: { ...ui.config.payoffs } })
      .then((r) => {
        if (id !== ui.latest) return;
        ui.result = r;
        animate();
      })
      .catch((e: Error) => {
        if (id === ui.latest) ui.error = `The tournament could not run: ${e.message}`;
      })
      .finally(() => {
        ui.pending--;
        touch();
      });
  }, delay);
}

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Replays the evolution from generation 0, about two and a half seconds end to end. */
function animate(): void {
  if (ui.animation !== null) cancelAnimationFrame(ui.animation);
  ui.animation = null;
  const r = ui.result;
  if (!r) return;
  const last = r.shares.length - 1;
  if (reducedMotion() || ui.view !== 'evolution') {
    ui.frame = last;
    requestAnimationFrame(draw);
    return;
  }
  const t0 = performance.now();
  const duration = 2500;
  const tick = (now: number) => {
    // A frame's timestamp may precede the start by a little: never a negative generation.
    ui.frame = Math.max(0, Math.min(last, Math.round(((now - t0) / duration) * last)));
    draw();
    if (ui.frame < last) ui.animation = requestAnimationFrame(tick);
    else {
      ui.animation = null;
      touch();
    }
  };
  ui.frame = 0;
  ui.animation = requestAnimationFrame(tick);
}

/** The evolution chart: shares stacked over the generations drawn so far, and the current shares beside it. */
function draw(): void {
  const canvas = document.getElementById('evo-chart') as HTMLCanvasElement | null;
  const r = ui.result;
  if (!canvas || !r) return;
  const dpr = Math.min(2, window.devicePixelRatio || 1);
  const cssW = canvas.clientWidth;
  const cssH = canvas.clientHeight;
  if (canvas.width !== Math.round(cssW * dpr) || canvas.height !== Math.round(cssH * dpr)) {
    canvas.width = Math.round(cssW * dpr);
    canvas.height = Math.round(cssH * dpr);
  }
  const g = canvas.getContext('2d');
  if (!g) return;
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, cssW, cssH);
  const legendW = cssW < 520 ? 0 : 190;
  const pad = { l: 34, r: 8 + legendW, t: 8, b: 22 };
  const w = cssW - pad.l - pad.r;
  const hgt = cssH - pad.t - pad.b;
  const gens = r.shares.length - 1;
  const x = (gen: number) => pad.l + (gens === 0 ? 0 : (gen / gens) * w);
  const y = (v: number) => pad.t + (1 - v) * hgt;
  g.fillStyle = '#0c1620';
  g.fillRect(pad.l, pad.t, w, hgt);
  const frame = Math.max(0, Math.min(ui.frame, gens));
  const n = r.config.strategies.length;
  // Stacked areas, first strategy at the bottom.
  const base = new Array<number>(frame + 1).fill(0);
  for (let i = 0; i < n; i++) {
    const top = base.map((b, gen) => b + r.shares[gen][i]);
    g.beginPath();
    for (let gen = 0; gen <= frame; gen++) g.lineTo(x(gen), y(top[gen]));
    for (let gen = frame; gen >= 0; gen--) g.lineTo(x(gen), y(base[gen]));
    g.closePath();
    g.fillStyle = STRATEGY_COLOURS[r.config.strategies[i]];
    g.fill();
    for (let gen = 0; gen <= frame; gen++) base[gen] = top[gen];
  }
  g.fillStyle = '#a9b6bf';
  g.font = '11px system-ui, sans-serif';
  g.textAlign = 'right';
  g.textBaseline = 'middle';
  for (const v of [0, 0.5, 1]) g.fillText(`${v * 100}%`, pad.l - 4, y(v));
  g.textAlign = 'center';
  g.textBaseline = 'top';
  g.fillText(`generation ${frame} of ${gens}`, pad.l + w / 2, pad.t + hgt + 5);
  if (legendW > 0) {
    const now = r.config.strategies.map((s, i) => ({ s, v: r.shares[frame][i] })).sort((a, b) => b.v - a.v);
    const rowH = Math.min(18, hgt / n);
    g.textAlign = 'left';
    g.textBaseline = 'middle';
    now.forEach(({ s, v }, k) => {
      const yy = pad.t + k * rowH + rowH / 2;
      const x0 = cssW - legendW + 4;
      g.fillStyle = STRATEGY_COLOURS[s];
      g.fillRect(x0, yy - 5, 10, 10);
      g.fillStyle = v < 0.005 ? '#6f7f8a' : '#f4efe6';
      g.fillText(STRATEGY_TITLES[s], x0 + 16, yy);
      g.textAlign = 'right';
      g.fillText(`${(v * 100).toFixed(1)}%`, cssW - 4, yy);
      g.textAlign = 'left';
    });
  }
}

function setConfig(patch: Partial<ExploreConfig>): void {
  ui.config = { ...ui.config, ...patch };
  run();
  touch();
}

function goStep(index: number | null): void {
  ui.step = index;
  if (index !== null) {
    const step = STEPS[index];
    ui.config = stepConfig(step, ui.config);
    ui.view = step.view;
    run(0);
  }
  touch();
  requestAnimationFrame(() => document.getElementById('explore-step-title')?.focus());
}

function slider(
  id: string,
  label: string,
  value: number,
  limits: { min: number; max: number; step: number },
  shown: string,
  set: (v: number) => void,
): VNode {
  return h(
    'div',
    { class: 'slider' },
    h('label', { for: id }, label, h('output', { for: id, id: `${id}-value` }, shown)),
    h('input', {
      id,
      type: 'range',
      min: limits.min,
      max: limits.max,
      step: limits.step,
      value: String(value),
      'aria-valuetext': shown,
      oninput: (e: Event) => set(Number((e.target as HTMLInputElement).value)),
    }),
  );
}

function controls(): VNode {
  const c = ui.config;
  const p = c.payoffs;
  const payoff = (key: 'T' | 'R' | 'P' | 'S', name: string) =>
    slider(`payoff-${key}`, `${name} (${key})`, p[key], LIMITS.payoff, String(p[key]), (v) =>
      setConfig({ payoffs: { ...ui.config.payoffs, [key]: v } }),
    );
  return h(
    'section',
    { class: 'card explore-controls', 'aria-labelledby': 'explore-controls-h' },
    h('h2', { id: 'explore-controls-h' }, 'Settings'),
    h(
      'div',
      { class: 'segmented', role: 'group', 'aria-label': 'What to show' },
      (['tournament', 'evolution'] as const).map((v) =>
        h(
          'button',
          {
            key: v,
            id: `show-${v}`,
            'aria-pressed': String(ui.view === v),
            onclick: () => ((ui.view = v), animate(), touch()),
          },
          v === 'tournament' ? 'Tournament' : 'Evolution',
        ),
      ),
    ),
    slider('rounds', 'Rounds in a match', c.turns, LIMITS.turns, String(c.turns), (v) => setConfig({ turns: v })),
    slider('noise', 'Noise', c.noise, LIMITS.noise, `${+(c.noise * 100).toFixed(1)} %`, (v) => setConfig({ noise: v })),
    slider('repetitions', 'Repetitions of each match', c.repetitions, LIMITS.repetitions, String(c.repetitions), (v) =>
      setConfig({ repetitions: v }),
    ),
    slider('generations', 'Generations', c.generations, LIMITS.generations, String(c.generations), (v) =>
      setConfig({ generations: v }),
    ),
    h(
      'fieldset',
      null,
      h('legend', null, 'Payoffs of one round'),
      payoff('T', 'Defect on an honourer'),
      payoff('R', 'Both honour'),
      payoff('P', 'Both defect'),
      payoff('S', 'Honour a defector'),
      isDilemma(p)
        ? h(
            'p',
            { class: 'small muted' },
            'A prisoner’s dilemma: defecting pays more in one round, honouring together pays more over many.',
          )
        : h(
            'p',
            { class: 'small warn', id: 'not-dilemma' },
            'Not a prisoner’s dilemma any more: it needs T > R > P > S and 2R > T + S.',
          ),
      h(
        'button',
        { class: 'ghost', id: 'axelrod-payoffs', onclick: () => setConfig({ payoffs: { ...DEFAULT_CONFIG.payoffs } }) },
        'Axelrod’s 5, 3, 1, 0',
      ),
    ),
    h(
      'fieldset',
      { class: 'strategy-picks' },
      h('legend', null, `Strategies in play (${c.strategies.length})`),
      STRATEGY_NAMES.map((s) => {
        const on = c.strategies.includes(s);
        return h(
          'label',
          { key: s, class: 'check', title: STRATEGY_SUMMARIES[s] },
          h('input', {
            type: 'checkbox',
            id: `play-${s}`,
            checked: on,
            // A tournament needs two strategies at least.
            disabled: on && c.strategies.length <= 2,
            onchange: (e: Event) => {
              const want = (e.target as HTMLInputElement).checked;
              setConfig({
                strategies: STRATEGY_NAMES.filter((x) => (x === s ? want : ui.config.strategies.includes(x))),
              });
            },
          }),
          h('span', { class: 'swatch', style: `background:${STRATEGY_COLOURS[s]}` }),
          STRATEGY_TITLES[s],
        );
      }),
    ),
  );
}

function tournamentView(r: ExploreResult): VNode {
  // Bars start at what mutual defection pays (P), so the differences that matter show.
  const max = Math.max(...r.ranking.map((e) => e.medianScorePerTurn), r.config.payoffs.P + 0.01);
  const min = Math.min(r.config.payoffs.P, ...r.ranking.map((e) => e.medianScorePerTurn));
  return h(
    'div',
    {
      id: 'tournament-bars',
      role: 'table',
      'aria-label': 'Tournament ranking: points per round against each other strategy',
    },
    h(
      'div',
      { class: 'bar-row head', role: 'row' },
      h('span', { role: 'columnheader' }, '#'),
      h('span', { role: 'columnheader' }, 'Strategy'),
      h('span', { role: 'columnheader' }, 'Points a round'),
      h('span', { role: 'columnheader', class: 'num' }, 'Matches won'),
    ),
    r.ranking.map((e) =>
      h(
        'div',
        { key: e.strategy, class: 'bar-row', role: 'row', id: `rank-${e.strategy}` },
        h('span', { role: 'cell' }, String(e.rank)),
        h(
          'span',
          { role: 'cell', class: 'name', title: STRATEGY_SUMMARIES[e.strategy] },
          h('span', { class: 'swatch', style: `background:${STRATEGY_COLOURS[e.strategy]}` }),
          STRATEGY_TITLES[e.strategy],
        ),
        h(
          'span',
          { role: 'cell', class: 'bar-cell' },
          h('span', {
            class: 'bar-fill',
            style: `width:${(((e.medianScorePerTurn - min) / (max - min)) * 100).toFixed(1)}%;background:${STRATEGY_COLOURS[e.strategy]}`,
          }),
          h('span', { class: 'bar-value' }, e.medianScorePerTurn.toFixed(2)),
        ),
        h('span', { role: 'cell', class: 'num' }, e.wins.toFixed(e.wins % 1 ? 1 : 0)),
      ),
    ),
    h(
      'p',
      { class: 'small muted', style: 'margin:4px 0 0' },
      `Bars start at ${r.config.payoffs.P}, what two strategies that always defect earn; matches won are averaged over the repetitions.`,
    ),
  );
}

function evolutionView(r: ExploreResult): VNode {
  const alive = survivors(r);
  const done = ui.frame >= r.shares.length - 1;
  return h(
    'div',
    null,
    h('canvas', {
      id: 'evo-chart',
      class: 'evo-chart',
      role: 'img',
      'aria-label': `Population shares over ${r.config.generations} generations. At the end: ${alive.map((a) => `${STRATEGY_TITLES[a.strategy]} ${(a.share * 100).toFixed(1)} percent`).join(', ')}.`,
    }),
    h(
      'div',
      { class: 'row', style: 'margin-top:8px' },
      h(
        'button',
        { id: 'replay', class: 'ghost', onclick: () => animate() },
        done ? 'Replay the evolution' : 'Restart',
      ),
      h(
        'span',
        { class: 'small muted grow' },
        'Each generation, a strategy’s share grows in proportion to what it earns against the current population.',
      ),
    ),
    h(
      'ul',
      { class: 'evo-legend', 'aria-hidden': 'true' },
      h('li', null, `After ${r.config.generations} generations:`),
      r.config.strategies
        .map((s, i) => ({ s, v: r.shares[r.shares.length - 1][i] }))
        .sort((a, b) => b.v - a.v)
        .map(({ s, v }) =>
          h(
            'li',
            { key: s, class: v < 0.005 ? 'muted' : '' },
            h('span', { class: 'swatch', style: `background:${STRATEGY_COLOURS[s]}` }),
            `${STRATEGY_TITLES[s]} ${(v * 100).toFixed(1)} %`,
          ),
        ),
    ),
    h(
      'p',
      { class: 'small', id: 'survivors', 'aria-live': 'polite' },
      done
        ? `After ${r.config.generations} generations: ${alive.map((a) => `${STRATEGY_TITLES[a.strategy]} ${(a.share * 100).toFixed(1)} %`).join(', ')}.`
        : 'Evolving…',
    ),
  );
}

/** Whether a result is for the settings on screen now. */
function current(r: ExploreResult): boolean {
  return JSON.stringify(r.config) === JSON.stringify(ui.config);
}

function guide(): VNode {
  const index = ui.step;
  const r = ui.result;
  const step = index === null ? null : STEPS[index];
  return h(
    'section',
    { class: 'card coach explore-guide', 'aria-labelledby': 'explore-step-title', 'aria-live': 'polite' },
    h(
      'div',
      { class: 'row' },
      h(
        'h2',
        { id: 'explore-step-title', tabindex: -1, class: 'grow' },
        step ? `${index! + 1} of ${STEPS.length}: ${step.title}` : 'Explore freely',
      ),
      h(
        'button',
        {
          class: 'ghost',
          id: 'step-back',
          disabled: index === null || index === 0,
          onclick: () => goStep(index === null ? 0 : index - 1),
        },
        'Back',
      ),
      h(
        'button',
        {
          class: 'primary',
          id: 'step-next',
          onclick: () => goStep(index === null ? 0 : index + 1 < STEPS.length ? index + 1 : null),
        },
        index === null ? 'Start the guided path' : index + 1 < STEPS.length ? 'Next' : 'Explore freely',
      ),
    ),
    // A step reads only the result of its own settings, never the one still on screen from before.
    step && r && current(r)
      ? h(
          'div',
          { id: 'step-text' },
          step.read(r).map((t, i) => h('p', { key: i }, t)),
        )
      : null,
    !step
      ? h(
          'p',
          { class: 'small' },
          'Move any slider: the tournament and the evolution run again with the engine’s own strategies, and the chart follows.',
        )
      : null,
    step && !(r && current(r)) ? h('p', { class: 'muted' }, 'Measuring…') : null,
  );
}

export function exploreView(close: () => void): VNode {
  if (!started) {
    started = true;
    run(0);
  }
  const r = ui.result;
  if (ui.view === 'evolution') requestAnimationFrame(draw);
  return h(
    'div',
    {
      class: 'explore',
      id: 'explore',
      onkeydown: (e: KeyboardEvent) => {
        if (e.key === 'Escape') close();
      },
    },
    h(
      'header',
      { class: 'explore-top' },
      h(
        'div',
        { class: 'grow' },
        h('h1', null, 'The trust tournament'),
        h(
          'p',
          { class: 'muted small' },
          'The 13 strategies of the trust game, played against each other by the same code as the bots.',
        ),
      ),
      h('button', { id: 'explore-close', onclick: close }, 'Back to the lobby'),
    ),
    h(
      'div',
      { class: 'explore-grid' },
      h(
        'div',
        { class: 'explore-main' },
        guide(),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'explore-result-h', 'aria-busy': ui.pending > 0 ? 'true' : 'false' },
          h(
            'h2',
            { id: 'explore-result-h' },
            ui.view === 'tournament'
              ? 'Tournament: points a round against each other strategy'
              : 'Evolution: shares of the population',
            ui.pending > 0 ? h('span', { class: 'pill', style: 'margin-left:8px' }, 'measuring…') : null,
          ),
          ui.error ? h('p', { class: 'error', role: 'alert' }, ui.error) : null,
          r
            ? ui.view === 'tournament'
              ? tournamentView(r)
              : evolutionView(r)
            : h('p', { class: 'muted' }, 'Measuring…'),
          r
            ? h(
                'p',
                { class: 'small muted', id: 'explore-timing' },
                `${r.config.strategies.length} strategies, ${r.config.turns} rounds, ${noiseText(r.config.noise)}, ${r.config.repetitions} repetitions: ${r.ms} ms.`,
              )
            : null,
        ),
      ),
      controls(),
    ),
  );
}
