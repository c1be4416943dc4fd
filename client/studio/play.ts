// Saving a draft to the server (validated again there) and playing it: solo against bots, a
// hosted table, or a class session that names it by its reference. Every table copies the saved
// version into its own record, so a later save never changes a game already played.
import { handScenarioToClass } from '../ui/class-handoff';
import { createTable } from '../app';
import { h, type VNode } from '../ui/dom';
import { touch } from '../ui/common';
import { hostOptions } from '../ui/seating';
import { saveScenario } from './api';
import { draftText, isRecord, keyOf, listAt, rememberSave, setAuthor, studio } from './model';
import { focusPath } from './panels';

const play = { role: '', humans: 2, paced: false };

export async function save(asNew = false): Promise<void> {
  if (studio.saving) return;
  const author = studio.author.trim();
  studio.saveMessage = null;
  if (!author) {
    studio.saveProblems = [{ path: 'author', message: 'must not be empty: who wrote this scenario?' }];
    studio.saveMessage = 'Give an author name to save: who wrote this scenario?';
    touch();
    requestAnimationFrame(() => document.getElementById('studio-author')?.focus());
    return;
  }
  const previous = asNew ? null : studio.saved;
  const key = previous ? keyOf(previous.id) : null;
  studio.saving = true;
  studio.saveProblems = [];
  touch();
  try {
    const text = draftText();
    const answer = await saveScenario({
      author,
      scenario: studio.draft,
      ...(previous && key ? { id: previous.id, key } : {}),
    });
    if (answer.ok) {
      const name = isRecord(studio.draft) && typeof studio.draft.name === 'string' ? studio.draft.name : answer.id;
      rememberSave({ id: answer.id, version: answer.version, ref: answer.ref, text }, answer.key ?? null, name);
      studio.saveMessage = `Saved as version ${answer.version}.`;
    } else {
      studio.saveProblems = answer.problems;
      studio.saveMessage = answer.message;
    }
  } catch (e) {
    studio.saveMessage = `The scenario could not be saved: ${(e as Error).message}`;
  } finally {
    studio.saving = false;
    touch();
  }
}

function playerName(): string {
  return studio.author.trim().slice(0, 24) || 'Player';
}

function roles(): { id: string; name: string }[] {
  return listAt(studio.report?.scenario ?? null, 'roles').map((r) =>
    isRecord(r) ? { id: String(r.id), name: String(r.name) } : { id: '', name: '' },
  );
}

function playSolo(ref: string): void {
  const list = roles();
  const role = list.some((r) => r.id === play.role) ? play.role : list[Math.min(1, list.length - 1)].id;
  void createTable({ scenario: ref, solo: true, name: playerName(), role, difficulty: 'normal' }, true);
}

function startClass(): void {
  const data = studio.draft;
  if (!isRecord(data)) return;
  const name = typeof data.name === 'string' && data.name !== '' ? data.name : 'the studio’s scenario';
  handScenarioToClass({ name, data });
  location.hash = '#console/new';
}

function hostTable(ref: string): void {
  const list = roles();
  const role = list.some((r) => r.id === play.role) ? play.role : list[0].id;
  const s = studio.report?.scenario;
  const durations =
    play.paced && s ? { negotiate: s.durations.negotiate, trust: s.durations.trust } : { negotiate: null, trust: null };
  void createTable(hostOptions(ref, list, role, play.humans, playerName(), durations), false);
}

function copy(text: string): void {
  void navigator.clipboard?.writeText(text).then(
    () => {
      studio.saveMessage = `Copied ${text}.`;
      touch();
    },
    () => undefined,
  );
}

