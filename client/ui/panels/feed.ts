// The event feed: every event this seat may see, as a sentence, newest last.
import type { AppState } from '../../game/store';
import { h, type VNode } from '../dom';

export function feedList(state: AppState, id: string): VNode {
  const items = state.feed.slice(-150);
  return h(
    'ol',
    {
      class: 'feedlist',
      id,
      'aria-live': 'polite',
      'aria-relevant': 'additions',
      tabindex: 0,
      // Stay at the bottom while the person has not scrolled up.
      onscroll: (e: Event) => {
        const el = e.target as HTMLElement;
        el.dataset.pinned = el.scrollHeight - el.scrollTop - el.clientHeight < 24 ? '1' : '0';
      },
    },
    items.length === 0 ? h('li', { class: 'muted' }, 'Nothing has happened yet.') : null,
    items.map((it) =>
      h(
        'li',
        { key: it.id, class: `k-${it.kind}${it.mine ? ' mine' : ''}` },
        it.kind === 'phase' ? null : h('span', { class: 'r' }, `R${it.round}`),
        it.text,
      ),
    ),
  );
}

/** Scrolls the feeds to their newest line unless the person scrolled up to read. */
export function pinFeeds(): void {
  for (const id of ['feed', 'feed-tab']) {
    const el = document.getElementById(id);
    if (el && el.dataset.pinned !== '0') el.scrollTop = el.scrollHeight;
  }
}
