// The scenario studio (issue 12): a page of its own over the lobby, loaded on demand. A trainer
// starts from blank, a shipped scenario or a saved one, edits it in forms (or in the JSON view
// beside them), sees every problem and the teaching numbers as they type, runs a quick benchmark,
// saves it and plays it. Files can be downloaded and uploaded; an upload with problems lists them
// and changes nothing until the person opens it to fix them.
import './studio.css';
import { store } from '../game/store';
import { h, type VNode } from '../ui/dom';
import { touch } from '../ui/common';
import { fetchSaved, fetchShipped } from './api';
import { basicsForm, issuesForm, rolesForm, valuesForm } from './forms';
import { debriefForm, durationsForm, escalationForm, lengthForm, trustForm, voteForm } from './forms-numbers';
import { blankScenario } from '../../shared/studio/blank';
import { MAX_SCENARIO_CHARS } from '../../shared/studio/checks';
import { editJson, isRecord, keyOf, mySaved, readUpload, rememberSave, restore, startFrom, studio } from './model';
import { benchPanel, focusPath, powerPanel, problemsPanel, teachingPanel } from './panels';
import { save, savePanel } from './play';

let started = false;
const BLANKED_NOTE =
  "Private numbers and briefings of shipped cases are blank here: open the studio on the server's computer to copy them whole.";
const start = { choice: 'blank', previous: null as unknown };

async function startWith(choice: string): Promise<void> {
  studio.loadError = null;
  studio.loading = choice;
  touch();
  try {
    const previous = studio.draft;
    if (choice === 'blank') startFrom(blankScenario(), false);
    else if (choice.startsWith('saved:')) {
      const id = choice.slice(6);
      const saved = await fetchSaved(id, keyOf(id) ?? '');
      startFrom(saved.scenario, false);
      // Still the same saved scenario: the next save is its next version.
      rememberSave(
        { id, version: saved.version, ref: saved.ref, text: JSON.stringify(saved.scenario) },
        null,
        saved.name,
      );
    } else {
      const shipped = await fetchShipped(choice);
      startFrom(shipped.draft, true);
      if (!shipped.whole) studio.loadNote = BLANKED_NOTE;
    }
    start.previous = previous;
  } catch (e) {
    studio.loadError = `It could not be opened: ${(e as Error).message}`;
  } finally {
    studio.loading = null;
    touch();
  }
}

