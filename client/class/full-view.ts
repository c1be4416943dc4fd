// A table's full view in the console: its private facts, for the facilitator's eyes only.
import type { FullTableView } from '../../shared/class/console';
import { h, type VNode } from '../ui/dom';

/** A table's private facts, for the facilitator's eyes only: never on the projector. */
export function fullPanel(label: string, f: FullTableView, on: { refresh: () => void; close: () => void }): VNode {
  return h(
    'section',
    { class: 'cls-full', 'aria-label': `${label}: full view` },
    h(
      'header',
      null,
      h('h2', null, `${label}: full view (private facts, not for the projector)`),
      h('button', { type: 'button', onclick: on.refresh }, 'Refresh'),
      h('button', { type: 'button', onclick: on.close }, 'Close'),
    ),
    h('p', { class: 'cls-muted' }, `Round ${f.round} · ${f.phase}`),
    h(
      'table',
      null,
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['Role', 'Walk-away', 'Declared', 'Points', 'Reputation', 'Ready'].map((c) => h('th', null, c)),
        ),
      ),
      h(
        'tbody',
        null,
        f.seats.map((s) =>
          h(
            'tr',
            { key: s.seat },
            h('td', null, s.role),
            h('td', null, String(s.walkAway)),
            h('td', null, s.declared === null ? '—' : `${s.declared}%`),
            h('td', null, String(Math.round(s.points))),
            h('td', null, String(s.reputation)),
            h('td', null, s.ready ? 'yes' : 'no'),
          ),
        ),
      ),
    ),
    h('h3', null, 'Proposals'),
    f.proposals.length === 0
      ? h('p', { class: 'cls-muted' }, 'None open.')
      : h(
          'ul',
          null,
          f.proposals.map((p) =>
            h(
              'li',
              { key: p.id },
              `${p.proposer}: ${p.members.map((r, i) => `${r} ${p.split[i]}%`).join(', ')}`,
              p.visibility === 'members' ? h('strong', null, ' (members only)') : null,
              p.rationale ? ` — “${p.rationale}”` : null,
            ),
          ),
        ),
    f.trust.length > 0
      ? [
          h('h3', null, 'Trust moves this stage'),
          h(
            'ul',
            null,
            f.trust.map((t) =>
              h('li', { key: `${t.a}-${t.b}` }, `${t.a}: ${t.moveA ?? '…'} · ${t.b}: ${t.moveB ?? '…'}`),
            ),
          ),
        ]
      : null,
    h('h3', null, 'Chat'),
    f.chat.length === 0
      ? h('p', { class: 'cls-muted' }, 'Nothing said yet.')
      : h(
          'ul',
          null,
          f.chat.map((c, i) =>
            h('li', { key: i }, `R${c.round} ${c.from}${c.to === null ? '' : ` → ${c.to} (private)`}: ${c.text}`),
          ),
        ),
  );
}
