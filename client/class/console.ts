// The facilitator's console of a class session (issue 10), and the projector: pages of their own
// at #console/<code> (#console/new: the form) and #projector/<code>, loaded with import() so the
// lobby bundle does not carry them. The console is one live page: the session room pushes its
// model after every change of any table; commands go over HTTP with the facilitator key.
import { takeScenarioForClass } from '../ui/class-handoff';
import { Client, type Room } from '@colyseus/sdk';
import {
  CLASS_MESSAGES,
  type ConsoleModel,
  type ConsoleSeat,
  type ConsoleTable,
  type FullTableView,
  type ProjectorModel,
} from '../../shared/class/console';
import type { SessionCommandInput } from '../../shared/class/setup';
import { fetchScenarios } from '../net/api';
import type { ScenarioFacts } from '../game/store';
import { h, render, type Child, type VNode } from '../ui/dom';
import {
  command,
  createSession,
  download,
  endpoint,
  facilitatorKeys,
  forgetsKey,
  fullTable,
  joinLink,
  learnJoinOrigin,
  wakeSession,
} from './api';
import { createView, defaultForm, requestOf, type CreateForm } from './create';
import { fullPanel } from './full-view';
import { projectorView } from './projector-view';
import { phaseText, qr } from './shown';
import './class.css';

interface State {
  code: string | null;
  key: string | null;
  model: ConsoleModel | null;
  error: string | null;
  busy: boolean;
  /** The key, shown once right after creating the session. */
  newKey: string | null;
  /** The new key is blurred (a console may be projected) until the facilitator clicks it. */
  keyShown: boolean;
  /** Student picked to move. */
  moving: string | null;
  message: string;
  scenarios: ScenarioFacts[];
  form: CreateForm | null;
  /** This browser has no key for the session: the facilitator types it (from another computer). */
  askKey: boolean;
  typedKey: string;
  /** The key was just typed in the form (not yet known to open this session). */
  keyTyped: boolean;
  /** A table's full view, open under the controls. */
  full: FullTableView | null;
}

let root: Element;
const state: State = {
  code: null,
  key: null,
  model: null,
  error: null,
  busy: false,
  newKey: null,
  keyShown: false,
  moving: null,
  message: '',
  scenarios: [],
  form: null,
  askKey: false,
  typedKey: '',
  keyTyped: false,
  full: null,
};

function set(patch: Partial<State>): void {
  Object.assign(state, patch);
  paint();
}

export async function openConsole(ui: Element, code: string | null): Promise<void> {
  root = ui;
  document.body.classList.add('cls-page');
  document.title = 'Leverage — class console';
  await learnJoinOrigin();
  if (code === null) {
    paint();
    const scenarios = await fetchScenarios().catch(() => []);
    const form = defaultForm(scenarios);
    const handed = takeScenarioForClass();
    if (handed) {
      const roles = Array.isArray(handed.data.roles) ? handed.data.roles : [];
      form.upload = handed;
      form.seats = roles.map(() => 'human');
    }
    set({ scenarios, form });
    return;
  }
  const key = facilitatorKeys.get(code);
  if (!key) {
    set({ code, askKey: true });
    return;
  }
  set({ code, key });
  await wakeSession(code, key).catch(() => undefined);
  const refusal = await connect(code, { key }, (room) =>
    room.onMessage(CLASS_MESSAGES.console, (m: ConsoleModel) => set({ model: m })),
  );
  // A key this browser held that the session says is wrong, or a key just typed that did not open the console
  // (wrong, or refused while this address is slowed down): forget it and ask again.
  const typed = state.keyTyped;
  state.keyTyped = false;
  if (refusal !== null && (typed || forgetsKey(refusal))) {
    facilitatorKeys.forget(code);
    set({ askKey: true, key: null });
  }
}

export async function openProjector(ui: Element, code: string): Promise<void> {
  root = ui;
  document.body.classList.add('cls-page', 'cls-projector-page');
  document.title = `Leverage — join ${code}`;
  await learnJoinOrigin();
  let model: ProjectorModel | null = null;
  const draw = () => render(root, projectorView(code, model));
  draw();
  await connect(code, { projector: true }, (room) =>
    room.onMessage(CLASS_MESSAGES.projector, (m: ProjectorModel) => {
      model = m;
      draw();
    }),
  );
  setInterval(draw, 1000);
}