function download(): void {
  const id = isRecord(studio.draft) && typeof studio.draft.id === 'string' ? studio.draft.id : 'scenario';
  const blob = new Blob([`${JSON.stringify(studio.draft, null, 2)}\n`], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${id.replace(/[^a-z0-9_-]/gi, '') || 'scenario'}.json`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function upload(e: Event): void {
  const input = e.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  // A file far past the limit is not even read.
  if (file.size > MAX_SCENARIO_CHARS * 4) {
    studio.upload = {
      name: file.name,
      problems: [{ path: '', message: `is too large: at most ${MAX_SCENARIO_CHARS.toLocaleString('en')} characters` }],
      draft: null,
    };
    touch();
    return;
  }
  void file.text().then((text) => readUpload(file.name, text));
}

function uploadBox(): VNode | null {
  const u = studio.upload;
  if (!u) return null;
  return h(
    'section',
    { class: 'card studio-upload', id: 'studio-upload', role: 'alert', 'aria-labelledby': 'studio-upload-h' },
    h(
      'h2',
      { id: 'studio-upload-h' },
      `${u.name}: ${u.problems.length} problem${u.problems.length === 1 ? '' : 's'}, nothing changed`,
    ),
    h(
      'ul',
      { class: 'studio-problem-list' },
      u.problems.slice(0, 200).map((p) => h('li', null, h('code', null, p.path || '(file)'), ' ', p.message)),
    ),
    u.problems.length > 200 ? h('p', { class: 'muted small' }, `…and ${u.problems.length - 200} more.`) : null,
    h(
      'div',
      { class: 'row' },
      u.draft !== null
        ? h('button', { onclick: () => startFrom(u.draft, false) }, 'Open it anyway to fix the problems')
        : null,
      h('button', { class: 'ghost', onclick: () => ((studio.upload = null), touch()) }, 'Dismiss'),
    ),
  );
}

function startBar(): VNode {
  const shipped = store.state.scenarios ?? [];
  return h(
    'div',
    { class: 'studio-toolbar', role: 'toolbar', 'aria-label': 'Studio file' },
    h('label', { for: 'studio-start', class: 'sr-only' }, 'Start from'),
    h(
      'select',
      {
        id: 'studio-start',
        value: start.choice,
        onchange: (e: Event) => ((start.choice = (e.target as HTMLSelectElement).value), touch()),
      },
      h('option', { value: 'blank', selected: start.choice === 'blank' }, 'Blank scenario'),
      h(
        'optgroup',
        { label: 'Shipped scenarios (a copy)' },
        shipped.map((s) => h('option', { value: s.id, selected: start.choice === s.id }, s.name)),
      ),
      mySaved().length
        ? h(
            'optgroup',
            { label: 'Saved from this browser' },
            mySaved().map((s) =>
              h(
                'option',
                { value: `saved:${s.id}`, selected: start.choice === `saved:${s.id}` },
                `${s.name} (version ${s.version})`,
              ),
            ),
          )
        : null,
    ),
    h(
      'button',
      { id: 'studio-start-button', disabled: studio.loading !== null, onclick: () => void startWith(start.choice) },
      'Start from it',
    ),
    start.previous !== null
      ? h(
          'button',
          { class: 'ghost', onclick: () => (startFrom(start.previous, false), (start.previous = null)) },
          'Undo: back to the previous draft',
        )
      : null,
    h('span', { class: 'grow' }),
    h(
      'label',
      { class: 'button ghost studio-upload-button' },
      'Upload a file',
      h('input', {
        id: 'studio-upload-input',
        class: 'sr-only',
        type: 'file',
        accept: '.json,application/json',
        onchange: upload,
      }),
    ),
    h('button', { class: 'ghost', id: 'studio-download', onclick: download }, 'Download'),
  );
}

function jsonPanel(): VNode {
  return h(
    'section',
    { class: 'card studio-json', 'aria-labelledby': 'studio-json-h' },
    h('h2', { id: 'studio-json-h' }, 'JSON'),
    h(
      'p',
      { class: 'muted small' },
      'The same scenario as a file. Edits here redraw the forms as soon as the text is valid JSON.',
    ),
    h('label', { for: 'studio-json', class: 'sr-only' }, 'The scenario as JSON'),
    h('textarea', {
      id: 'studio-json',
      spellcheck: 'false',
      value: studio.jsonText,
      oninput: (e: Event) => editJson((e.target as HTMLTextAreaElement).value),
    }),
    studio.jsonProblems
      ? h('p', { class: 'error small', role: 'alert' }, studio.jsonProblems.map((p) => p.message).join(' '))
      : null,
  );
}

function tabs(): VNode {
  const n = studio.report?.problems.length ?? 0;
  const tab = (pane: typeof studio.pane, text: string) =>
    h(
      'button',
      {
        role: 'tab',
        class: `studio-tab tab-${pane}`,
        'aria-selected': studio.pane === pane ? 'true' : 'false',
        onclick: () => ((studio.pane = pane), touch()),
      },
      text,
    );
  return h(
    'div',
    { class: 'studio-tabs', role: 'tablist', 'aria-label': 'Studio panes' },
    tab('edit', 'Edit'),
    tab('checks', n ? `Checks (${n})` : 'Checks ✓'),
    tab('json', 'JSON'),
  );
}

export function studioView(close: () => void): VNode {
  if (!started) {
    started = true;
    restore();
  }
  const side =
    studio.pane === 'json'
      ? [jsonPanel()]
      : [problemsPanel(), teachingPanel(), powerPanel(), benchPanel(), savePanel()];
  return h(
    'div',
    {
      class: `studio pane-${studio.pane}`,
      id: 'studio',
      onkeydown: (e: KeyboardEvent) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          void save();
        }
      },
    },
    h(
      'header',
      { class: 'studio-top' },
      h(
        'div',
        { class: 'grow' },
        h('h1', { tabindex: -1 }, 'Scenario studio'),
        h(
          'p',
          { class: 'muted small' },
          'Write your own case, see whether it teaches before anyone plays it, then play it. Ctrl+S saves.',
        ),
      ),
      problemsButton(),
      h('button', { id: 'studio-close', onclick: close }, 'Back to the lobby'),
    ),
    startBar(),
    studio.loadError ? h('p', { class: 'error', role: 'alert' }, studio.loadError) : null,
    studio.loadNote ? h('p', { class: 'studio-note', role: 'status', id: 'studio-load-note' }, studio.loadNote) : null,
    store.state.lobbyError
      ? h('p', { class: 'error', role: 'alert', id: 'studio-play-error' }, store.state.lobbyError)
      : null,
    uploadBox(),
    tabs(),
    h(
      'div',
      { class: 'studio-grid' },
      h(
        'div',
        { class: 'studio-forms' },
        isRecord(studio.draft)
          ? [
              basicsForm(),
              rolesForm(),
              issuesForm(),
              valuesForm(),
              voteForm(),
              lengthForm(),
              trustForm(),
              escalationForm(),
              durationsForm(),
              debriefForm(),
            ]
          : h(
              'section',
              { class: 'card' },
              h(
                'p',
                { class: 'error' },
                'The JSON is not a scenario object, so the forms cannot show it: fix it in the JSON view.',
              ),
              h('button', { onclick: () => focusPath('') }, 'Show the problems'),
            ),
      ),
      h(
        'div',
        { class: 'studio-side' },
        h(
          'div',
          { class: 'segmented side-tabs' },
          sideTab('checks', 'Checks'),
          sideTab('json', 'JSON beside the forms'),
        ),
        side,
      ),
    ),
  );
}

/** From the top of the page, one key press to the first problem (the list sits beside the forms, far in the tab order). */
function problemsButton(): VNode {
  const n = studio.report?.problems.length ?? 0;
  return h(
    'button',
    {
      id: 'studio-goto-problems',
      class: n ? 'warn-button' : 'ghost',
      onclick: () => {
        if (studio.pane === 'json' || document.body.classList.contains('narrow')) studio.pane = 'checks';
        touch();
        requestAnimationFrame(() =>
          (
            document.querySelector<HTMLElement>('#studio-problems button.problem') ??
            document.getElementById('studio-problems')
          )?.focus(),
        );
      },
    },
    n ? `${n} problem${n === 1 ? '' : 's'}` : 'No problems',
  );
}

function sideTab(pane: 'checks' | 'json', text: string): VNode {
  const selected = studio.pane === pane || (pane === 'checks' && studio.pane === 'edit');
  return h(
    'button',
    {
      class: 'ghost',
      'aria-pressed': selected ? 'true' : 'false',
      id: `studio-side-${pane}`,
      onclick: () => ((studio.pane = pane), touch()),
    },
    text,
  );
}
