// The studio's form controls: each edits one place of the draft, names that place (data-path,
// the same path the checks report), and shows the problems of exactly that place beneath it.
// Every text is set as a property or a text node by the DOM layer, never parsed as HTML.
import { SCENARIO_LIMITS } from '../../shared/scenarios/schema';
import { h, type Child, type VNode } from '../ui/dom';
import { at, numberFrom, pathText, problemsAt, setAt, type Path } from './model';

export function idFor(path: Path): string {
  return `st-${pathText(path).replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

function problemsBelow(path: Path): { id: string; node: VNode } | null {
  const list = problemsAt(path);
  if (list.length === 0) return null;
  const id = `${idFor(path)}-problem`;
  return {
    id,
    node: h(
      'p',
      { class: 'error small field-problem', id },
      list.map((p) => p.message),
    ),
  };
}

export function field(
  path: Path,
  label: string,
  control: (extra: Record<string, unknown>) => VNode,
  hint?: string,
): VNode {
  const below = problemsBelow(path);
  const extra: Record<string, unknown> = {
    id: idFor(path),
    'data-path': pathText(path),
    'aria-invalid': below ? 'true' : null,
    'aria-describedby': below?.id ?? null,
  };
  return h(
    'div',
    { class: `field${below ? ' has-problem' : ''}` },
    h('label', { for: idFor(path) }, label, hint ? h('span', { class: 'hint' }, ` — ${hint}`) : null),
    control(extra),
    below?.node,
  );
}

const asText = (x: unknown): string =>
  typeof x === 'string' ? x : x === undefined || x === null ? '' : JSON.stringify(x);
const asNumberText = (x: unknown): string => (typeof x === 'number' ? String(x) : asText(x));

/** A one-line text; `max` is enforced while typing (the checks still report a longer pasted file). */
export function textField(path: Path, label: string, max: number, hint?: string, onText?: (v: string) => void): VNode {
  const value = asText(at(path));
  return field(
    path,
    label,
    (extra) =>
      h('input', {
        ...extra,
        type: 'text',
        maxlength: max,
        value,
        spellcheck: 'true',
        oninput: (e: Event) => {
          const v = (e.target as HTMLInputElement).value;
          if (onText) onText(v);
          else setAt(path, v);
        },
      }),
    hint,
  );
}

export function longText(path: Path, label: string, max: number, rows: number, hint?: string): VNode {
  const value = asText(at(path));
  return field(
    path,
    label,
    (extra) =>
      h(
        'div',
        { class: 'counted' },
        h('textarea', {
          ...extra,
          rows,
          maxlength: max,
          value,
          oninput: (e: Event) => setAt(path, (e.target as HTMLTextAreaElement).value),
        }),
        h('span', { class: 'counter muted small', 'aria-hidden': 'true' }, `${value.length} / ${max}`),
      ),
    hint,
  );
}

export function numberField(path: Path, label: string, hint?: string): VNode {
  return field(
    path,
    label,
    (extra) =>
      h('input', {
        ...extra,
        type: 'text',
        inputmode: 'decimal',
        class: 'num',
        maxlength: 16,
        value: asNumberText(at(path)),
        oninput: (e: Event) => setAt(path, numberFrom((e.target as HTMLInputElement).value)),
      }),
    hint,
  );
}

export function checkField(path: Path, label: string, hint?: string): VNode {
  const below = problemsBelow(path);
  return h(
    'div',
    { class: 'field' },
    h(
      'label',
      { class: 'check' },
      h('input', {
        type: 'checkbox',
        id: idFor(path),
        'data-path': pathText(path),
        checked: at(path) === true,
        onchange: (e: Event) => setAt(path, (e.target as HTMLInputElement).checked),
      }),
      label,
      hint ? h('span', { class: 'hint muted small' }, ` — ${hint}`) : null,
    ),
    below?.node,
  );
}

/** An id field, for those who edit files too; the forms fill ids in themselves. */
export function idField(path: Path, onText?: (v: string) => void): VNode {
  return textField(path, 'Id', SCENARIO_LIMITS.idLength, 'in the file: lowercase letters, digits, hyphens', onText);
}

/** A titled part of the form; its path lets a problem about the whole part focus it. */
export function section(path: Path | null, title: string, intro: Child, ...body: Child[]): VNode {
  const below = path ? problemsBelow(path) : null;
  return h(
    'section',
    {
      class: 'card studio-section',
      tabindex: path ? -1 : null,
      'data-path': path ? pathText(path) : null,
      'aria-label': title,
    },
    h('h2', null, title),
    intro ? h('p', { class: 'muted small' }, intro) : null,
    below?.node,
    ...body,
  );
}
