// The table screen's DOM: the top bar (round, phase, timer, Ready), the side panel with one tab
// per kind of action, and the event feed. The canvas beside it draws the table itself.
import type { Phase } from '../../shared/engine/types';
import type { TableView } from '../../shared/engine/view';
import { act, isHost, leaveTable } from '../app';
import { PHASE_HINTS, PHASE_NAMES } from '../game/format';
import { store, type AppState } from '../game/store';
import { ART } from '../scenes/art';
import { errorFor, touch } from './common';
import { h, type VNode } from './dom';
import { feedList } from './panels/feed';
import { powerPanel } from './panels/power';
import { preparePanel } from './panels/prepare';
import { dealsPanel } from './panels/deals';
import { movesPanel } from './panels/moves';
import { seatsPanel } from './panels/seats';
import { talkPanel, unansweredAsks } from './panels/talk';
import { guessPanel } from './panels/guess';
import { trustPanel } from './panels/trust';
import { trustGamePanel } from './panels/trust-game';
import { youPanel } from './panels/you';

export type Tab = 'prepare' | 'you' | 'deals' | 'talk' | 'moves' | 'trust' | 'guess' | 'power' | 'seats' | 'feed';

const TAB_NAMES: Record<Tab, string> = {
  prepare: 'Prepare',
  you: 'You',
  deals: 'Deals',
  talk: 'Talk',
  moves: 'Moves',
  trust: 'Trust',
  guess: 'Guess',
  power: 'Power',
  seats: 'Seats',
  feed: 'Feed',
};

export const ui = { tab: 'you' as Tab, phaseKey: '', copied: false };

export function setTab(tab: Tab): void {
  ui.tab = tab;
  touch();
  requestAnimationFrame(() => document.getElementById(`panel-${tab}`)?.scrollTo({ top: 0 }));
}

export function tabsFor(view: TableView, narrow: boolean): Tab[] {
  const spectator = view.me === null;
  let tabs: Tab[];
  if (view.mode === 'trust') tabs = spectator ? ['seats'] : ['trust', 'guess'];
  else if (view.phase === 'prepare') tabs = spectator ? ['power', 'seats'] : ['prepare', 'power', 'seats'];
  else if (spectator) tabs = ['deals', 'power', 'seats'];
  else
    tabs = [
      'you',
      'deals',
      'talk',
      'moves',
      ...(view.phase === 'trust' || view.trust.length > 0 ? (['trust'] as Tab[]) : []),
      'power',
      'seats',
    ];
  if (narrow) tabs.push('feed');
  return tabs;
}

/** The tab a phase opens on (once, when the phase begins). */
function defaultTab(view: TableView): Tab {
  if (view.mode === 'trust') return !view.me ? 'seats' : store.state.practice?.due ? 'guess' : 'trust';
  if (view.phase === 'prepare') return view.me ? 'prepare' : 'power';
  if (view.me === null) return 'deals';
  if (view.phase === 'trust' && view.trust.length > 0) return 'trust';
  if (view.phase === 'negotiate') return view.round === 1 ? 'deals' : 'you';
  return ui.tab;
}

function remaining(state: AppState): { left: number; total: number } | null {
  const d = state.lobby?.deadline ?? 0;
  if (!d || !state.view || state.view.phase === 'end') return null;
  const now = Date.now() + state.clockOffset;
  const left = Math.max(0, d - now);
  const phase = state.view.phase;
  const nominal =
    phase === 'negotiate'
      ? state.view.scenario.durations.negotiate * 1000
      : phase === 'trust'
        ? state.view.scenario.durations.trust * 1000
        : 5000;
  return { left, total: Math.max(nominal, left) };
}

function readyControl(state: AppState, view: TableView): VNode | null {
  if (!view.me) return null;
  const me = view.seats[view.me.seat];
  if (view.phase === 'prepare') {
    if (!isHost()) return h('span', { class: 'muted small', id: 'waiting-host' }, 'Waiting for the host to start…');
    return h(
      'div',
      null,
      h('button', { id: 'start', class: 'primary', onclick: () => act('start', {}) }, 'Start round 1'),
      errorFor('start'),
    );
  }
  if (view.phase === 'end') return null;
  // The last round is over and the game waits for the guesses: that is the next step.
  if (state.practice?.due)
    return h('button', { id: 'go-guess', class: 'primary', onclick: () => setTab('guess') }, 'Lock in your guesses');
  const label = view.phase === 'trust' ? 'Ready: reveal' : view.phase === 'negotiate' ? 'Ready' : 'Ready: next';
  return h(
    'div',
    null,
    h(
      'button',
      {
        id: 'ready',
        class: me.ready ? '' : 'primary',
        disabled: me.ready,
        'aria-describedby': 'phase-hint',
        onclick: () => act('ready', {}),
      },
      me.ready ? 'Waiting for the others…' : label,
    ),
    errorFor('ready'),
  );
}

