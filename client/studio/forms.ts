// The studio's forms for the scenario's people and stakes: its name and summary, the roles
// (name, power, veto, walk-away, briefing), the issues and their options, and the values matrix
// (what each option is worth to each role per round, with the table's total beside it).
import { SCENARIO_LIMITS as L } from '../../shared/scenarios/schema';
import { h, type VNode } from '../ui/dom';
import { idField, longText, numberField, section, textField, checkField, idFor } from './fields';
import {
  addIssue,
  addOption,
  addRole,
  at,
  isRecord,
  listAt,
  numberFrom,
  pathText,
  problemsAt,
  removeAt,
  removeIssue,
  removeOption,
  renameIssue,
  renameOption,
  setAt,
  studio,
} from './model';

// A blank field (a new role, a shipped case copied without its private numbers) reads as '?'.
const shown = (x: unknown) => (typeof x === 'number' || (typeof x === 'string' && x.trim()) ? String(x) : '?');
const label = (x: unknown, fallback: string) => (typeof x === 'string' && x.trim() ? x : fallback);

/** Which roles' details are open (a new draft opens the first). */
const openRoles = new Set<number>([0]);

export function basicsForm(): VNode {
  return section(
    null,
    'The scenario',
    'What players see in the lobby, and the id the file is saved under.',
    textField(['name'], 'Name', L.nameLength),
    longText(['summary'], 'Summary', L.summaryLength, 3, 'one or two sentences for the lobby'),
    idField(['id']),
  );
}

function roleForm(role: unknown, i: number, count: number): VNode {
  const r = isRecord(role) ? role : {};
  const name = label(r.name, `Role ${i + 1}`);
  const open = openRoles.has(i);
  return h(
    'details',
    {
      key: `role-${i}`,
      class: 'studio-role',
      open,
      ontoggle: (e: Event) => {
        if ((e.target as HTMLDetailsElement).open) openRoles.add(i);
        else openRoles.delete(i);
      },
    },
    h(
      'summary',
      {
        // Before the browser toggles it (its toggle event comes later): a redraw meanwhile keeps the new state.
        onclick: (e: Event) => {
          if (((e.currentTarget as HTMLElement).parentElement as HTMLDetailsElement).open) openRoles.delete(i);
          else openRoles.add(i);
        },
      },
      h('strong', null, name),
      h(
        'span',
        { class: 'muted small' },
        ` — power ${shown(r.power)}, walk-away ${shown(r.walkAway)}${r.veto === true ? ', veto' : ''}`,
      ),
    ),
    h('div', { class: 'cols' }, textField(['roles', i, 'name'], 'Name', L.nameLength), idField(['roles', i, 'id'])),
    h(
      'div',
      { class: 'cols' },
      numberField(['roles', i, 'power'], 'Power', 'its weight in the vote, a whole number'),
      numberField(['roles', i, 'walkAway'], 'Walk-away', 'points a round outside the winning deal (private)'),
    ),
    checkField(['roles', i, 'veto'], 'Veto', 'every winning deal must include this role'),
    longText(['roles', i, 'briefing'], 'Briefing', L.briefingLength, 6, 'private to this role; "You are …"'),
    h(
      'button',
      {
        class: 'ghost danger small-button',
        disabled: count <= L.roles.min,
        title: count <= L.roles.min ? `A scenario needs at least ${L.roles.min} roles` : null,
        onclick: () => {
          openRoles.clear();
          removeAt(['roles', i]);
        },
      },
      `Remove ${name}`,
    ),
  );
}

export function rolesForm(): VNode {
  const roles = listAt(studio.draft, 'roles');
  return section(
    ['roles'],
    `Roles (${roles.length})`,
    `${L.roles.min}–${L.roles.max} parties. Strong seats get high walk-aways, weak seats low ones: the status quo favours whoever can absorb failure.`,
    roles.map((r, i) => roleForm(r, i, roles.length)),
    h(
      'button',
      {
        id: 'studio-add-role',
        disabled: roles.length >= L.roles.max,
        onclick: () => {
          openRoles.add(roles.length);
          addRole();
        },
      },
      'Add a role',
    ),
  );
}

