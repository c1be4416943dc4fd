// The lobby: play solo in one click (or with options), host a table for people, join one by
// its code or link, watch one, or play the trust game and name the strategies of the bots.
import type { CreateOptions } from '../../shared/protocol';
import { SHORT_HORIZON } from '../../shared/lengths';
import { createTable, joinTable, resumeTable, watchTable } from '../app';
import { proportionalSplit } from '../game/derive';
import type { AppState, ScenarioFacts } from '../game/store';
import { ART } from '../scenes/art';
import type { TableListing } from '../../shared/protocol';
import { fetchTables } from '../net/api';
import { normaliseCode, seats } from '../net/connection';
import { field, inputValue, options, touch } from './common';
import { lobbyBackdrop } from './backdrop';
import { h, type VNode } from './dom';
import { explorePage, trustCard } from './lobby-trust';
import { hostOptions } from './seating';
import { studioCard, studioPage } from './lobby-studio';

const DIFFICULTIES = [
  { value: 'easy', label: 'Easy — bots misread the power map now and then' },
  { value: 'normal', label: 'Normal' },
  { value: 'hard', label: 'Hard — bots read power and terms sharply' },
] as const;

const NAME_KEY = 'leverage.name';
function storedName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}
function rememberName(name: string): void {
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch {
    /* fine */
  }
}

const params = new URLSearchParams(location.search);
const form = {
  name: storedName(),
  scenario: 'harbour-development',
  /** '' = the scenario's second role (a weaker seat: the lesson is seen best from below). */
  role: '',
  difficulty: 'normal',
  paced: false,
  /** 'standard': the scenario's hidden horizon; 'short': about 4 rounds, still ending at random, for a quick session. */
  length: 'standard',
  joinCode: normaliseCode(params.get('code') ?? ''),
  watchCode: '',
  hostScenario: 'harbour-development',
  hostHumans: 2,
  hostRole: '',
  hostPaced: true,
};

function playerName(): string {
  const name = form.name.trim() || 'Player';
  rememberName(form.name.trim());
  return name.slice(0, 24);
}

function scenarioOf(state: AppState, id: string): ScenarioFacts | undefined {
  return state.scenarios?.find((s) => s.id === id) ?? state.scenarios?.[0];
}

function defaultRole(s: ScenarioFacts): string {
  return s.roles[Math.min(1, s.roles.length - 1)].id;
}

function durations(s: ScenarioFacts, paced: boolean): NonNullable<CreateOptions['durations']> {
  return paced ? { negotiate: s.durations.negotiate, trust: s.durations.trust } : { negotiate: null, trust: null };
}

export function soloOptions(state: AppState): CreateOptions | null {
  const s = scenarioOf(state, form.scenario);
  if (!s) return null;
  const role = form.role && s.roles.some((r) => r.id === form.role) ? form.role : defaultRole(s);
  const name = playerName();
  const difficulty = form.difficulty as 'easy' | 'normal' | 'hard';
  return {
    scenario: s.id,
    solo: true,
    name,
    role,
    difficulty,
    ...shortGame(form.length),
    ...(form.paced ? { durations: durations(s, true) } : {}),
  };
}

function shortGame(length: string): { roundRange?: typeof SHORT_HORIZON } {
  return length === 'short' ? { roundRange: SHORT_HORIZON } : {};
}

const LENGTHS = (standard: string, short: string) => [
  { value: 'standard', label: standard },
  { value: 'short', label: short },
];

function playSolo(state: AppState): void {
  const o = soloOptions(state);
  if (o) void createTable(o, true);
}

function hostTable(state: AppState): void {
  const s = scenarioOf(state, form.hostScenario);
  if (!s) return;
  const role = form.hostRole && s.roles.some((r) => r.id === form.hostRole) ? form.hostRole : s.roles[0].id;
  void createTable(
    hostOptions(s.id, s.roles, role, form.hostHumans, playerName(), durations(s, form.hostPaced)),
    false,
  );
}

