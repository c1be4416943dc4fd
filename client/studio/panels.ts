// The studio's checks beside the forms: every problem with its place (a button that takes the
// keyboard there), the power map (weight against Shapley–Shubik and Banzhaf, minimal winning
// coalitions, veto seats), DESIGN 7's teaching numbers, and the quick benchmark on demand.
import type { Estimate } from '../../shared/claims/stats';
import { h, type VNode } from '../ui/dom';
import { touch } from '../ui/common';
import { benchmark } from './compute';
import { draftText, studio } from './model';

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** The parent of a problem's path: "roles[2].power" → "roles[2]" → "roles" → "". */
function parentPath(p: string): string {
  const m = /^(.*?)(\[\d+\]|\["[^"]*"\]|\.[^.[]+)$/.exec(p);
  return m ? m[1] : '';
}

/** Takes the keyboard to the field a problem is about, or to the nearest part of the form around it. */
export function focusPath(path: string): void {
  if (studio.pane !== 'edit' && document.body.classList.contains('narrow')) {
    studio.pane = 'edit';
    touch();
  }
  requestAnimationFrame(() => {
    for (let p = path; ; p = parentPath(p)) {
      const el = p ? document.querySelector<HTMLElement>(`#studio [data-path="${CSS.escape(p)}"]`) : null;
      if (el) {
        const details = el.closest('details');
        if (details && !details.open) {
          details.open = true;
          // Its own toggle event comes later; the form's state must know before the next redraw.
          details.dispatchEvent(new Event('toggle'));
        }
        el.focus();
        el.scrollIntoView({ block: 'center' });
        return;
      }
      if (!p) {
        document.querySelector<HTMLElement>('#studio h1')?.focus();
        return;
      }
    }
  });
}

export function problemsPanel(): VNode {
  const r = studio.report;
  const problems = r?.problems ?? [];
  return h(
    'section',
    { class: 'card', id: 'studio-problems', tabindex: -1, 'aria-labelledby': 'studio-problems-h' },
    h(
      'h2',
      { id: 'studio-problems-h' },
      r === null
        ? 'Checking…'
        : problems.length === 0
          ? 'No problems'
          : `${problems.length} problem${problems.length === 1 ? '' : 's'}`,
    ),
    problems.length === 0
      ? h('p', { class: 'ok small' }, 'The server will accept this scenario: every field is valid.')
      : h(
          'ul',
          { class: 'studio-problem-list' },
          problems.map((p, i) =>
            h(
              'li',
              { key: `${i}-${p.path}` },
              h(
                'button',
                { class: 'link problem', onclick: () => focusPath(p.path) },
                h('code', null, p.path || '(scenario)'),
                ' ',
                p.message,
              ),
            ),
          ),
        ),
  );
}

function bar(value: number, cls: string): VNode {
  return h('span', { class: `pm-bar ${cls}`, style: `width:${Math.max(0, Math.min(100, value * 100))}%` });
}

export function powerPanel(): VNode {
  const power = studio.report?.power ?? null;
  return h(
    'section',
    { class: 'card', id: 'studio-power', 'aria-labelledby': 'studio-power-h' },
    h('h2', { id: 'studio-power-h' }, 'Power map'),
    power === null
      ? h('p', { class: 'muted small' }, 'Shown once every role has a whole-number power and the quota is readable.')
      : [
          h(
            'p',
            { class: 'muted small' },
            `Quota ${power.quota} of ${power.total}. Weight is not power: the indices say how often a seat is pivotal.`,
          ),
          h(
            'table',
            { class: 'studio-power' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', { scope: 'col' }, 'Role'),
                h('th', { scope: 'col' }, 'Weight'),
                h('th', { scope: 'col' }, 'Shapley–Shubik'),
                h('th', { scope: 'col' }, 'Banzhaf'),
              ),
            ),
            h(
              'tbody',
              null,
              power.rows.map((row) =>
                h(
                  'tr',
                  null,
                  h('th', { scope: 'row' }, row.name, row.veto ? h('span', { class: 'pill gold' }, 'veto') : null),
                  h('td', null, h('span', { class: 'num' }, `${row.power} · ${pct(row.weight)}`), bar(row.weight, 'w')),
                  h('td', null, h('span', { class: 'num' }, pct(row.shapleyShubik)), bar(row.shapleyShubik, 'ss')),
                  h('td', null, h('span', { class: 'num' }, pct(row.banzhaf)), bar(row.banzhaf, 'bz')),
                ),
              ),
            ),
          ),
          h('h3', null, `Minimal winning coalitions (${power.minimalWinning.length}${power.truncated ? '+' : ''})`),
          power.minimalWinning.length === 0
            ? h('p', { class: 'error small' }, 'No coalition can win.')
            : h(
                'ul',
                { class: 'studio-coalitions small' },
                power.minimalWinning.slice(0, 24).map((c) => h('li', null, c.join(' + '))),
              ),
          power.minimalWinning.length > 24
            ? h('p', { class: 'muted small' }, `…and ${power.minimalWinning.length - 24} more.`)
            : null,
        ],
  );
}

