// The lobby's door to the scenario studio: a card, and the studio itself as a page of its own at
// #studio, loaded with import() only when opened so the lobby never downloads it.
import { touch } from './common';
import { h, type VNode } from './dom';

const page: { open: boolean; view: ((close: () => void) => VNode) | null; error: string | null } = {
  open: false,
  view: null,
  error: null,
};

function openStudio(push = true): void {
  page.open = true;
  if (push && location.hash !== '#studio') history.pushState({ studio: true }, '', '#studio');
  if (!page.view)
    void import('../studio/studio')
      .then((m) => {
        page.view = m.studioView;
        touch();
        requestAnimationFrame(() => document.querySelector<HTMLElement>('#studio h1')?.focus());
      })
      .catch((e: Error) => {
        page.error = `The studio could not be loaded: ${e.message}`;
        touch();
      });
  touch();
}

function closeStudio(): void {
  if ((history.state as { studio?: boolean } | null)?.studio) history.back();
  else {
    history.replaceState(null, '', location.pathname + location.search);
    closed();
  }
}

function closed(): void {
  page.open = false;
  touch();
  requestAnimationFrame(() => document.getElementById('open-studio')?.focus());
}

window.addEventListener('popstate', () => {
  const open = location.hash === '#studio';
  if (open === page.open) return;
  if (open) openStudio(false);
  else closed();
});
if (location.hash === '#studio') openStudio(false);

/** The studio's page while it is open, else null (the lobby shows itself). */
export function studioPage(): VNode | null {
  if (!page.open) return null;
  if (page.view) return page.view(closeStudio);
  return h(
    'div',
    { class: 'explore', id: 'studio' },
    h('p', { class: page.error ? 'error' : 'muted' }, page.error ?? 'Loading the studio…'),
    h('button', { onclick: closeStudio }, 'Back to the lobby'),
  );
}

export function studioCard(): VNode {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'studio-card-h' },
    h('h2', { id: 'studio-card-h' }, 'Scenario studio'),
    h(
      'p',
      { class: 'muted small' },
      'Write your own case — roles, issues, values, the vote — and see whether it teaches before anyone plays it. Save it, then play it solo, host it or run a class on it.',
    ),
    h('button', { id: 'open-studio', onclick: () => openStudio() }, 'Open the studio'),
  );
}