function statusBanner(state: AppState): VNode | null {
  if (state.status === 'connected' || state.status === 'idle') return null;
  const lost = state.status === 'lost' || state.status === 'superseded';
  return h(
    'div',
    { class: `status-banner${lost ? ' lost' : ''}`, role: 'status', id: 'connection-status' },
    state.statusText || 'Connecting…',
    state.status === 'superseded'
      ? h('button', { class: 'link', onclick: () => location.reload() }, ' Take the seat back here')
      : null,
    state.status === 'lost'
      ? h('button', { class: 'link', onclick: () => void leaveTable() }, ' Back to the lobby')
      : null,
  );
}

function shareLink(code: string): string {
  const url = new URL(location.href);
  url.search = `?code=${code}`;
  return url.toString();
}

function topbar(state: AppState, view: TableView): VNode {
  const phase: Phase = view.phase;
  const t = remaining(state);
  const lobby = state.lobby;
  const code = lobby?.code ?? state.welcome?.code ?? '';
  const roundText = view.phase === 'prepare' ? 'Before round 1' : `Round ${view.round}`;
  const spectators = lobby?.spectators ?? 0;
  return h(
    'header',
    { class: 'topbar' },
    h('img', { class: 'mark', src: ART.logo, alt: 'Leverage' }),
    h(
      'div',
      { class: 'title' },
      h('strong', { title: view.scenario.name }, view.scenario.name),
      h(
        'span',
        null,
        `${view.mode === 'trust' ? 'Iterated prisoner’s dilemma' : 'Coalition game'} · table `,
        h('strong', { style: 'display:inline', id: 'table-code' }, code),
        ' ',
        h(
          'button',
          {
            class: 'link',
            id: 'copy-link',
            onclick: () => {
              void navigator.clipboard?.writeText(shareLink(code)).then(() => ((ui.copied = true), touch()));
            },
          },
          ui.copied ? 'link copied' : 'copy link',
        ),
        spectators > 0 ? ` · ${spectators} watching` : '',
        view.me === null ? ' · you are watching' : '',
      ),
    ),
    h(
      'div',
      { class: 'phasebox' },
      h(
        'div',
        { class: 'phase-line' },
        h('span', { class: 'phase-name', id: 'phase-name' }, `${roundText} · ${PHASE_NAMES[phase]}`),
        h(
          'span',
          { class: 'phase-hint', id: 'phase-hint' },
          view.mode === 'trust' ? trustHint(state, phase) : PHASE_HINTS[phase],
        ),
      ),
      paused(state)
        ? h('div', { class: 'muted small', id: 'paused-note' }, 'Paused: the clock is stopped.')
        : t
          ? h(
              'div',
              {
                class: `timer${t.left < 10000 ? ' low' : ''}`,
                role: 'progressbar',
                'aria-label': 'time left in this phase',
                'aria-valuemin': 0,
                'aria-valuemax': Math.round(t.total / 1000),
                'aria-valuenow': Math.round(t.left / 1000),
                'aria-valuetext': `${Math.ceil(t.left / 1000)} seconds left`,
              },
              h('div', { style: `width:${((100 * t.left) / t.total).toFixed(1)}%` }),
            )
          : view.phase === 'negotiate' || view.phase === 'trust'
            ? h('div', { class: 'muted small' }, 'Untimed: the phase ends when every person is Ready.')
            : null,
    ),
    h(
      'div',
      { class: 'actions' },
      t ? h('span', { class: 'pill', id: 'timer-text' }, `${Math.ceil(t.left / 1000)} s`) : null,
      readyControl(state, view),
      isHost() && view.phase !== 'prepare' && view.phase !== 'end'
        ? h(
            'button',
            {
              id: 'pause',
              class: 'ghost',
              'aria-pressed': paused(state),
              onclick: () => act(paused(state) ? 'resume' : 'pause', {}, 'pause'),
            },
            paused(state) ? 'Resume' : 'Pause',
          )
        : null,
      errorFor('pause'),
      state.solo && view.mode === 'coalition'
        ? h(
            'button',
            {
              id: 'coach-toggle',
              class: 'ghost',
              'aria-pressed': state.coachOn,
              onclick: () => store.setCoachOn(!state.coachOn),
            },
            state.coachOn ? 'Coach: on' : 'Coach: off',
          )
        : null,
      h('button', { id: 'leave', class: 'ghost', onclick: () => void leaveTable() }, 'Lobby'),
    ),
    statusBanner(state),
  );
}

function trustHint(state: AppState, phase: Phase): string {
  if (state.practice?.due) return 'That was the last round: lock in your guesses to see the reveal.';
  if (phase === 'prepare') return 'Read how the trust game works, then start.';
  if (phase === 'trust') return 'Honour or defect with every other seat. Moves are revealed together.';
  if (phase === 'score') return 'Moves revealed and points added; the next round follows.';
  return PHASE_HINTS[phase];
}