/** Public tables, refreshed every few seconds while the lobby is open. */
const openList: { tables: TableListing[]; timer: ReturnType<typeof setInterval> | null } = { tables: [], timer: null };
function watchOpenTables(on: boolean): void {
  if (on && !openList.timer) {
    const load = () =>
      fetchTables()
        .then((t) => {
          if (JSON.stringify(t) !== JSON.stringify(openList.tables)) {
            openList.tables = t;
            touch();
          }
        })
        .catch(() => undefined);
    void load();
    openList.timer = setInterval(() => void load(), 5000);
  } else if (!on && openList.timer) {
    clearInterval(openList.timer);
    openList.timer = null;
  }
}

function openTables(): VNode | null {
  if (openList.tables.length === 0) return null;
  return h(
    'div',
    { style: 'margin-top:10px' },
    h('h3', null, 'Open tables'),
    h(
      'ul',
      { class: 'tables', id: 'open-tables' },
      openList.tables
        .slice(0, 8)
        .map((t) =>
          h(
            'li',
            { key: t.code, class: 'row', style: 'margin:4px 0' },
            h(
              'span',
              { class: 'grow small' },
              h('strong', null, t.code),
              ` · ${t.scenario} · ${t.phase === 'prepare' ? 'not started' : `round ${t.round}`} · ${t.freeSeats} free seat${t.freeSeats === 1 ? '' : 's'}`,
            ),
            t.freeSeats > 0 && t.phase === 'prepare'
              ? h('button', { class: 'ghost', onclick: () => void joinTable(t.code, playerName()) }, 'Join')
              : null,
            h('button', { class: 'ghost', onclick: () => void watchTable(t.code) }, 'Watch'),
          ),
        ),
    ),
  );
}

function scenarioSelect(state: AppState, id: string, value: string, set: (v: string) => void): VNode {
  const list = state.scenarios ?? [];
  return h(
    'select',
    { id, value, onchange: (e: Event) => (set(inputValue(e)), touch()) },
    options(
      list.map((s) => ({ value: s.id, label: `${s.name} (${s.roles.length} seats)` })),
      value,
    ),
  );
}

function roleSelect(
  s: ScenarioFacts | undefined,
  id: string,
  value: string,
  set: (v: string) => void,
  fallback: string,
): VNode {
  const roles = s?.roles ?? [];
  const total = roles.reduce((a, r) => a + r.power, 0) || 1;
  const shares = proportionalSplit(roles.map((r) => r.power));
  return h(
    'select',
    { id, value: value || fallback, onchange: (e: Event) => (set(inputValue(e)), touch()) },
    options(
      roles.map((r, i) => ({
        value: r.id,
        label: `${r.name} — power ${r.power} of ${total} (${shares[i]}%)${r.veto ? ', veto' : ''}`,
      })),
      value || fallback,
    ),
  );
}

