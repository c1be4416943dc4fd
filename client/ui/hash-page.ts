// A page of its own over the lobby at an address hash (#explore, #studio): loaded with import()
// the first time it opens, so the lobby never downloads it; the browser's Back closes it, and the
// keyboard returns to the button that opened it.
import { touch } from './common';
import { h, type VNode } from './dom';

export type PageView = (close: () => void) => VNode;

export interface HashPage {
  open(push?: boolean): void;
  /** The page while it is open (or its loading line), else null: the lobby shows itself. */
  view(): VNode | null;
}

export function hashPage(options: {
  /** Without '#': the hash, and the id of the page's root element. */
  name: string;
  /** What it is called in the sentence shown if it cannot load ("The studio"). */
  title: string;
  /** Its class while it loads (its own stylesheet may not be there yet). */
  loadingClass: string;
  /** The control that opens it, which gets the keyboard back when it closes. */
  opener: string;
  load: () => Promise<PageView>;
}): HashPage {
  const { name } = options;
  const state: { open: boolean; view: PageView | null; error: string | null } = {
    open: false,
    view: null,
    error: null,
  };
  const marker = { [name]: true };

  function open(push = true): void {
    state.open = true;
    if (push && location.hash !== `#${name}`) history.pushState(marker, '', `#${name}`);
    if (!state.view)
      void options
        .load()
        .then((view) => {
          state.view = view;
          touch();
          requestAnimationFrame(() => document.querySelector<HTMLElement>(`#${name} h1`)?.focus());
        })
        .catch((e: Error) => {
          state.error = `${options.title} could not be loaded: ${e.message}`;
          touch();
        });
    touch();
  }

  function close(): void {
    // Back through the history entry the page pushed, so the browser's Back works the same.
    if ((history.state as Record<string, unknown> | null)?.[name]) history.back();
    else {
      history.replaceState(null, '', location.pathname + location.search);
      closed();
    }
  }

  function closed(): void {
    state.open = false;
    touch();
    requestAnimationFrame(() => document.getElementById(options.opener)?.focus());
  }

  window.addEventListener('popstate', () => {
    const wanted = location.hash === `#${name}`;
    if (wanted === state.open) return;
    if (wanted) open(false);
    else closed();
  });
  if (location.hash === `#${name}`) open(false);

  return {
    open,
    view() {
      if (!state.open) return null;
      if (state.view) return state.view(close);
      return h(
        'div',
        { class: options.loadingClass, id: name },
        h('p', { class: state.error ? 'error' : 'muted' }, state.error ?? `Loading ${options.title.toLowerCase()}…`),
        h('button', { onclick: close }, 'Back to the lobby'),
      );
    },
  };
}