export function savePanel(): VNode {
  const saved = studio.saved;
  const current = saved !== null && saved.text === draftText();
  const valid = studio.report?.scenario != null;
  const list = roles();
  return h(
    'section',
    { class: 'card', id: 'studio-save', 'aria-labelledby': 'studio-save-h' },
    h('h2', { id: 'studio-save-h' }, 'Save and play'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'studio-author' }, 'Author', h('span', { class: 'hint' }, ' — saved with the scenario')),
      h('input', {
        id: 'studio-author',
        type: 'text',
        maxlength: 60,
        autocomplete: 'name',
        value: studio.author,
        oninput: (e: Event) => setAuthor((e.target as HTMLInputElement).value),
      }),
    ),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        { id: 'studio-save-button', class: 'primary', disabled: studio.saving || current, onclick: () => void save() },
        studio.saving
          ? 'Saving…'
          : current
            ? `Saved (version ${saved.version})`
            : saved
              ? 'Save a new version'
              : 'Save',
      ),
      saved && !current
        ? h(
            'button',
            { class: 'ghost', disabled: studio.saving, onclick: () => void save(true) },
            'Save as a new scenario',
          )
        : null,
    ),
    !valid
      ? h(
          'p',
          { class: 'muted small' },
          'The server checks the scenario again and saves it only when it has no problems.',
        )
      : null,
    studio.saveMessage
      ? h('p', { id: 'studio-save-message', role: 'status', class: 'small' }, studio.saveMessage)
      : null,
    studio.saveProblems.length
      ? h(
          'ul',
          { class: 'studio-problem-list' },
          studio.saveProblems.map((p) =>
            h(
              'li',
              null,
              h(
                'button',
                { class: 'link problem', onclick: () => focusPath(p.path) },
                h('code', null, p.path || '(scenario)'),
                ' ',
                p.message,
              ),
            ),
          ),
        )
      : null,
    current && valid
      ? h(
          'div',
          { class: 'studio-play' },
          h(
            'p',
            { class: 'small' },
            'Reference ',
            h('code', { id: 'studio-ref' }, saved.ref),
            ' ',
            h('button', { class: 'ghost small-button', onclick: () => copy(saved.ref) }, 'Copy'),
          ),
          h(
            'p',
            { class: 'muted small', id: 'studio-ref-note' },
            'Anyone with the reference can play it. Its walk-aways, values and briefings open here only with ' +
              'this browser’s edit key — and, like every game’s, in the record of each game played on it once ' +
              'that game ends (its replay and log).',
          ),
          h(
            'div',
            { class: 'cols' },
            h(
              'div',
              { class: 'field' },
              h('label', { for: 'studio-play-role' }, 'Your role'),
              h(
                'select',
                {
                  id: 'studio-play-role',
                  value: play.role,
                  onchange: (e: Event) => ((play.role = (e.target as HTMLSelectElement).value), touch()),
                },
                h('option', { value: '' }, 'A weaker seat (the second role)'),
                list.map((r) => h('option', { value: r.id, selected: r.id === play.role }, r.name)),
              ),
            ),
            h(
              'div',
              { class: 'field' },
              h('label', { for: 'studio-play-humans' }, 'People at a hosted table'),
              h(
                'select',
                {
                  id: 'studio-play-humans',
                  value: String(play.humans),
                  onchange: (e: Event) => ((play.humans = Number((e.target as HTMLSelectElement).value)), touch()),
                },
                list.map((_r, i) => h('option', { value: String(i + 1), selected: i + 1 === play.humans }, `${i + 1}`)),
              ),
            ),
          ),
          h(
            'label',
            { class: 'check' },
            h('input', {
              type: 'checkbox',
              id: 'studio-play-paced',
              checked: play.paced,
              onchange: (e: Event) => ((play.paced = (e.target as HTMLInputElement).checked), touch()),
            }),
            'Paced hosted table (the scenario’s phase durations)',
          ),
          h(
            'div',
            { class: 'row' },
            h('button', { id: 'studio-play-solo', class: 'primary', onclick: () => playSolo(saved.ref) }, 'Play solo'),
            h('button', { id: 'studio-host', onclick: () => hostTable(saved.ref) }, 'Host a table'),
            h('button', { id: 'studio-class', onclick: () => startClass() }, 'Start a class session'),
          ),
          h(
            'p',
            { class: 'muted small' },
            'A class session opens the console’s form with this scenario; each of its tables keeps its own copy.',
          ),
        )
      : saved && !current
        ? h(
            'p',
            { class: 'muted small' },
            `Version ${saved.version} is saved; the draft has changed since. Save again to play the changes.`,
          )
        : null,
  );
}