function paused(state: AppState): boolean {
  return state.lobby?.paused === true;
}

function pausedCard(state: AppState): VNode {
  const left = state.lobby?.remaining ?? 0;
  return h(
    'div',
    { class: 'card coach', id: 'paused' },
    h('h2', null, 'Paused'),
    h(
      'p',
      null,
      left > 0
        ? `The clock is stopped with ${Math.ceil(left / 1000)} s left in this phase. `
        : 'The clock is stopped. ',
      isHost() ? 'Take your time; resume when you are back.' : 'The host will resume the game.',
    ),
    isHost()
      ? h('button', { class: 'primary', id: 'resume-play', onclick: () => act('resume', {}, 'pause') }, 'Resume')
      : null,
  );
}

function panelFor(tab: Tab, state: AppState, view: TableView, narrow: boolean): VNode | VNode[] | null {
  switch (tab) {
    case 'prepare':
      return preparePanel(state, view);
    case 'you':
      return youPanel(state, view);
    case 'deals':
      return dealsPanel(state, view);
    case 'talk':
      return talkPanel(state, view);
    case 'moves':
      return movesPanel(state, view);
    case 'trust':
      return view.mode === 'trust' ? trustGamePanel(state, view) : trustPanel(state, view);
    case 'guess':
      return guessPanel(state, view);
    case 'power':
      return powerPanel(state, view);
    case 'seats':
      return seatsPanel(state, view);
    case 'feed':
      return narrow ? feedList(state, 'feed-tab') : null;
  }
}

function badge(tab: Tab, state: AppState, view: TableView): number {
  if (!view.me) return 0;
  if (tab === 'talk') return unansweredAsks(view).length;
  if (tab === 'trust' && view.phase === 'trust') return view.trust.filter((t) => t.move === null).length;
  if (tab === 'guess' && state.practice && !state.practice.locked)
    return state.practice.due ? state.practice.bots.length : 0;
  if (tab === 'moves') return view.escalations.filter((e) => e.target === view.me!.seat && e.refusal === null).length;
  return 0;
}

export function tableView(state: AppState, narrow: boolean): VNode[] {
  const view = state.view;
  if (!view) {
    return [
      h(
        'header',
        { class: 'topbar' },
        h('img', { class: 'mark', src: ART.logo, alt: 'Leverage' }),
        h('strong', null, state.statusText || 'Connecting to the table…'),
        statusBanner(state),
      ),
    ];
  }
  const key = `${view.round}:${view.phase}`;
  if (key !== ui.phaseKey) {
    ui.phaseKey = key;
    ui.tab = defaultTab(view);
  }
  const tabs = tabsFor(view, narrow);
  if (!tabs.includes(ui.tab)) ui.tab = tabs[0];
  const tab = ui.tab;
  return [
    topbar(state, view),
    h(
      'aside',
      { class: 'side', 'aria-label': 'Your controls' },
      h(
        'div',
        { class: 'tabs', role: 'tablist', 'aria-label': 'Panels' },
        tabs.map((t) => {
          const n = badge(t, state, view);
          return h(
            'button',
            {
              key: t,
              role: 'tab',
              id: `tab-${t}`,
              'aria-selected': t === tab ? 'true' : 'false',
              'aria-controls': `panel-${t}`,
              tabindex: t === tab ? 0 : -1,
              onclick: () => setTab(t),
              onkeydown: (e: KeyboardEvent) => {
                const i = tabs.indexOf(t);
                const next =
                  e.key === 'ArrowRight'
                    ? tabs[(i + 1) % tabs.length]
                    : e.key === 'ArrowLeft'
                      ? tabs[(i - 1 + tabs.length) % tabs.length]
                      : null;
                if (next) {
                  e.preventDefault();
                  setTab(next);
                  requestAnimationFrame(() => document.getElementById(`tab-${next}`)?.focus());
                }
              },
            },
            TAB_NAMES[t],
            n > 0 ? h('span', { class: 'badge', 'aria-label': `${n} waiting` }, String(n)) : null,
          );
        }),
      ),
      h(
        'div',
        {
          class: 'panel',
          role: 'tabpanel',
          id: `panel-${tab}`,
          key: `panel-${tab}`,
          'aria-labelledby': `tab-${tab}`,
          tabindex: 0,
        },
        paused(state) ? pausedCard(state) : panelFor(tab, state, view, narrow),
      ),
    ),
    narrow
      ? h('div', { class: 'feed', hidden: true })
      : h(
          'section',
          { class: 'feed', 'aria-label': 'What happened' },
          h('h2', null, 'What happened'),
          feedList(state, 'feed'),
        ),
  ];
}