/** Joins the session's room; null when in, else the refusal as the server sent it ("bad-token: …"). */
async function connect(
  code: string,
  options: Record<string, unknown>,
  listen: (room: Room) => void,
): Promise<string | null> {
  try {
    const room = await new Client(endpoint()).joinById(code, options);
    listen(room);
    room.onMessage('*', () => undefined);
    room.onLeave(() => {
      // The server restarted, or the network went: open the session again (with backoff).
      set({ error: 'The connection to the session was lost; trying again…' });
      let attempt = 0;
      const again = () =>
        setTimeout(
          () =>
            void (state.key ? wakeSession(code, state.key) : Promise.resolve())
              .catch(() => undefined)
              .then(() => connect(code, options, listen))
              .then((refusal) => {
                if (refusal === null) set({ error: null });
                else if (++attempt < 25) again();
              }),
          Math.min(8000, 1000 * 2 ** Math.min(attempt, 3)),
        );
      again();
    });
    return null;
  } catch (e) {
    const message = (e as Error).message;
    set({ error: message.replace(/^[a-z-]+: /, '') });
    return message;
  }
}

async function act(c: SessionCommandInput): Promise<void> {
  if (!state.code || !state.key) return;
  set({ busy: true, error: null });
  try {
    await command(state.code, state.key, c);
    set({ busy: false });
  } catch (e) {
    set({ busy: false, error: (e as Error).message });
  }
}

async function submitForm(): Promise<void> {
  if (!state.form) return;
  set({ busy: true, error: null });
  try {
    const created = await createSession(requestOf(state.form));
    facilitatorKeys.set(created.code, created.key);
    set({ busy: false, newKey: created.key, form: null });
    history.replaceState(null, '', `/#console/${created.code}`);
    await openConsole(root, created.code);
  } catch (e) {
    set({ busy: false, error: (e as Error).message });
  }
}

async function upload(file: File): Promise<void> {
  try {
    const data = JSON.parse(await file.text()) as Record<string, unknown>;
    const roles = Array.isArray(data.roles) ? data.roles : [];
    set({ form: { ...state.form!, upload: { name: file.name, data }, seats: roles.map(() => 'human') }, error: null });
  } catch {
    set({ error: `${file.name} is not a JSON file.` });
  }
}

setInterval(() => {
  if (state.model) paint();
}, 1000);

function paint(): void {
  render(root, view());
}

function view(): Child {
  if (state.code === null) {
    return h(
      'main',
      { class: 'cls-main' },
      state.form
        ? createView(
            state.form,
            state.scenarios,
            {
              change: (p) => set({ form: { ...state.form!, ...p } }),
              submit: () => void submitForm(),
              upload: (f) => void upload(f),
            },
            state.error,
            state.busy,
          )
        : h('p', null, 'Loading the scenarios…'),
      pastSessions(),
    );
  }
  if (state.askKey) return keyForm(state.code);
  const m = state.model;
  if (!m)
    return h(
      'main',
      { class: 'cls-main' },
      state.error ? h('p', { class: 'cls-error', role: 'alert' }, state.error) : h('p', null, 'Opening the session…'),
      pastSessions(),
    );
  return h(
    'main',
    { class: 'cls-main cls-console' },
    header(m),
    state.error ? h('p', { class: 'cls-error', role: 'alert' }, state.error) : null,
    controls(m),
    // Below the controls, away from the join code and QR a projected console shows, and blurred until asked for.
    state.newKey ? keyNotice(m.code, state.newKey) : null,
    nameClashes(m),
    waiting(m),
    state.full
      ? fullPanel(m.tables.find((t) => t.code === state.full!.code)?.label ?? state.full.code, state.full, {
          refresh: () => void openFull(state.full!.code),
          close: () => set({ full: null }),
        })
      : null,
    h(
      'section',
      { class: 'cls-tables', 'aria-label': 'Tables' },
      m.tables.map((t) => tableCard(m, t)),
    ),
    keyFooter(m.code),
    pastSessions(),
  );
}

/** On a shared or borrowed computer: the key leaves this browser (the console then asks for it again). */
function keyFooter(code: string): VNode {
  return h(
    'p',
    { class: 'cls-muted cls-key-footer' },
    'This browser keeps the facilitator key of this session. ',
    h(
      'button',
      {
        type: 'button',
        id: 'cls-forget-key',
        onclick: () => {
          facilitatorKeys.forget(code);
          location.reload();
        },
      },
      'Forget the key on this computer',
    ),
  );
}