export function teachingPanel(): VNode {
  const checks = studio.report?.teaching ?? [];
  return h(
    'section',
    { class: 'card', id: 'studio-teaching', 'aria-labelledby': 'studio-teaching-h' },
    h('h2', { id: 'studio-teaching-h' }, 'Does it teach?'),
    checks.length === 0
      ? h('p', { class: 'muted small' }, 'The teaching numbers are measured once the scenario has no problems.')
      : h(
          'ul',
          { class: 'studio-teaching' },
          checks.map((c) =>
            h(
              'li',
              { key: c.id, class: c.ok === true ? 'pass' : c.ok === false ? 'fail' : 'unknown', 'data-check': c.id },
              h('strong', null, c.ok === true ? '✓ ' : c.ok === false ? '✗ ' : '– ', c.title),
              h('span', { class: 'small' }, ` ${c.sentence}`),
            ),
          ),
        ),
  );
}

const range = (e: Estimate, f: (x: number) => string) => `${f(e.mean)} (95% interval ${f(e.lo)} to ${f(e.hi)})`;
const one = (x: number) => String(Math.round(x * 10) / 10);

function runBench(): void {
  const scenario = studio.report?.scenario;
  if (!scenario || studio.bench.running) return;
  const b = studio.bench;
  b.running = true;
  b.done = 0;
  b.total = 0;
  b.error = null;
  const text = draftText();
  touch();
  benchmark(scenario, (done, total) => {
    b.done = done;
    b.total = total;
    touch();
  })
    .then((result) => {
      b.result = result;
      b.measured = text;
    })
    .catch((e: Error) => {
      b.error = `The benchmark could not run: ${e.message}`;
    })
    .finally(() => {
      b.running = false;
      touch();
      requestAnimationFrame(() => document.getElementById('studio-bench-result')?.focus());
    });
}

export function benchPanel(): VNode {
  const b = studio.bench;
  const valid = studio.report?.scenario != null;
  const r = b.result;
  const stale = r !== null && b.measured !== draftText();
  return h(
    'section',
    {
      class: 'card',
      id: 'studio-bench',
      'aria-labelledby': 'studio-bench-h',
      'aria-busy': b.running ? 'true' : 'false',
    },
    h('h2', { id: 'studio-bench-h' }, 'Quick benchmark'),
    h(
      'p',
      { class: 'muted small' },
      'Seeded bot tables of this scenario (the five personas rotated through the seats) show what a class will meet: the joint gain, its efficiency, the persona that does best, and whether a seat that does nothing loses.',
    ),
    h(
      'button',
      { id: 'studio-run-bench', disabled: !valid || b.running, onclick: runBench },
      b.running ? 'Playing tables…' : r ? 'Run it again' : 'Run the quick benchmark',
    ),
    !valid ? h('p', { class: 'muted small' }, 'Fix the problems first: bots can only play a valid scenario.') : null,
    b.running || b.total > 0
      ? h(
          'div',
          { class: 'studio-progress' },
          h('progress', {
            id: 'studio-bench-progress',
            max: Math.max(1, b.total),
            value: b.done,
            'aria-label': 'Benchmark tables played',
          }),
          h(
            'span',
            { class: 'small', 'aria-live': 'polite' },
            b.total ? `${b.done} of ${b.total} tables` : 'Starting…',
          ),
        )
      : null,
    b.error ? h('p', { class: 'error', role: 'alert' }, b.error) : null,
    r
      ? h(
          'div',
          { id: 'studio-bench-result', tabindex: -1 },
          stale ? h('p', { class: 'warn small' }, 'Measured on an earlier version of the draft: run it again.') : null,
          h(
            'dl',
            { class: 'studio-facts' },
            h('dt', null, 'Joint gain per round'),
            h('dd', null, range(r.jointGain, one)),
            h('dt', null, 'Efficiency'),
            h(
              'dd',
              null,
              range(r.efficiency, (x) => `${Math.round(x * 100)}%`),
            ),
            h('dt', null, 'Best persona'),
            h(
              'dd',
              { id: 'studio-best-persona' },
              `${r.personas[0].persona}, at the ${Math.round(r.personas[0].percentile.mean)}th percentile of its roles on average (${r.personas
                .slice(1)
                .map((p) => `${p.persona} ${Math.round(p.percentile.mean)}`)
                .join(', ')})`,
            ),
            h('dt', null, 'A seat that does nothing'),
            h(
              'dd',
              { id: 'studio-idle', class: r.idle.loses ? 'ok' : 'error' },
              r.idle.loses
                ? `loses: it lands at the ${Math.round(r.idle.percentile.mean)}th percentile of its role on average, below ${r.idle.below}. Doing nothing does not pay here.`
                : `does not lose: it lands at the ${Math.round(r.idle.percentile.mean)}th percentile of its role on average, not below ${r.idle.below}. Walk-aways may be too generous to the idle.`,
            ),
          ),
          h(
            'p',
            { class: 'muted small' },
            `${r.benchmarkGames} benchmark tables and ${r.games} tables for each measure. Percentiles are on the mutual-gain score per round, among the same role's seats.`,
          ),
        )
      : null,
  );
}
