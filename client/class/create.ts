// The facilitator's form for a new class session (issue 10): scenario (built in or uploaded),
// tables, which seats are for people and which bots play the rest, phase durations, length,
// takeover policy, anonymity, the before/after questions and the class list.
import { TRUST_GAME_ID, TRUST_SEATS } from '../../shared/trust-game/scenario';
import type { CreateSession } from '../../shared/class/setup';
import { SHORT_HORIZON } from '../../shared/lengths';
import type { ScenarioFacts } from '../game/store';
import { h, type VNode } from '../ui/dom';

const PERSONAS = ['builder', 'incumbent', 'opportunist', 'hardliner', 'reciprocator'] as const;
const DIFFICULTIES = ['easy', 'normal', 'hard'] as const;

export interface CreateForm {
  /** The coalition game on a scenario, or the trust game on its own table. */
  mode: 'coalition' | 'trust';
  scenario: string;
  /** An uploaded scenario (JSON), replacing the built-in choice. */
  upload: { name: string; data: Record<string, unknown> } | null;
  tables: string;
  seats: ('human' | (typeof PERSONAS)[number])[];
  difficulty: (typeof DIFFICULTIES)[number];
  negotiate: string;
  trust: string;
  short: boolean;
  policy: 'in-class' | 'between-meetings';
  anonymous: boolean;
  questions: boolean;
  roster: string;
}

export function defaultForm(scenarios: ScenarioFacts[]): CreateForm {
  const first = scenarios[0];
  return {
    mode: 'coalition',
    scenario: first?.id ?? '',
    upload: null,
    tables: 'fill',
    seats: (first?.roles ?? []).map(() => 'human'),
    difficulty: 'normal',
    negotiate: String(first?.durations.negotiate ?? 90),
    trust: String(first?.durations.trust ?? 20),
    short: true,
    policy: 'in-class',
    anonymous: false,
    questions: true,
    roster: '',
  };
}

/** The request the form stands for. */
export function requestOf(f: CreateForm): CreateSession {
  const seconds = (s: string, least: number) => Math.max(least, Math.round(Number(s) || least));
  return {
    mode: f.mode,
    scenario: f.mode === 'trust' ? TRUST_GAME_ID : f.upload ? f.upload.data : f.scenario,
    tables: f.tables === 'fill' ? null : Number(f.tables),
    seats: f.seats.map((s) =>
      s === 'human'
        ? { kind: 'human' }
        : { kind: 'bot', bot: { kind: 'persona', persona: s, difficulty: f.difficulty } },
    ),
    durations: { negotiate: seconds(f.negotiate, 30), trust: seconds(f.trust, 10) },
    ...(f.short ? { roundRange: { ...SHORT_HORIZON } } : {}),
    policy: f.policy,
    anonymous: f.anonymous,
    questions: f.questions,
    roster: f.roster
      .split('\n')
      .map((n) => n.trim())
      .filter(Boolean),
  };
}

