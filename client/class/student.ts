// A student's side of a class session (issue 10), at #class/<code>: a name (or one picked from
// the class list), a waiting room the facilitator sees live, the before questions, then the
// table itself (the ordinary table client, with the seat token the session hands out), with the
// facilitator's messages and, once the table's game is over, the after questions on top of it.
// Reloading gets the same seat back: this browser keeps the name's private claim. The same name typed on another
// device is refused while the first device is here or was within the hold (nameHoldSeconds), unless the facilitator
// releases the name; then that device gets the student and the seat.
import { Client, type Room } from '@colyseus/sdk';
import { CLASS_MESSAGES, NAME_RELEASED, type ClassAnswerMessage, type StudentModel } from '../../shared/class/console';
import type { ClassQuestion } from '../../shared/class/input';
import type { SessionInfo } from '../../shared/class/setup';
import { leaveTable, resumeTable } from '../app';
import { seats } from '../net/connection';
import { h, render, type Child, type VNode } from '../ui/dom';
import { endpoint, sessionInfo } from './api';
import './class.css';

interface State {
  code: string;
  info: SessionInfo | null;
  name: string;
  model: StudentModel | null;
  error: string | null;
  joining: boolean;
  /** The token this page last sat down with. */
  seatedWith: string | null;
  /** The questions card is open (seated students open it from the bar). */
  asking: boolean;
  draft: Record<string, string>;
  hiddenNotice: number;
}

let box: HTMLElement;
let room: Room | null = null;
const state: State = {
  code: '',
  info: null,
  name: '',
  model: null,
  error: null,
  joining: false,
  seatedWith: null,
  asking: false,
  draft: {},
  hiddenNotice: 0,
};

const nameKey = (code: string) => `leverage.class.${code}.name`;
/** The private claim on this student's name the session handed this browser (the same name elsewhere is refused). */
const claimKey = (code: string) => `leverage.class.${code}.claim`;

/** The claim as this page last had it: what a rejoin sends when the browser keeps no storage. */
let claimHeld: string | null = null;

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function set(patch: Partial<State>): void {
  Object.assign(state, patch);
  paint();
}

export async function openStudent(code: string): Promise<void> {
  box = document.createElement('div');
  box.id = 'class-room';
  document.body.appendChild(box);
  document.body.classList.add('cls-student-page');
  let saved = '';
  try {
    saved = localStorage.getItem(nameKey(code)) ?? '';
  } catch {
    /* no storage */
  }
  set({ code, name: saved });
  try {
    set({ info: await sessionInfo(code) });
  } catch (e) {
    set({ error: (e as Error).message });
    return;
  }
  if (saved) await join();
}

async function join(): Promise<boolean> {
  const name = state.name.trim();
  if (!name) return false;
  set({ joining: true, error: null });
  try {
    const claim = stored(claimKey(state.code)) ?? claimHeld;
    const joined = await new Client(endpoint()).joinById(state.code, claim === null ? { name } : { name, claim });
    room = joined;
    try {
      localStorage.setItem(nameKey(state.code), name);
    } catch {
      /* no storage */
    }
    joined.onMessage(CLASS_MESSAGES.student, (m: StudentModel) => onModel(m));
    joined.onMessage('*', () => undefined);
    joined.onLeave((code) => {
      if (room !== joined) return;
      room = null;
      if (code === NAME_RELEASED) {
        // The facilitator gave this name to the student's new device: this one leaves its table and stops, and
        // forgets its claim and name (a reload must not join again and take the name back).
        claimHeld = null;
        state.seatedWith = null;
        try {
          localStorage.removeItem(claimKey(state.code));
          localStorage.removeItem(nameKey(state.code));
        } catch {
          /* no storage */
        }
        void leaveTable(true);
        set({ model: null, error: 'Your facilitator gave your name to another device: continue there.' });
        return;
      }
      // The server restarted, or the network went: join again by name (the same seat comes back).
      set({ error: 'The connection to the class was lost; trying again…' });
      rejoin(0);
    });
    set({ joining: false });
    return true;
  } catch (e) {
    set({ joining: false, error: (e as Error).message.replace(/^[a-z-]+: /, '') });
    return false;
  }
}

/** Joins again after a lost connection, backing off to every 8 s for about three minutes. */
function rejoin(attempt: number): void {
  setTimeout(
    () =>
      void join().then((ok) => {
        if (ok) return;
        if (attempt < 25) rejoin(attempt + 1);
        else set({ error: 'The class cannot be reached. Reload the page to try again.' });
      }),
    Math.min(8000, 1000 * 2 ** Math.min(attempt, 3)),
  );
}

function onModel(m: StudentModel): void {
  claimHeld = m.claim;
  if (m.claim !== stored(claimKey(state.code)))
    try {
      localStorage.setItem(claimKey(state.code), m.claim);
    } catch {
      /* no storage: this page keeps the name while it stays open */
    }
  set({ model: m });
  if (m.seat && !m.held && m.seat.token !== state.seatedWith) {
    const seat = m.seat;
    state.seatedWith = seat.token;
    seats.save({
      code: seat.table,
      token: seat.token,
      hostToken: null,
      seat: seat.seat,
      name: m.name,
      spectate: false,
      saved: Date.now(),
    });
    void resumeTable(seat.table);
  }
  if (m.held) state.seatedWith = null;
}

function answer(q: ClassQuestion, value: string): void {
  const m = state.model;
  if (!room || !m?.questions) return;
  const message: ClassAnswerMessage = { question: q.id, phase: m.questions.phase, answer: value };
  room.send(CLASS_MESSAGES.answer, message);
}

