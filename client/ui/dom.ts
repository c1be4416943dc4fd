// A very small declarative DOM layer: views are functions of the app state that return
// element descriptions; `render` morphs the live DOM to match, reusing elements in place so
// that focus, caret and scroll survive the redraw that every server view triggers (a bot acting
// must never steal the keyboard from a person typing a rationale).

export type Child = VNode | string | number | null | undefined | false | Child[];
type Handler = (event: Event) => void;
export type Props = Record<string, unknown> & { key?: string | number };

export interface VNode {
  tag: string;
  props: Props;
  children: (VNode | string)[];
  key: string | null;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function flatten(children: Child[], out: (VNode | string)[] = []): (VNode | string)[] {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) flatten(c, out);
    else if (typeof c === 'object') out.push(c);
    else out.push(String(c));
  }
  return out;
}

/** An element description: h('button', { onclick, class: 'primary' }, 'Play'). */
export function h(tag: string, props: Props | null = null, ...children: Child[]): VNode {
  const p = props ?? {};
  return { tag, props: p, children: flatten(children), key: p.key === undefined ? null : String(p.key) };
}

interface Live extends Element {
  __handlers?: Record<string, Handler | undefined>;
  __props?: Props;
}

function dispatch(this: Live, event: Event): void {
  this.__handlers?.[event.type]?.(event);
}

const PROPERTY_KEYS = new Set(['value', 'checked', 'selected', 'indeterminate']);

function setProps(el: Live, props: Props, svg: boolean): void {
  const old = el.__props ?? {};
  for (const name of Object.keys(old)) {
    if (name in props || name === 'key') continue;
    if (name.startsWith('on')) {
      if (el.__handlers) el.__handlers[name.slice(2)] = undefined;
    } else if (!PROPERTY_KEYS.has(name)) el.removeAttribute(name === 'className' ? 'class' : name);
  }
  for (const [name, value] of Object.entries(props)) {
    if (name === 'key') continue;
    if (name.startsWith('on')) {
      const type = name.slice(2);
      el.__handlers ??= {};
      if (!(type in el.__handlers) || el.__handlers[type] === undefined) el.addEventListener(type, dispatch);
      el.__handlers[type] = value as Handler | undefined;
      continue;
    }
    if (PROPERTY_KEYS.has(name) && !svg) {
      const target = el as unknown as Record<string, unknown>;
      // A focused field keeps what the person typed; the state follows its input events.
      if (name === 'value' && el === document.activeElement && old.value === value) continue;
      if (target[name] !== value) target[name] = value;
      continue;
    }
    const attr = name === 'className' ? 'class' : name;
    if (value === false || value === null || value === undefined) {
      if (el.hasAttribute(attr)) el.removeAttribute(attr);
    } else {
      const text = value === true ? '' : typeof value === 'string' ? value : JSON.stringify(value);
      if (el.getAttribute(attr) !== text) el.setAttribute(attr, text);
    }
  }
  el.__props = props;
}

function create(v: VNode | string, svg: boolean): Node {
  if (typeof v === 'string') return document.createTextNode(v);
  const isSvg = svg || v.tag === 'svg';
  const el = (isSvg ? document.createElementNS(SVG_NS, v.tag) : document.createElement(v.tag)) as Live;
  for (const c of v.children) el.appendChild(create(c, isSvg && v.tag !== 'foreignObject'));
  // After the children, so a <select> finds the option its value names.
  setProps(el, v.props, isSvg);
  if (v.key !== null) (el as HTMLElement).dataset.vkey = v.key;
  return el;
}

function sameKind(node: Node, v: VNode | string): boolean {
  if (typeof v === 'string') return node.nodeType === Node.TEXT_NODE;
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  const el = node as HTMLElement;
  if (el.localName !== v.tag) return false;
  return (el.dataset?.vkey ?? null) === v.key;
}

function morph(node: Node, v: VNode | string, svg: boolean): void {
  if (typeof v === 'string') {
    if (node.nodeValue !== v) node.nodeValue = v;
    return;
  }
  const isSvg = svg || v.tag === 'svg';
  morphChildren(node as Element, v.children, isSvg && v.tag !== 'foreignObject');
  setProps(node as Live, v.props, isSvg);
}

function morphChildren(parent: Element, children: (VNode | string)[], svg: boolean): void {
  const keyed = new Map<string, Element>();
  for (const c of Array.from(parent.childNodes)) {
    const k = (c as HTMLElement).dataset?.vkey;
    if (k !== undefined) keyed.set(k, c as Element);
  }
  let cursor: ChildNode | null = parent.firstChild;
  for (const v of children) {
    let match: Node | null = null;
    if (typeof v !== 'string' && v.key !== null) {
      const found = keyed.get(v.key);
      if (found && found.localName === v.tag) match = found;
    } else if (cursor && sameKind(cursor, v)) match = cursor;
    if (match) {
      if (match !== cursor) parent.insertBefore(match, cursor);
      else cursor = cursor.nextSibling;
      morph(match, v, svg);
      if (typeof v !== 'string' && v.key !== null) keyed.delete(v.key);
    } else {
      parent.insertBefore(create(v, svg), cursor);
    }
  }
  while (cursor) {
    const next: ChildNode | null = cursor.nextSibling;
    parent.removeChild(cursor);
    cursor = next;
  }
}

/** Makes the children of `container` match `tree`. */
export function render(container: Element, tree: Child): void {
  morphChildren(container, flatten([tree]), container.namespaceURI === SVG_NS);
}