function header(m: ConsoleModel): VNode {
  const link = joinLink(m.code);
  return h(
    'header',
    { class: 'cls-header' },
    h(
      'div',
      null,
      h('h1', null, `Class ${m.code}`),
      h('p', { class: 'cls-muted' }, `${m.scenario.name} · ${statusText(m)} · ${m.students.length} students`),
      h(
        'p',
        null,
        'Join at ',
        h('a', { href: link, target: '_blank' }, link),
        ' or type the code ',
        h('strong', { class: 'cls-code' }, m.code),
        ' in the lobby.',
      ),
      h(
        'p',
        null,
        h('a', { href: `/#projector/${m.code}`, target: '_blank' }, 'Open the projector view'),
        ' · ',
        h('a', { href: `/#class-debrief/${m.code}`, target: '_blank' }, 'Class debrief'),
      ),
    ),
    qr(link, 150),
  );
}

function statusText(m: ConsoleModel): string {
  return m.status === 'waiting' ? 'waiting for students' : m.status === 'running' ? 'running' : 'ended';
}

function keyNotice(code: string, key: string): VNode {
  return h(
    'div',
    { class: 'cls-key', role: 'note' },
    h('strong', null, 'Your facilitator key (shown once; click it to show it): '),
    h(
      'code',
      {
        class: state.keyShown ? '' : 'cls-hidden-key',
        title: 'Click to show the key',
        tabindex: 0,
        onclick: () => set({ keyShown: true }),
      },
      key,
    ),
    h(
      'p',
      { class: 'cls-muted' },
      `This browser keeps it. To run session ${code} from another computer, open /#console/${code} there and enter it. Students never see it.`,
    ),
    h('button', { type: 'button', onclick: () => set({ newKey: null }) }, 'I have noted it'),
  );
}

function controls(m: ConsoleModel): VNode {
  const ended = m.status === 'ended';
  const b = (label: string, c: SessionCommandInput, extra: Record<string, unknown> = {}) =>
    h('button', { type: 'button', disabled: state.busy || ended, onclick: () => void act(c), ...extra }, label);
  return h(
    'section',
    { class: 'cls-controls', 'aria-label': 'Every table' },
    b(
      m.tables.length === 0 ? 'Seat everyone' : 'Seat the latecomers',
      { type: 'seat-all' },
      { class: 'cls-primary', id: 'cls-seat-all' },
    ),
    b('Start all', { type: 'start', table: null }, { id: 'cls-start-all' }),
    b('Pause all', { type: 'pause', table: null }, { id: 'cls-pause-all' }),
    b('Resume all', { type: 'resume', table: null }, { id: 'cls-resume-all' }),
    b('+1 min all', { type: 'extend', table: null, seconds: 60 }),
    h(
      'form',
      {
        class: 'cls-message',
        onsubmit: (e: Event) => {
          e.preventDefault();
          const text = state.message.trim();
          if (text) void act({ type: 'message', text }).then(() => set({ message: '' }));
        },
      },
      h('input', {
        'aria-label': 'Message to every student',
        placeholder: 'Message to every student',
        value: state.message,
        maxlength: 280,
        disabled: ended,
        oninput: (e: Event) => (state.message = (e.target as HTMLInputElement).value),
      }),
      h('button', { type: 'submit', disabled: ended }, 'Send'),
    ),
    h('span', { class: 'cls-spacer' }),
    h(
      'button',
      {
        type: 'button',
        id: 'cls-export-csv',
        onclick: () => void download(m.code, state.key!, 'export.csv').catch((e: Error) => set({ error: e.message })),
      },
      'Export CSV',
    ),
    h(
      'button',
      {
        type: 'button',
        onclick: () => void download(m.code, state.key!, 'export.json').catch((e: Error) => set({ error: e.message })),
      },
      'Export JSON',
    ),
    b(
      'End the session',
      { type: 'end' },
      {
        class: 'cls-danger',
        id: 'cls-end',
        onclick: () => {
          if (confirm('End the session? Every table still playing stops where it stands.')) void act({ type: 'end' });
        },
      },
    ),
  );
}

