// The lobby's door to the scenario studio: a card, and the studio itself as a page of its own at
// #studio (client/ui/hash-page.ts), loaded only when opened so the lobby never downloads it.
import { h, type VNode } from './dom';
import { hashPage } from './hash-page';

const page = hashPage({
  name: 'studio',
  title: 'The studio',
  loadingClass: 'explore',
  opener: 'open-studio',
  load: () => import('../studio/studio').then((m) => m.studioView),
});

/** The studio's page while it is open, else null (the lobby shows itself). */
export function studioPage(): VNode | null {
  return page.view();
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
    h('button', { id: 'open-studio', onclick: () => page.open() }, 'Open the studio'),
  );
}