export function lobbyView(state: AppState): VNode {
  const page = explorePage() ?? studioPage();
  if (page) {
    watchOpenTables(false);
    return page;
  }
  watchOpenTables(state.screen === 'lobby');
  const busy = state.busy;
  const solo = scenarioOf(state, form.scenario);
  const host = scenarioOf(state, form.hostScenario);
  const last = seats.last();
  const loading = state.scenarios === null;
  return h(
    'div',
    { class: 'lobby' },
    h(
      'div',
      { class: 'lobby-inner' },
      lobbyBackdrop(),
      h(
        'header',
        { class: 'brand' },
        h('img', { src: ART.logo, alt: '' }),
        h(
          'div',
          null,
          h('h1', null, 'LEVERAGE'),
          h(
            'p',
            null,
            'Build coalitions, trade what each side values, escalate in stages — and decide whether to keep your word.',
          ),
        ),
      ),
      state.lobbyError
        ? h('p', { class: 'error card tight', role: 'alert', id: 'lobby-error' }, state.lobbyError)
        : null,
      state.scenariosError ? h('p', { class: 'error card tight', role: 'alert' }, state.scenariosError) : null,
      last && !last.spectate
        ? h(
            'section',
            { class: 'card resume', 'aria-labelledby': 'resume-h' },
            h('h2', { id: 'resume-h' }, 'Your table ', h('span', { class: 'pill' }, last.code)),
            h('p', { class: 'muted' }, 'This browser holds a seat there. Take it back where you left off.'),
            h(
              'div',
              { class: 'row' },
              h(
                'button',
                {
                  id: 'resume',
                  disabled: busy,
                  onclick: () => void resumeTable(last.code).then((ok) => (ok ? undefined : seats.forget(last.code))),
                },
                'Return to table ' + last.code,
              ),
              h('button', { class: 'ghost', onclick: () => (seats.forget(last.code), touch()) }, 'Forget it'),
            ),
          )
        : null,
      h(
        'div',
        { class: 'lobby-grid' },
        h(
          'div',
          null,
          h(
            'section',
            { class: 'card solo', 'aria-labelledby': 'solo-h' },
            h('h2', { id: 'solo-h' }, 'Play solo'),
            h(
              'p',
              null,
              'You take one seat; bots with different negotiating styles take the others. A coach explains each round.',
            ),
            field(
              'Your name',
              h('input', {
                id: 'name',
                type: 'text',
                maxlength: 24,
                autocomplete: 'nickname',
                placeholder: 'Player',
                value: form.name,
                oninput: (e: Event) => (form.name = inputValue(e)),
              }),
              undefined,
              'name',
            ),
            h(
              'button',
              {
                id: 'play-solo',
                class: 'primary big',
                disabled: busy || loading || !solo,
                onclick: () => playSolo(state),
              },
              busy ? 'Setting the table…' : loading ? 'Loading scenarios…' : `Play solo — ${solo?.name ?? ''}`,
            ),
            h(
              'details',
              { id: 'solo-options' },
              h('summary', null, 'Options: scenario, role, bots, pace'),
              field(
                'Scenario',
                scenarioSelect(
                  state,
                  'solo-scenario',
                  solo?.id ?? form.scenario,
                  (v) => ((form.scenario = v), (form.role = '')),
                ),
                undefined,
                'solo-scenario',
              ),
              solo ? h('p', { class: 'scenario-summary' }, solo.summary) : null,
              field(
                'Your role',
                roleSelect(solo, 'solo-role', form.role, (v) => (form.role = v), solo ? defaultRole(solo) : ''),
                'power is your weight in the vote',
                'solo-role',
              ),
              field(
                'Bot difficulty',
                h(
                  'select',
                  {
                    id: 'solo-difficulty',
                    value: form.difficulty,
                    onchange: (e: Event) => ((form.difficulty = inputValue(e)), touch()),
                  },
                  options(DIFFICULTIES, form.difficulty as 'normal'),
                ),
                undefined,
                'solo-difficulty',
              ),
              field(
                'Pace',
                h(
                  'select',
                  {
                    id: 'solo-pace',
                    value: form.paced ? 'paced' : 'untimed',
                    onchange: (e: Event) => ((form.paced = inputValue(e) === 'paced'), touch()),
                  },
                  options(
                    [
                      { value: 'untimed', label: 'Untimed — a phase ends when you say Ready' },
                      {
                        value: 'paced',
                        label: `Paced — ${solo?.durations.negotiate ?? 90} s to negotiate, ${solo?.durations.trust ?? 20} s for trust`,
                      },
                    ],
                    form.paced ? 'paced' : 'untimed',
                  ),
                ),
                undefined,
                'solo-pace',
              ),
              field(
                'Length',
                h(
                  'select',
                  {
                    id: 'solo-length',
                    value: form.length,
                    onchange: (e: Event) => ((form.length = inputValue(e)), touch()),
                  },
                  options(
                    LENGTHS(
                      `Standard — ends at random, about ${solo?.expectedRounds ?? 8} rounds on average`,
                      'Short — ends at random, about 4 rounds, for a quick session',
                    ),
                    form.length,
                  ),
                ),
                undefined,
                'solo-length',
              ),
            ),
          ),
          trustCard(busy, playerName),
        ),
        h(
          'div',
          null,
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'join-h' },
            h('h2', { id: 'join-h' }, 'Join a table'),
            h(
              'p',
              { class: 'muted small' },
              'Type the five-letter code your facilitator or host shows, or open their link.',
            ),
            h(
              'p',
              { class: 'muted small' },
              'Teaching a class? ',
              h('a', { href: '#console/new', id: 'run-class' }, 'Run a class session'),
              ': seat your students, run every table from one console, debrief by comparing tables.',
            ),
            h(
              'form',
              {
                onsubmit: (e: Event) => {
                  e.preventDefault();
                  if (form.joinCode.length >= 4) void joinTable(form.joinCode, playerName());
                },
              },
              h(
                'div',
                { class: 'cols' },
                field(
                  'Table code',
                  h('input', {
                    id: 'join-code',
                    type: 'text',
                    inputmode: 'text',
                    autocapitalize: 'characters',
                    maxlength: 8,
                    placeholder: 'ABCDE',
                    value: form.joinCode,
                    oninput: (e: Event) => ((form.joinCode = normaliseCode(inputValue(e))), touch()),
                  }),
                  undefined,
                  'join-code',
                ),
                field(
                  'Your name',
                  h('input', {
                    id: 'join-name',
                    type: 'text',
                    maxlength: 24,
                    placeholder: 'Player',
                    autofocus: form.joinCode !== '',
                    value: form.name,
                    oninput: (e: Event) => (form.name = inputValue(e)),
                  }),
                  undefined,
                  'join-name',
                ),
              ),
              h(
                'button',
                {
                  id: 'join',
                  class: form.joinCode ? 'primary' : '',
                  type: 'submit',
                  disabled: busy || form.joinCode.length < 4,
                },
                'Join',
              ),
            ),
          ),
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'watch-h' },
            h('h2', { id: 'watch-h' }, 'Watch a table'),
            h(
              'p',
              { class: 'muted small' },
              'See the public side of a game: seats, proposals, deals, escalations. No private facts.',
            ),
            h(
              'form',
              {
                class: 'row',
                onsubmit: (e: Event) => {
                  e.preventDefault();
                  if (form.watchCode.length >= 4) void watchTable(form.watchCode);
                },
              },
              h(
                'div',
                { class: 'grow' },
                h('label', { for: 'watch-code', class: 'sr-only' }, 'Table code to watch'),
                h('input', {
                  id: 'watch-code',
                  type: 'text',
                  maxlength: 8,
                  placeholder: 'Code',
                  value: form.watchCode,
                  oninput: (e: Event) => ((form.watchCode = normaliseCode(inputValue(e))), touch()),
                }),
              ),
              h('button', { id: 'watch', type: 'submit', disabled: busy || form.watchCode.length < 4 }, 'Watch'),
            ),
            openTables(),
          ),
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'host-h' },
            h('h2', { id: 'host-h' }, 'Host a table'),
            h(
              'p',
              { class: 'muted small' },
              'Seat people together; bots fill the other seats. You get a code and a link to share, and you start the game.',
            ),
            field(
              'Scenario',
              scenarioSelect(
                state,
                'host-scenario',
                host?.id ?? form.hostScenario,
                (v) => ((form.hostScenario = v), (form.hostRole = '')),
              ),
              undefined,
              'host-scenario',
            ),
            h(
              'div',
              { class: 'cols' },
              field(
                'People',
                h(
                  'select',
                  {
                    id: 'host-humans',
                    value: String(form.hostHumans),
                    onchange: (e: Event) => ((form.hostHumans = Number(inputValue(e))), touch()),
                  },
                  options(
                    Array.from({ length: host?.roles.length ?? 5 }, (_, i) => ({
                      value: String(i + 1),
                      label: `${i + 1} ${i === 0 ? 'person' : 'people'}`,
                    })),
                    String(form.hostHumans),
                  ),
                ),
                undefined,
                'host-humans',
              ),
              field(
                'Your role',
                roleSelect(host, 'host-role', form.hostRole, (v) => (form.hostRole = v), host?.roles[0].id ?? ''),
                undefined,
                'host-role',
              ),
            ),
            h(
              'label',
              { class: 'check' },
              h('input', {
                type: 'checkbox',
                id: 'host-paced',
                checked: form.hostPaced,
                onchange: (e: Event) => ((form.hostPaced = (e.target as HTMLInputElement).checked), touch()),
              }),
              `Paced (${host?.durations.negotiate ?? 90} s to negotiate)`,
            ),
            h('button', { id: 'host', disabled: busy || loading, onclick: () => hostTable(state) }, 'Host a table'),
          ),
          studioCard(),
        ),
      ),
    ),
  );
}

/** Stops the lobby's polling when another screen opens. */
export function stopLobby(): void {
  watchOpenTables(false);
}
