// The projector's page: the join code, its QR code and public facts only (no names, no deals).
import type { ProjectorModel } from '../../shared/class/console';
import { h, type Child } from '../ui/dom';
import { joinLink } from './api';
import { phaseText, qr } from './shown';

export function projectorView(code: string, m: ProjectorModel | null): Child {
  const link = joinLink(code);
  return h(
    'main',
    { class: 'cls-projector' },
    h(
      'section',
      { class: 'cls-join' },
      h('h1', null, 'Join the class'),
      qr(link, 320),
      h('p', { class: 'cls-big' }, 'Code ', h('strong', { class: 'cls-code' }, code)),
      h('p', null, link),
    ),
    m
      ? h(
          'section',
          { class: 'cls-ptables' },
          h('h2', null, `${m.scenario.name}: ${m.seated} seated, ${m.waiting} waiting`),
          m.messages.length > 0 ? h('p', { class: 'cls-notice' }, m.messages[m.messages.length - 1].text) : null,
          h(
            'ul',
            null,
            m.tables.map((t) =>
              h(
                'li',
                { key: t.label },
                h('strong', null, t.label),
                ` ${phaseText({ ...t }, m.serverTime)} · ${t.connected}/${t.people} here`,
              ),
            ),
          ),
        )
      : null,
  );
}
