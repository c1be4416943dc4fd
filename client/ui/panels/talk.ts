// Ask what matters most, answer or decline questions put to you, and chat to the table or to
// one seat [ask what matters most to them; questions reveal interests behind positions].
import type { TableView } from '../../../shared/engine/view';
import { act } from '../../app';
import { issueName, optionName, roleName } from '../../game/format';
import type { AppState } from '../../game/store';
import { errorFor, inputValue, seatMark, touch } from '../common';
import { h, type VNode } from '../dom';

const draft = { askTarget: '', chatTo: '', chatText: '' };

export function unansweredAsks(view: TableView) {
  return view.asks.filter((q) => q.to === view.viewer && q.status === 'open');
}

export function talkPanel(_state: AppState, view: TableView): VNode {
  const me = view.viewer;
  if (me === null) return h('p', { class: 'muted' }, 'You are watching.');
  const others = view.seats.filter((s) => s.seat !== me);
  const negotiating = view.phase === 'negotiate';
  const askedThisRound = new Set(view.asks.filter((q) => q.from === me && q.round === view.round).map((q) => q.to));
  if (!draft.askTarget || askedThisRound.has(Number(draft.askTarget)))
    draft.askTarget = String(others.find((s) => !askedThisRound.has(s.seat))?.seat ?? others[0]?.seat ?? '');
  const incoming = unansweredAsks(view);
  const mine = view.asks.filter((q) => q.from === me).sort((a, b) => b.id - a.id);
  const chat = view.chat.slice(-60);
  return h(
    'div',
    null,
    incoming.length
      ? h(
          'section',
          { class: 'card', id: 'incoming-asks' },
          h('h3', null, 'Questions for you'),
          incoming.map((q) =>
            h(
              'div',
              { key: q.id, style: 'margin-bottom:10px' },
              h(
                'p',
                { style: 'margin:0 0 6px' },
                seatMark(q.from),
                `${roleName(view, q.from)} asks what matters most to you.`,
              ),
              h(
                'div',
                { class: 'row' },
                h(
                  'button',
                  {
                    class: 'primary',
                    id: `answer-${q.id}`,
                    disabled: !negotiating,
                    onclick: () => act('answer', { ask: q.id }, `answer:${q.id}`),
                  },
                  'Answer',
                ),
                h(
                  'button',
                  {
                    id: `decline-${q.id}`,
                    disabled: !negotiating,
                    onclick: () => act('decline', { ask: q.id }, `answer:${q.id}`),
                  },
                  'Decline',
                ),
              ),
              errorFor(`answer:${q.id}`),
            ),
          ),
          h(
            'p',
            { class: 'muted small' },
            'An answer ranks your issues by your own values (it cannot lie) and raises your reputation a little.',
          ),
        )
      : null,
    h(
      'form',
      {
        class: 'card',
        id: 'ask-form',
        onsubmit: (e: Event) => {
          e.preventDefault();
          act('ask', { target: Number(draft.askTarget) }, 'ask');
        },
      },
      h('h3', null, 'Ask what matters most'),
      h(
        'p',
        { class: 'muted small' },
        'Once per seat per round. Their answer shows which issues they care about, most first.',
      ),
      h(
        'div',
        { class: 'row' },
        h(
          'div',
          { class: 'grow' },
          h('label', { for: 'ask-target', class: 'sr-only' }, 'Seat to ask'),
          h(
            'select',
            {
              id: 'ask-target',
              value: draft.askTarget,
              onchange: (e: Event) => ((draft.askTarget = inputValue(e)), touch()),
            },
            others.map((s) =>
              h(
                'option',
                { value: String(s.seat), disabled: askedThisRound.has(s.seat) },
                `${s.name}${askedThisRound.has(s.seat) ? ' (asked)' : ''}`,
              ),
            ),
          ),
        ),
        h('button', { type: 'submit', id: 'ask', disabled: !negotiating }, 'Ask'),
      ),
      errorFor('ask'),
    ),
    mine.length
      ? h(
          'section',
          { class: 'card tight', id: 'answers' },
          h('h3', null, 'What you learned'),
          mine.map((q) =>
            h(
              'div',
              { key: q.id, style: 'margin-bottom:8px' },
              h('strong', null, seatMark(q.to), roleName(view, q.to)),
              h('span', { class: 'muted small' }, ` · round ${q.round}`),
              q.status === 'open'
                ? h('p', { class: 'small muted' }, 'No answer yet.')
                : q.status === 'declined'
                  ? h('p', { class: 'small' }, 'Declined to answer.')
                  : h(
                      'ol',
                      { class: 'small', style: 'margin:4px 0;padding-left:20px' },
                      (q.answer ?? []).map((a) =>
                        h(
                          'li',
                          null,
                          `${issueName(view.scenario, a.issue)} — prefers ${optionName(view.scenario, a.issue, a.preferred)}`,
                        ),
                      ),
                    ),
            ),
          ),
        )
      : null,
    h(
      'section',
      { class: 'card', id: 'chat' },
      h('h3', null, 'Chat'),
      h(
        'ol',
        {
          class: 'feedlist',
          style: 'max-height:220px;padding:0',
          id: 'chat-log',
          tabindex: 0,
          'aria-label': 'messages',
        },
        chat.length === 0 ? h('li', { class: 'muted' }, 'No messages yet.') : null,
        chat.map((m) =>
          h(
            'li',
            { key: m.id, class: m.from === me || m.to === me ? 'mine' : '' },
            h('strong', null, m.from === me ? 'You' : roleName(view, m.from)),
            m.to === null
              ? ''
              : h('span', { class: 'muted' }, m.to === me ? ' (to you)' : ` (to ${roleName(view, m.to)})`),
            ': ',
            m.text,
          ),
        ),
      ),
      h(
        'form',
        {
          style: 'margin-top:8px',
          onsubmit: (e: Event) => {
            e.preventDefault();
            const text = draft.chatText.trim();
            if (!text) return;
            act('chat', { to: draft.chatTo === '' ? null : Number(draft.chatTo), text }, 'chat');
            draft.chatText = '';
            touch();
          },
        },
        h(
          'div',
          { class: 'row' },
          h('label', { for: 'chat-to', class: 'sr-only' }, 'To'),
          h(
            'select',
            {
              id: 'chat-to',
              style: 'width:auto;max-width:45%',
              value: draft.chatTo,
              onchange: (e: Event) => ((draft.chatTo = inputValue(e)), touch()),
            },
            h('option', { value: '' }, 'To the table'),
            others.map((s) => h('option', { value: String(s.seat) }, `To ${s.name} only`)),
          ),
          h(
            'div',
            { class: 'grow' },
            h('label', { for: 'chat-text', class: 'sr-only' }, 'Message'),
            h('input', {
              id: 'chat-text',
              type: 'text',
              maxlength: 280,
              placeholder: 'Message',
              value: draft.chatText,
              oninput: (e: Event) => (draft.chatText = inputValue(e)),
            }),
          ),
          h('button', { type: 'submit', id: 'chat-send' }, 'Send'),
        ),
        errorFor('chat'),
      ),
    ),
  );
}