function waiting(m: ConsoleModel): VNode {
  const list = m.students.filter((s) => s.table === null);
  const moving = state.moving ? m.students.find((s) => s.id === state.moving) : null;
  return h(
    'section',
    { class: 'cls-waiting', 'aria-label': 'Waiting room' },
    h('h2', null, `Waiting room (${list.length})`),
    list.length === 0
      ? h(
          'p',
          { class: 'cls-muted' },
          m.tables.length === 0 ? 'Nobody yet: students join with the code or the link.' : 'Everyone has a seat.',
        )
      : null,
    h(
      'ul',
      { class: 'cls-chips' },
      list.map((s) => studentChip(s.id, s.name, s.connected, m.questions ? s.answered.before : null)),
    ),
    moving
      ? h(
          'p',
          { class: 'cls-moving' },
          `Moving ${moving.name}: pick a free seat below, or `,
          h('button', { type: 'button', onclick: () => set({ moving: null }) }, 'cancel'),
          '.',
        )
      : null,
  );
}

/**
 * Names another device tried to use. A student who really changed device is refused until the facilitator releases
 * the name (the new device then takes the student and the seat); a classmate's attempt is left alone.
 */
function nameClashes(m: ConsoleModel): VNode | null {
  const flagged = m.students.filter((s) => s.nameAttempts > 0);
  if (flagged.length === 0) return null;
  return h(
    'section',
    { class: 'cls-clashes', 'aria-label': 'Names used from another device', role: 'status' },
    h('h2', null, 'Names typed on another device'),
    h(
      'ul',
      null,
      flagged.map((s) =>
        h(
          'li',
          { key: s.id },
          `${s.name}: ${s.nameAttempts} join${s.nameAttempts === 1 ? '' : 's'} from another device refused. `,
          h(
            'button',
            {
              type: 'button',
              disabled: state.busy || m.status === 'ended',
              title: `Only if ${s.name} changed device: the next device to type the name takes their seat.`,
              onclick: () => void act({ type: 'release', student: s.id }),
            },
            `Release the name (${s.name} changed device)`,
          ),
        ),
      ),
    ),
  );
}

function studentChip(id: string, name: string, connected: boolean, answered: number | null): VNode {
  return h(
    'li',
    { key: id },
    h(
      'button',
      {
        type: 'button',
        class: `cls-chip${connected ? '' : ' cls-away'}${state.moving === id ? ' cls-picked' : ''}`,
        title: 'Pick to move',
        onclick: () => set({ moving: state.moving === id ? null : id }),
      },
      h('span', { class: connected ? 'cls-dot cls-on' : 'cls-dot', 'aria-label': connected ? 'connected' : 'away' }),
      name,
      answered !== null && answered > 0 ? h('small', null, ` ✓${answered}`) : null,
    ),
  );
}

function tableCard(m: ConsoleModel, t: ConsoleTable): VNode {
  const ended = m.status === 'ended' || t.status === 'ended';
  const one = (label: string, c: SessionCommandInput) =>
    h('button', { type: 'button', disabled: state.busy || ended, onclick: () => void act(c) }, label);
  return h(
    'article',
    {
      key: t.code,
      'data-code': t.code,
      class: `cls-table${t.stuck ? ' cls-stuck' : ''}${t.status === 'ended' ? ' cls-done' : ''}`,
    },
    h('header', null, h('h3', null, t.label), h('span', { class: 'cls-phase' }, phaseText(t, m.serverTime))),
    t.stuck ? h('p', { class: 'cls-warn' }, `⚠ ${t.stuck}`) : null,
    h(
      'p',
      { class: 'cls-facts' },
      `Deals ${t.deals} · Escalations ${t.escalations} · Efficiency ${t.efficiency === null ? '—' : `${Math.round(t.efficiency * 100)}%`}`,
    ),
    h(
      'ul',
      { class: 'cls-seatlist' },
      t.seats.map((s) => seatRow(m, t, s)),
    ),
    h(
      'div',
      { class: 'cls-actions' },
      t.status === 'prepare' ? one('Start', { type: 'start', table: t.code }) : null,
      t.status === 'playing' && !t.paused ? one('Pause', { type: 'pause', table: t.code }) : null,
      t.status === 'playing' && t.paused ? one('Resume', { type: 'resume', table: t.code }) : null,
      t.status === 'playing' ? one('+1 min', { type: 'extend', table: t.code, seconds: 60 }) : null,
      t.status === 'playing' ? one('Close phase', { type: 'close', table: t.code }) : null,
      t.status !== 'ended' ? h('button', { type: 'button', onclick: () => void openFull(t.code) }, 'Full view') : null,
      h('a', { href: `/?code=${t.code}&watch=1`, target: '_blank' }, 'Watch'),
      t.status === 'ended' ? h('a', { href: `/?code=${t.code}`, target: '_blank' }, 'Debrief') : null,
    ),
  );
}

