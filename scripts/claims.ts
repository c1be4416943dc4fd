// The claims of DESIGN 10, measured (issue 8): every lesson a screen or the coach states, played
// out over seeded games on every shipped scenario, with its effect, a 95 % interval, the number
// of games and a verdict. A claim that does not hold is reported as not holding.
//
//   npm run claims                       every claim, every scenario, the default size
//   npm run claims -- --scenario river-dam --games 50
//   npm run claims -- --only students,personas --json
//
// Exit codes: 0 measured (whatever the verdicts), 2 bad arguments.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CLAIM_IDS, measureClaims, type ClaimId, type ClaimResult } from '../shared/claims/claims';
import type { ClaimVerdicts } from '../shared/claims/verdicts';
import { RULES_VERSION } from '../shared/engine/types';
import { builtInScenarios, scenarioById, SCENARIO_IDS } from '../shared/scenarios';
import { progressBar } from './progress';

const OPTIONS = {
  scenario: { type: 'string', default: 'all' },
  games: { type: 'string', default: '100' },
  benchmark: { type: 'string', default: '200' },
  only: { type: 'string', default: 'all' },
  json: { type: 'boolean', default: false },
  markdown: { type: 'boolean', default: false },
  from: { type: 'string' },
  verdicts: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const USAGE = `Usage: npm run claims -- [options]

Measures every claim of DESIGN 10 over seeded games: effect, 95 % interval, games, verdict.

Options:
  --scenario ID|all   one scenario or all of them (default: all)
  --games N           games per claim and scenario (default: 100)
  --benchmark N       benchmark tables per scenario for role percentiles (default: 200)
  --only LIST         comma-separated claims (default: all): ${CLAIM_IDS.join(', ')}
  --json              print one line of JSON instead of a table
  --markdown          print the table as Markdown (as in README.md)
  --from FILE         print a saved --json result instead of measuring
  --verdicts FILE     also write each scenario's verdicts, which the coach and the debrief read
                      (assets/claims/verdicts.json)
  -h, --help          show this message

Scenarios: ${SCENARIO_IDS.join(', ')}`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function whole(name: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) fail(`--${name} must be a whole number of at least ${min}, not "${text}".`);
  return n;
}

function parse() {
  try {
    return parseArgs({ options: OPTIONS, strict: true }).values;
  } catch (e) {
    return fail((e as Error).message);
  }
}
const values = parse();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const scenarios =
  values.scenario === 'all'
    ? builtInScenarios
    : [scenarioById(values.scenario) ?? fail(`No scenario "${values.scenario}".`)];
const games = whole('games', values.games, 2);
const benchmarkGames = whole('benchmark', values.benchmark, 10);
const only = values.only === 'all' ? [...CLAIM_IDS] : values.only.split(',').map((x) => x.trim());
for (const id of only) if (!(CLAIM_IDS as readonly string[]).includes(id)) fail(`No claim "${id}".`);

type Saved = ReturnType<typeof measureClaims> & { games: number; benchmarkGames: number; seconds: number };

function measure(): Saved {
  const bar = progressBar('claims');
  const started = performance.now();
  let scenarioIndex = 0;
  let lastScenario = '';
  const report = measureClaims(scenarios, {
    games,
    benchmarkGames,
    only: only as ClaimId[],
    onProgress: (label, done, total) => {
      const id = label.split(':')[0];
      if (id !== lastScenario) {
        lastScenario = id;
        scenarioIndex++;
      }
      bar.update(done, total, `${scenarioIndex}/${scenarios.length} ${label}`);
    },
  });
  bar.done();
  return { ...report, games, benchmarkGames, seconds: Math.round(((performance.now() - started) / 1000) * 10) / 10 };
}

const saved: Saved = values.from ? (JSON.parse(readFileSync(values.from, 'utf8')) as Saved) : measure();

if (values.verdicts) writeFileSync(values.verdicts, `${JSON.stringify(verdictsOf(saved.results), null, 2)}\n`);

if (values.json) {
  process.stdout.write(`${JSON.stringify(saved)}\n`);
} else if (values.markdown) {
  process.stdout.write(markdown(saved.results));
} else {
  process.stdout.write(table(saved.results));
  const held = saved.results.filter((r) => r.verdict === 'holds').length;
  const failed = saved.results.filter((r) => r.verdict === 'does not hold');
  process.stdout.write(
    `\n${held} hold, ${failed.length} do not hold, ${saved.results.length - held - failed.length} reported only; ${saved.games} games per claim and scenario, ${saved.benchmarkGames} benchmark tables, ${saved.seconds.toFixed(0)} s.\n`,
  );
  if (failed.length > 0) {
    process.stdout.write('\nDoes not hold (taught as not true):\n');
    for (const r of failed)
      process.stdout.write(`  - ${r.scenario}: ${r.claim} (${fmt(r.effect.mean)}, target ${r.target})\n`);
  }
}

/** Each scenario's verdict per claim (students and personas are not lessons a screen states). */
function verdictsOf(results: readonly ClaimResult[]): ClaimVerdicts {
  const scenarios: ClaimVerdicts['scenarios'] = {};
  for (const r of results) {
    if (r.scenario === 'all' || r.subject !== undefined) continue;
    (scenarios[r.scenario] ??= {})[r.id] = r.verdict;
  }
  return { rules: RULES_VERSION, games: saved.games, scenarios };
}

/** One row per claim, the scenarios across: the effect with its interval, a cross where it does not hold. */
function markdown(results: readonly ClaimResult[]): string {
  const ids = [...new Set(results.filter((r) => r.scenario !== 'all').map((r) => r.scenario))];
  const keyOf = (r: ClaimResult) => `${r.id}|${r.subject ?? ''}`;
  const rows = new Map<string, ClaimResult[]>();
  for (const r of results) rows.set(keyOf(r), [...(rows.get(keyOf(r)) ?? []), r]);
  const mark = (r: ClaimResult | undefined) =>
    !r
      ? ''
      : `${fmt(r.effect.mean)} [${fmt(r.effect.lo)}, ${fmt(r.effect.hi)}]${r.verdict === 'holds' ? ' ✓' : r.verdict === 'does not hold' ? ' ✗' : ' –'}`;
  const lines = [
    `| claim | target | ${ids.join(' | ')} | all |`,
    `| --- | --- | ${ids.map(() => '---').join(' | ')} | --- |`,
  ];
  for (const group of rows.values()) {
    const first = group[0];
    const label = first.subject ? `${first.claim} (${first.subject})` : first.claim;
    lines.push(
      `| ${label} | ${first.target} | ${ids.map((id) => mark(group.find((r) => r.scenario === id))).join(' | ')} | ${mark(group.find((r) => r.scenario === 'all'))} |`,
    );
  }
  return lines.join('\n') + '\n';
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);
}

function table(results: readonly ClaimResult[]): string {
  const rows = results.map((r) => [
    r.id,
    r.subject ?? '',
    r.scenario,
    fmt(r.effect.mean),
    `[${fmt(r.effect.lo)}, ${fmt(r.effect.hi)}]`,
    String(r.games),
    r.target,
    r.verdict,
  ]);
  const head = ['claim', 'who', 'scenario', 'effect', '95% interval', 'games', 'target', 'verdict'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}