export function createView(
  f: CreateForm,
  scenarios: ScenarioFacts[],
  on: { change(patch: Partial<CreateForm>): void; submit(): void; upload(file: File): void },
  error: string | null,
  busy: boolean,
): VNode {
  const facts = scenarios.find((s) => s.id === f.scenario);
  const trust = f.mode === 'trust';
  const roles = trust
    ? f.seats.map((_s, i) => `Seat ${i + 1}`)
    : f.upload
      ? ((f.upload.data.roles as { name?: string }[] | undefined) ?? []).map((r) => r.name ?? '?')
      : (facts?.roles.map((r) => r.name) ?? []);
  const people = f.seats.filter((s) => s === 'human').length;
  const value = (e: Event) => (e.target as HTMLInputElement).value;
  const checked = (e: Event) => (e.target as HTMLInputElement).checked;
  return h(
    'form',
    {
      class: 'cls-create',
      onsubmit: (e: Event) => {
        e.preventDefault();
        on.submit();
      },
    },
    h('h1', null, 'Run a class'),
    h(
      'p',
      { class: 'cls-muted' },
      'Students join with a code on their own devices; you seat them, run every table from one page, and debrief the class by comparing tables.',
    ),
    h(
      'fieldset',
      null,
      h('legend', null, 'Scenario'),
      h(
        'label',
        null,
        'Game ',
        h(
          'select',
          {
            id: 'cls-mode',
            value: f.mode,
            onchange: (e: Event) => {
              const mode = value(e) === 'trust' ? 'trust' : 'coalition';
              const uploaded = Array.isArray(f.upload?.data.roles) ? f.upload.data.roles.length : null;
              const seats = mode === 'trust' ? TRUST_SEATS.default : (uploaded ?? facts?.roles.length ?? 0);
              on.change({ mode, seats: Array.from({ length: seats }, () => 'human') });
            },
          },
          h('option', { value: 'coalition', selected: !trust }, 'Coalition game on a scenario'),
          h('option', { value: 'trust', selected: trust }, 'Trust game (repeated honour or defect, its own table)'),
        ),
      ),
      trust
        ? h(
            'p',
            { class: 'cls-muted' },
            'Each table plays the trust game on its own: every pair of seats chooses to honour or defect each round, with the classic payoffs (5, 3, 1, 0). No scenario, power or walk-aways.',
          )
        : null,
      trust
        ? null
        : h(
            'label',
            null,
            'Built-in scenario ',
            h(
              'select',
              {
                value: f.scenario,
                disabled: f.upload !== null || trust,
                onchange: (e: Event) => {
                  const id = value(e);
                  const s = scenarios.find((x) => x.id === id);
                  on.change({
                    scenario: id,
                    seats: (s?.roles ?? []).map(() => 'human'),
                    negotiate: String(s?.durations.negotiate ?? 90),
                    trust: String(s?.durations.trust ?? 20),
                  });
                },
              },
              scenarios.map((s) => h('option', { value: s.id, selected: s.id === f.scenario }, s.name)),
            ),
          ),
      trust
        ? null
        : h(
            'label',
            null,
            'or upload one (JSON) ',
            h('input', {
              type: 'file',
              accept: '.json,application/json',
              onchange: (e: Event) => {
                const file = (e.target as HTMLInputElement).files?.[0];
                if (file) on.upload(file);
              },
            }),
          ),
      f.upload && !trust
        ? h(
            'p',
            null,
            `Uploaded: ${f.upload.name} `,
            h(
              'button',
              {
                type: 'button',
                onclick: () => on.change({ upload: null, seats: (facts?.roles ?? []).map(() => 'human') }),
              },
              'Use a built-in one',
            ),
          )
        : null,
      facts && !f.upload && !trust ? h('p', { class: 'cls-muted' }, facts.summary) : null,
    ),
    h(
      'fieldset',
      null,
      h('legend', null, 'Seats at each table'),
      h(
        'p',
        { class: 'cls-muted' },
        `${people} of ${roles.length} seats are for students; bots play the others. Seats nobody takes go to bots at the start.`,
      ),
      h(
        'div',
        { class: 'cls-seats' },
        roles.map((role, i) =>
          h(
            'label',
            { key: i },
            h('span', null, role),
            h(
              'select',
              {
                value: f.seats[i] ?? 'human',
                onchange: (e: Event) => {
                  const seats = [...f.seats];
                  seats[i] = value(e) as CreateForm['seats'][number];
                  on.change({ seats });
                },
              },
              h('option', { value: 'human', selected: (f.seats[i] ?? 'human') === 'human' }, 'A student'),
              PERSONAS.map((p) => h('option', { value: p, selected: f.seats[i] === p }, `Bot: ${p}`)),
            ),
          ),
        ),
      ),
      h(
        'label',
        null,
        'Bots play ',
        h(
          'select',
          {
            value: f.difficulty,
            onchange: (e: Event) => on.change({ difficulty: value(e) as CreateForm['difficulty'] }),
          },
          DIFFICULTIES.map((d) => h('option', { value: d, selected: d === f.difficulty }, d)),
        ),
      ),
    ),
    h(
      'fieldset',
      null,
      h('legend', null, 'Tables and time'),
      h(
        'label',
        null,
        'Tables ',
        h(
          'select',
          { id: 'cls-tables', value: f.tables, onchange: (e: Event) => on.change({ tables: value(e) }) },
          h('option', { value: 'fill', selected: f.tables === 'fill' }, 'As many as the students fill'),
          Array.from({ length: 12 }, (_, i) =>
            h('option', { value: String(i + 1), selected: f.tables === String(i + 1) }, String(i + 1)),
          ),
        ),
      ),
      h(
        'label',
        null,
        'Negotiation phase, seconds ',
        h('input', {
          type: 'number',
          min: 30,
          max: 3600,
          value: f.negotiate,
          oninput: (e: Event) => on.change({ negotiate: value(e) }),
        }),
      ),
      h(
        'label',
        null,
        'Trust stage, seconds ',
        h('input', {
          type: 'number',
          min: 10,
          max: 600,
          value: f.trust,
          oninput: (e: Event) => on.change({ trust: value(e) }),
        }),
      ),
      h(
        'label',
        { class: 'cls-check' },
        h('input', { type: 'checkbox', checked: f.short, onchange: (e: Event) => on.change({ short: checked(e) }) }),
        'Short game (about 4 rounds; each table draws its own end)',
      ),
      h(
        'label',
        null,
        'When a student drops out ',
        h(
          'select',
          { value: f.policy, onchange: (e: Event) => on.change({ policy: value(e) as CreateForm['policy'] }) },
          h(
            'option',
            { value: 'in-class', selected: f.policy === 'in-class' },
            'In class: a bot takes the seat after 60 s',
          ),
          h(
            'option',
            { value: 'between-meetings', selected: f.policy === 'between-meetings' },
            'Between meetings: the seat waits',
          ),
        ),
      ),
    ),
    h(
      'fieldset',
      null,
      h('legend', null, 'Students'),
      h(
        'label',
        { class: 'cls-check' },
        h('input', {
          type: 'checkbox',
          checked: f.anonymous,
          onchange: (e: Event) => on.change({ anonymous: checked(e) }),
        }),
        'Anonymous: students see role names only',
      ),
      h(
        'label',
        { class: 'cls-check' },
        h('input', {
          type: 'checkbox',
          checked: f.questions,
          onchange: (e: Event) => on.change({ questions: checked(e) }),
        }),
        'Ask three short questions before the first round and after the last',
      ),
      h(
        'label',
        { class: 'cls-block' },
        'Class list (optional, one name a line): students pick their name',
        h('textarea', { rows: 4, value: f.roster, oninput: (e: Event) => on.change({ roster: value(e) }) }),
      ),
    ),
    error ? h('p', { class: 'cls-error', role: 'alert' }, error) : null,
    h(
      'button',
      { type: 'submit', id: 'cls-create', class: 'cls-primary', disabled: busy || people === 0 },
      busy ? 'Creating…' : 'Create the session',
    ),
  );
}