function seatRow(m: ConsoleModel, t: ConsoleTable, s: ConsoleSeat): VNode {
  const ended = m.status === 'ended' || t.status === 'ended';
  const playing = t.status === 'playing';
  const canMove = state.moving !== null && !s.botSeat && s.name === null && !ended;
  const away = s.playedBy === 'human' && !s.connected && playing;
  // Who plays the seat, in words: a colour alone would not do on a projector or for colour-blind eyes.
  const who = s.botSeat
    ? 'bot seat'
    : s.held
      ? `${s.name ?? ''}: a bot holds it`
      : s.playedBy === 'bot'
        ? s.name
          ? `${s.name}: away, a bot plays`
          : 'nobody: a bot plays'
        : s.name
          ? `${s.name}${away ? ': away' : ''}`
          : 'free seat';
  const badge = s.botSeat || s.playedBy === 'bot' ? 'BOT' : s.playedBy === 'human' ? (s.connected ? 'ON' : 'OFF') : '—';
  const button = (label: string, onclick: () => void) =>
    h('button', { type: 'button', class: 'cls-small', disabled: state.busy, onclick }, label);
  return h(
    'li',
    { key: s.seat, 'data-seat': s.seat, class: away ? 'cls-away-seat' : '' },
    h('span', { class: `cls-badge cls-badge-${badge.toLowerCase().replace('—', 'free')}` }, badge),
    h('span', { class: 'cls-role' }, s.role),
    h('span', { class: 'cls-who' }, who, s.ready && playing && s.playedBy === 'human' ? ' · ready' : ''),
    h(
      'span',
      { class: 'cls-seat-actions' },
      canMove
        ? button(
            'Seat here',
            () =>
              void act({ type: 'assign', student: state.moving!, table: t.code, seat: s.seat }).then(() =>
                set({ moving: null }),
              ),
          )
        : null,
      s.student && t.status === 'prepare' && !ended ? button('Move', () => set({ moving: s.student })) : null,
      s.playedBy === 'human' && playing && !s.held && !ended
        ? button('Hand to bot', () => void act({ type: 'hold', table: t.code, seat: s.seat }))
        : null,
      s.held && !ended ? button('Give back', () => void act({ type: 'give-back', table: t.code, seat: s.seat })) : null,
    ),
  );
}

function pastSessions(): VNode | null {
  const keys = Object.keys(facilitatorKeys.all()).filter((c) => c !== state.code);
  if (keys.length === 0) return null;
  return h(
    'section',
    { class: 'cls-past', 'aria-label': 'Past sessions' },
    h('h2', null, 'Your other sessions'),
    h(
      'ul',
      null,
      keys.map((c) =>
        h(
          'li',
          { key: c },
          h('a', { href: `/#console/${c}`, onclick: () => setTimeout(() => location.reload(), 0) }, `Console ${c}`),
          ' · ',
          h('a', { href: `/#class-debrief/${c}` }, 'class debrief'),
        ),
      ),
    ),
  );
}

/** The key typed on a computer that did not create the session; a wrong one is refused on connecting. */
function keyForm(code: string): VNode {
  return h(
    'main',
    { class: 'cls-main' },
    h('h1', null, `Class ${code}`),
    h(
      'p',
      null,
      'This browser does not hold the facilitator key of this session. Type the key you were shown when you created it.',
    ),
    state.error ? h('p', { class: 'cls-error', role: 'alert' }, state.error) : null,
    h(
      'form',
      {
        class: 'cls-message',
        onsubmit: (e: Event) => {
          e.preventDefault();
          const key = state.typedKey.trim();
          if (!key) return;
          facilitatorKeys.set(code, key);
          set({ askKey: false, error: null, keyTyped: true });
          void openConsole(root, code);
        },
      },
      h('input', {
        id: 'cls-key',
        'aria-label': 'Facilitator key',
        autocomplete: 'off',
        value: state.typedKey,
        oninput: (e: Event) => (state.typedKey = (e.target as HTMLInputElement).value),
      }),
      h('button', { type: 'submit', class: 'cls-primary' }, 'Open the console'),
    ),
  );
}

async function openFull(table: string): Promise<void> {
  if (!state.code || !state.key) return;
  try {
    set({ full: await fullTable(state.code, state.key, table), error: null });
  } catch (e) {
    set({ error: (e as Error).message });
  }
}