function issueForm(issue: unknown, i: number, count: number): VNode {
  const options = listAt(issue, 'options');
  const name = label(isRecord(issue) ? issue.name : '', `Issue ${i + 1}`);
  return h(
    'fieldset',
    { key: `issue-${i}`, class: 'studio-issue', 'data-path': pathText(['issues', i]), tabindex: -1 },
    h('legend', null, name),
    h(
      'div',
      { class: 'cols' },
      textField(['issues', i, 'name'], 'Issue', L.nameLength),
      idField(['issues', i, 'id'], (v) => renameIssue(i, v)),
    ),
    problemsAt(['issues', i, 'options']).map((p) => h('p', { class: 'error small' }, `Options ${p.message}`)),
    h(
      'ol',
      { class: 'studio-options' },
      options.map((_o, j) =>
        h(
          'li',
          { key: `o-${j}`, class: 'cols option-row' },
          textField(['issues', i, 'options', j, 'name'], `Option ${j + 1}`, L.nameLength),
          idField(['issues', i, 'options', j, 'id'], (v) => renameOption(i, j, v)),
          h(
            'button',
            {
              class: 'ghost small-button',
              'aria-label': `Remove option ${j + 1} of ${name}`,
              disabled: options.length <= L.options.min,
              onclick: () => removeOption(i, j),
            },
            'Remove',
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        { class: 'ghost', disabled: options.length >= L.options.max, onclick: () => addOption(i) },
        `Add an option to ${name}`,
      ),
      h(
        'button',
        { class: 'ghost danger', disabled: count <= L.issues.min, onclick: () => removeIssue(i) },
        `Remove ${name}`,
      ),
    ),
  );
}

export function issuesForm(): VNode {
  const issues = listAt(studio.draft, 'issues');
  return section(
    ['issues'],
    `Issues and options (${issues.length})`,
    `${L.issues.min}–${L.issues.max} issues besides the money, each with ${L.options.min}–${L.options.max} options. A winning deal picks one option of each.`,
    issues.map((issue, i) => issueForm(issue, i, issues.length)),
    h('button', { id: 'studio-add-issue', disabled: issues.length >= L.issues.max, onclick: addIssue }, 'Add an issue'),
  );
}

/** Every role's value of every option, per round; the last column is what it is worth to the table. */
export function valuesForm(): VNode {
  const roles = listAt(studio.draft, 'roles');
  const issues = listAt(studio.draft, 'issues');
  const cell = (ri: number, issueId: string, optionId: string, optionName: string, roleName: string) => {
    const path = ['roles', ri, 'values', issueId, optionId];
    const v = at(path);
    const bad = problemsAt(path).length > 0 || problemsAt(['roles', ri, 'values', issueId]).length > 0;
    return h(
      'td',
      null,
      h('input', {
        type: 'text',
        inputmode: 'decimal',
        class: 'num value-input',
        id: idFor(path),
        'data-path': pathText(path),
        'aria-invalid': bad ? 'true' : null,
        'aria-label': `${optionName}: value to ${roleName}`,
        maxlength: 12,
        value: typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '',
        oninput: (e: Event) => setAt(path, numberFrom((e.target as HTMLInputElement).value)),
      }),
    );
  };
  const roleNames = roles.map((r, i) => label(isRecord(r) ? r.name : '', `Role ${i + 1}`));
  return section(
    null,
    'Values',
    'Points a round each role gets from each option while it is in force (private to the role). Roles should care most about different issues, so that a package creates value; a negative value is a cost.',
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'studio-values' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, 'Option'),
            roleNames.map((n) => h('th', { scope: 'col' }, n)),
            h('th', { scope: 'col' }, 'Table'),
          ),
        ),
        issues.map((issue, ii) => {
          const issueId = isRecord(issue) ? String(issue.id) : '';
          const issueName = label(isRecord(issue) ? issue.name : '', `Issue ${ii + 1}`);
          return h(
            'tbody',
            { key: `v-${ii}` },
            h('tr', { class: 'issue-row' }, h('th', { colspan: roles.length + 2, scope: 'rowgroup' }, issueName)),
            listAt(issue, 'options').map((o, oi) => {
              const optionId = isRecord(o) ? String(o.id) : '';
              const optionName = label(isRecord(o) ? o.name : '', `Option ${oi + 1}`);
              const total = roles.reduce<number>((a, _r, ri) => {
                const v = at(['roles', ri, 'values', issueId, optionId]);
                return a + (typeof v === 'number' ? v : 0);
              }, 0);
              return h(
                'tr',
                null,
                h('th', { scope: 'row' }, optionName),
                roles.map((_r, ri) => cell(ri, issueId, optionId, `${issueName}, ${optionName}`, roleNames[ri])),
                h('td', { class: 'num muted' }, String(Math.round(total * 10) / 10)),
              );
            }),
          );
        }),
      ),
    ),
    (studio.report?.problems ?? [])
      .filter((p) => /^roles\[\d+\]\.values/.test(p.path))
      .slice(0, 8)
      .map((p) => h('p', { class: 'error small' }, `${p.path}: ${p.message}`)),
  );
}