function paint(): void {
  const m = state.model;
  const seated = m?.seat != null && !m.held;
  box.className = seated ? 'cls-bar' : 'cls-cover';
  render(box, seated ? bar(m) : cover());
}

function cover(): Child {
  const m = state.model;
  const info = state.info;
  return h(
    'main',
    { class: 'cls-wait' },
    h('h1', null, info ? `Class ${state.code}` : 'Class session'),
    info ? h('p', { class: 'cls-muted' }, info.scenario.name) : null,
    state.error ? h('p', { class: 'cls-error', role: 'alert' }, state.error) : null,
    !m && info && info.status !== 'ended' ? nameForm(info) : null,
    m
      ? h(
          'section',
          null,
          h(
            'p',
            { class: 'cls-big' },
            m.held ? 'Your facilitator handed your seat to a bot for now.' : `Welcome, ${m.name}.`,
          ),
          h(
            'p',
            null,
            m.held
              ? 'You will be back at your table when it is given back.'
              : 'Wait here: your facilitator will seat you at a table.',
          ),
          latestNotice(m),
          m.questions ? questions(m) : null,
        )
      : null,
  );
}

function nameForm(info: SessionInfo): VNode {
  return h(
    'form',
    {
      class: 'cls-name',
      onsubmit: (e: Event) => {
        e.preventDefault();
        void join();
      },
    },
    info.roster.length > 0
      ? h(
          'label',
          null,
          'Pick your name ',
          h(
            'select',
            {
              id: 'class-name',
              value: state.name,
              onchange: (e: Event) => (state.name = (e.target as HTMLSelectElement).value),
            },
            h('option', { value: '' }, '—'),
            info.roster.map((n) => h('option', { value: n, selected: n === state.name }, n)),
          ),
        )
      : h(
          'label',
          null,
          'Your name ',
          h('input', {
            id: 'class-name',
            type: 'text',
            maxlength: 24,
            value: state.name,
            autofocus: true,
            oninput: (e: Event) => (state.name = (e.target as HTMLInputElement).value),
          }),
        ),
    h(
      'button',
      { type: 'submit', class: 'cls-primary', disabled: state.joining },
      state.joining ? 'Joining…' : 'Join the class',
    ),
    h('p', { class: 'cls-muted' }, 'Use the same name if you reload or change device: you get your seat back.'),
  );
}

function latestNotice(m: StudentModel): VNode | null {
  const last = m.messages[m.messages.length - 1];
  if (!last || last.time <= state.hiddenNotice) return null;
  return h(
    'p',
    { class: 'cls-notice', role: 'status' },
    h('strong', null, 'Facilitator: '),
    last.text,
    ' ',
    h('button', { type: 'button', class: 'cls-small', onclick: () => set({ hiddenNotice: last.time }) }, 'OK'),
  );
}

function questions(m: StudentModel): VNode {
  const q = m.questions!;
  const done = q.list.filter((x) => q.answered[x.id] !== undefined).length;
  return h(
    'section',
    { class: 'cls-questions', 'aria-label': q.phase === 'before' ? 'Before the game' : 'After the game' },
    h('h2', null, q.phase === 'before' ? 'Before the first round' : 'Now that the game is over'),
    h(
      'p',
      { class: 'cls-muted' },
      `Three short questions, optional (${done} of ${q.list.length} answered). Your class sees only the totals.`,
    ),
    q.list.map((x) => questionView(x, q.answered[x.id])),
  );
}

function questionView(q: ClassQuestion, given: string | undefined): VNode {
  if (q.choices)
    return h(
      'fieldset',
      { key: q.id, class: 'cls-q' },
      h('legend', null, q.text),
      q.choices.map((c) =>
        h(
          'button',
          {
            type: 'button',
            class: given === c.value ? 'cls-choice cls-picked' : 'cls-choice',
            'aria-pressed': given === c.value ? 'true' : 'false',
            onclick: () => answer(q, c.value),
          },
          c.label,
        ),
      ),
    );
  const draft = state.draft[q.id] ?? given ?? '';
  return h(
    'fieldset',
    { key: q.id, class: 'cls-q' },
    h('legend', null, q.text),
    h(
      'form',
      {
        onsubmit: (e: Event) => {
          e.preventDefault();
          const v = String(Math.round(Number(state.draft[q.id] ?? '')));
          if (v !== 'NaN') answer(q, v);
        },
      },
      h('input', {
        type: 'number',
        min: q.range?.min ?? 0,
        max: q.range?.max ?? 100,
        value: draft,
        'aria-label': q.text,
        oninput: (e: Event) => (state.draft[q.id] = (e.target as HTMLInputElement).value),
      }),
      h('span', null, ` ${q.range?.unit ?? ''} `),
      h(
        'button',
        { type: 'submit', class: given !== undefined ? 'cls-picked' : '' },
        given !== undefined ? `Saved: ${given}` : 'Save',
      ),
    ),
  );
}

function bar(m: StudentModel): Child {
  const q = m.questions;
  const open = q && q.list.some((x) => q.answered[x.id] === undefined);
  return [
    latestNotice(m),
    q && (state.asking || (q.phase === 'after' && open))
      ? h(
          'div',
          { class: 'cls-sheet' },
          questions(m),
          h('button', { type: 'button', onclick: () => set({ asking: false }) }, 'Close'),
        )
      : q && open
        ? h(
            'button',
            { type: 'button', class: 'cls-ask', onclick: () => set({ asking: true }) },
            q.phase === 'before' ? 'Three questions before the game' : 'Three questions after the game',
          )
        : null,
  ];
}
