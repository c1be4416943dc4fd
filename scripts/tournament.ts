// Bot tournaments from the command line (DESIGN.md sections 5 and 6).
//
//   npm run tournament -- --strategies tit-for-tat,always-defect --turns 200 --repetitions 10 --json
//   npm run tournament -- --noise 0.05 --evolve 100
//
// Exit codes: 0 done, 1 something failed while running (e.g. a file could not be written),
// 2 bad arguments (a usage message goes to stderr).

import { writeFileSync } from 'node:fs';
import { progressBar } from './progress';
import { parseArgs } from 'node:util';
import { STRATEGY_NAMES, isStrategyName, type StrategyName } from '../shared/bots/strategies';
import { coalitionTournament, type CoalitionTournamentResult } from '../shared/bots/coalition-tournament';
import { DIFFICULTIES, PERSONA_NAMES, type Difficulty, type PersonaName } from '../shared/bots/personas';
import { SCENARIO_IDS, builtInScenarios, scenarioById } from '../shared/scenarios';
import { evolve, trustTournament, type EvolutionResult, type TournamentResult } from '../shared/bots/tournament';

const OPTIONS = {
  strategies: { type: 'string', default: 'all' },
  turns: { type: 'string', default: '200' },
  repetitions: { type: 'string', default: '10' },
  noise: { type: 'string', default: '0' },
  seed: { type: 'string', default: '1' },
  evolve: { type: 'string' },
  shares: { type: 'string' },
  json: { type: 'boolean', default: false },
  csv: { type: 'string' },
  out: { type: 'string' },
  scenario: { type: 'string' },
  personas: { type: 'string', default: 'all' },
  difficulty: { type: 'string', default: 'normal' },
  games: { type: 'string', default: '20' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const USAGE = `Usage: npm run tournament -- [options]

Plays a round robin of trust strategies (every pair and every strategy against itself)
and ranks them by their median score per turn, as the Axelrod library does.

Options:
  --strategies LIST      comma-separated strategy names, or "all" (default: all)
  --turns N              rounds in each match (default: 200)
  --repetitions N        times each match is played (default: 10)
  --noise P              probability in [0, 1] that a chosen move is flipped (default: 0)
  --seed N               whole number that fixes every random draw (default: 1)
  --evolve GENERATIONS   run replicator dynamics for this many generations instead
  --shares LIST          with --evolve: starting shares, one per strategy (default: equal)
  --json                 print one line of JSON instead of a table
  --csv FILE             also write a CSV file (matches, or shares per generation)
  --out FILE             also write the JSON result to a file
  -h, --help             show this message

Coalition tournaments (personas rotated through the seats of scenarios):
  --scenario ID|all      play coalition games on this scenario, or on all of them
  --personas LIST        comma-separated personas, or "all" (default: all)
  --difficulty LEVEL     easy, normal or hard (default: normal)
  --games N              games per scenario, each with its own seed (default: 20)
  (--seed, --json, --csv and --out work as above)

Strategies: ${STRATEGY_NAMES.join(', ')}
Personas: ${PERSONA_NAMES.join(', ')}
Scenarios: ${SCENARIO_IDS.join(', ')}`;

/** A problem with the arguments: reported with the usage message and exit code 2. */
class UsageError extends Error {}

/** Output choices shared by every kind of tournament. */
interface OutputSettings {
  json: boolean;
  csv: string | undefined;
  out: string | undefined;
}

/** Settings of the trust tournament and its evolution. */
interface TrustSettings extends OutputSettings {
  strategies: StrategyName[];
  turns: number;
  repetitions: number;
  noise: number;
  seed: number;
  /** Generations to evolve, or undefined for a plain tournament. */
  evolve: number | undefined;
  shares: number[] | undefined;
}

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; strict: true; allowPositionals: false }>
>['values'];

function parseCommandLine(argv: string[]): Values {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    const firstLine = String(e.message ?? error).split('\n')[0];
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const option = /'([^']+)'/.exec(firstLine)?.[1] ?? firstLine;
      throw new UsageError(`unknown option ${option}.`);
    }
    if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      const arg = /'([^']*)'/.exec(firstLine)?.[1] ?? '';
      throw new UsageError(`unexpected argument "${arg}": every value follows an option such as --turns.`);
    }
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const option = /'(--?[\w-]+)/.exec(firstLine)?.[1] ?? 'an option';
      if (firstLine.includes('does not take an argument')) throw new UsageError(`${option} takes no value.`);
      if (firstLine.includes('ambiguous')) {
        throw new UsageError(`${option} needs a value; write ${option}=VALUE for a value that starts with a dash.`);
      }
      throw new UsageError(`${option} needs a value.`);
    }
    if (e.code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError(`${firstLine.replace(/\.$/, '')}.`);
    throw error;
  }
}

function wholeNumber(text: string, option: string, min: number): number {
  const t = text.trim();
  if (!/^-?\d+$/.test(t) || !Number.isSafeInteger(Number(t))) {
    throw new UsageError(`--${option} must be a whole number, not "${text}".`);
  }
  const n = Number(t);
  if (n < min) throw new UsageError(`--${option} must be at least ${min}, not ${n}.`);
  return n;
}

function parseStrategies(text: string): StrategyName[] {
  if (text.trim() === 'all') return [...STRATEGY_NAMES];
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0) throw new UsageError('--strategies needs at least one strategy name.');
  const unknown = names.filter((s) => !isStrategyName(s));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown strateg${unknown.length === 1 ? 'y' : 'ies'} ${unknown.map((s) => `"${s}"`).join(', ')}. ` +
        `Valid names: ${STRATEGY_NAMES.join(', ')}.`,
    );
  }
  const twice = names.find((s, i) => names.indexOf(s) !== i);
  if (twice) throw new UsageError(`strategy "${twice}" is listed twice.`);
  return names as StrategyName[];
}

function parseTrustSettings(values: Values): TrustSettings {
  const strategies = parseStrategies(values.strategies);
  const turns = wholeNumber(values.turns, 'turns', 1);
  const repetitions = wholeNumber(values.repetitions, 'repetitions', 1);
  const noiseText = values.noise.trim();
  const noise = noiseText === '' ? NaN : Number(noiseText);
  if (!Number.isFinite(noise) || noise < 0 || noise > 1) {
    throw new UsageError(`--noise must be a probability between 0 and 1, not "${values.noise}".`);
  }
  const seed = wholeNumber(values.seed, 'seed', Number.MIN_SAFE_INTEGER);
  const generations = values.evolve === undefined ? undefined : wholeNumber(values.evolve, 'evolve', 0);
  let shares: number[] | undefined;
  if (values.shares !== undefined) {
    if (generations === undefined) throw new UsageError('--shares only goes with --evolve.');
    shares = values.shares.split(',').map((s) => (s.trim() === '' ? NaN : Number(s)));
    if (shares.some((s) => !Number.isFinite(s) || s < 0) || !shares.some((s) => s > 0)) {
      throw new UsageError(`--shares must be numbers ≥ 0, not all zero, not "${values.shares}".`);
    }
    if (shares.length !== strategies.length) {
      throw new UsageError(`--shares gives ${shares.length} shares for ${strategies.length} strategies.`);
    }
  }
  return {
    strategies,
    turns,
    repetitions,
    noise,
    seed,
    evolve: generations,
    shares,
    json: values.json,
    csv: values.csv,
    out: values.out,
  };
}

// ---------------------------------------------------------------------------
// Output helpers

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLines(rows: (string | number)[][]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}

function writeFile(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new Error(`could not write ${path}: ${(error as Error).message}`, { cause: error });
  }
}

function table(header: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (rightAligned[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function describe(s: TrustSettings): string {
  return (
    `${s.strategies.length} strateg${s.strategies.length === 1 ? 'y' : 'ies'}, ${s.turns} turns, ` +
    `${s.repetitions} repetition${s.repetitions === 1 ? '' : 's'}, noise ${s.noise}, seed ${s.seed}`
  );
}

// ---------------------------------------------------------------------------
// Trust tournament

function runTrustTournament(s: TrustSettings): number {
  const bar = progressBar('matches');
  let result: TournamentResult;
  try {
    result = trustTournament({ ...s, onProgress: bar.update });
  } finally {
    bar.done();
  }
  const json = JSON.stringify({ matches: result.matches, ranking: result.ranking });
  if (s.out) writeFile(s.out, json + '\n');
  if (s.csv) {
    writeFile(
      s.csv,
      csvLines([
        ['player', 'opponent', 'player_score', 'opponent_score'],
        ...result.matches.map((m) => [m.players[0], m.players[1], m.scores[0], m.scores[1]]),
      ]),
    );
  }
  if (s.json) {
    process.stdout.write(json + '\n');
    return 0;
  }
  const rows = result.ranking.map((r) => [
    String(r.rank),
    r.strategy,
    r.medianScorePerTurn.toFixed(3),
    r.meanScorePerTurn.toFixed(3),
    r.wins.toFixed(1),
    `${Math.round(r.cooperation * 100)}%`,
  ]);
  process.stdout.write(
    `Trust tournament: ${describe(s)}, ${result.matches.length} matches\n\n` +
      table(['rank', 'strategy', 'median/turn', 'mean/turn', 'wins', 'honoured'], rows, [
        true,
        false,
        true,
        true,
        true,
        true,
      ]) +
      '\n\nScores are payoffs per turn per opponent (self-play excluded), ranked by the median over repetitions.\n',
  );
  return 0;
}

// ---------------------------------------------------------------------------
// Evolution

/** At most `count` generations to show in a table, evenly spread, always the first and last. */
function sampleGenerations(last: number, count: number): number[] {
  if (last + 1 <= count) return Array.from({ length: last + 1 }, (_, g) => g);
  const picked = new Set<number>();
  for (let k = 0; k < count; k++) picked.add(Math.round((k * last) / (count - 1)));
  return [...picked].sort((a, b) => a - b);
}

function runEvolution(s: TrustSettings, generations: number): number {
  const bar = progressBar('matches');
  let result: EvolutionResult;
  try {
    result = evolve({ ...s, generations, initialShares: s.shares, onProgress: bar.update });
  } finally {
    bar.done();
  }
  const json = JSON.stringify({ strategies: result.strategies, shares: result.shares });
  if (s.out) writeFile(s.out, JSON.stringify(result) + '\n');
  if (s.csv) {
    writeFile(s.csv, csvLines([['generation', ...result.strategies], ...result.shares.map((row, g) => [g, ...row])]));
  }
  if (s.json) {
    process.stdout.write(json + '\n');
    return 0;
  }
  const shown = sampleGenerations(generations, 9);
  const final = result.shares[generations];
  const order = result.strategies.map((_, i) => i).sort((a, b) => final[b] - final[a] || a - b);
  const rows = order.map((i) => [
    result.strategies[i],
    ...shown.map((g) => `${(result.shares[g][i] * 100).toFixed(1)}%`),
  ]);
  const note = shown.length < generations + 1 ? ' (a sample of generations; --json or --csv give every one)' : '';
  process.stdout.write(
    `Evolution over ${generations} generations: ${describe(s)}\n` +
      `Shares of the population per generation${note}\n\n` +
      table(['strategy', ...shown.map((g) => `gen ${g}`)], rows, [false, ...shown.map(() => true)]) +
      '\n',
  );
  return 0;
}

// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// Coalition tournament

function runCoalitionTournament(values: Values): number {
  const id = values.scenario!.trim();
  const scenarios = id === 'all' ? builtInScenarios : [scenarioById(id)];
  if (scenarios.some((x) => x === undefined))
    throw new UsageError(`unknown scenario "${id}"; choose one of ${SCENARIO_IDS.join(', ')} or all.`);
  const personaText = values.personas.trim();
  const personas =
    personaText === 'all'
      ? [...PERSONA_NAMES]
      : personaText
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean);
  const unknown = personas.filter((p) => !(PERSONA_NAMES as readonly string[]).includes(p));
  if (personas.length === 0 || unknown.length > 0)
    throw new UsageError(
      `unknown persona ${unknown.map((u) => `"${u}"`).join(', ') || '(none given)'}; choose from ${PERSONA_NAMES.join(', ')}.`,
    );
  const difficulty = values.difficulty.trim();
  if (!(DIFFICULTIES as readonly string[]).includes(difficulty))
    throw new UsageError(`--difficulty must be one of ${DIFFICULTIES.join(', ')}, not "${difficulty}".`);
  const games = wholeNumber(values.games, 'games', 1);
  const seed = wholeNumber(values.seed, 'seed', 0);
  const bar = progressBar('games');
  let result: CoalitionTournamentResult;
  try {
    result = coalitionTournament({
      scenarios: scenarios as NonNullable<(typeof scenarios)[number]>[],
      personas: personas as PersonaName[],
      difficulty: difficulty as Difficulty,
      games,
      seed,
      onProgress: bar.update,
    });
  } finally {
    bar.done();
  }
  const json = JSON.stringify(result);
  if (values.out) writeFile(values.out, json + '\n');
  if (values.csv) {
    writeFile(
      values.csv,
      csvLines([
        [
          'scenario',
          'persona',
          'seats',
          'deals_closed',
          'terms_traded',
          'escalations',
          'defections',
          'labelled_concessions',
          'mean_surplus',
          'mean_mutual_gain',
        ],
        ...result.scenarios.flatMap((sc) =>
          sc.personas.map((p) => [
            sc.scenario,
            p.persona,
            p.seats,
            p.dealsClosed,
            p.termsTraded,
            p.escalations,
            p.defections,
            p.labelledConcessions,
            p.meanSurplus,
            p.meanMutualGain,
          ]),
        ),
      ]),
    );
  }
  if (values.json) {
    process.stdout.write(json + '\n');
    return 0;
  }
  const rows = result.ranking.map((r, i) => [
    String(i + 1),
    r.persona,
    r.meanMutualGain.toFixed(1),
    r.meanSurplus.toFixed(1),
    r.dealsClosed.toFixed(2),
    r.termsTraded.toFixed(2),
    r.escalations.toFixed(2),
    r.defections.toFixed(2),
    r.labelledConcessions.toFixed(2),
  ]);
  const perScenario = result.scenarios
    .map(
      (sc) =>
        `  ${sc.scenario.padEnd(22)} efficiency ${(sc.meanEfficiency * 100).toFixed(0).padStart(3)}%   best: ${sc.personas[0].persona}`,
    )
    .join('\n');
  process.stdout.write(
    `Coalition tournament: ${scenarios.length} scenario(s), ${games} games each, personas ${personas.join(', ')}, ${difficulty}, seed ${seed}\n\n` +
      table(
        ['rank', 'persona', 'mutual gain', 'surplus', 'deals', 'terms traded', 'escalations', 'defections', 'labelled'],
        rows,
        [true, false, true, true, true, true, true, true, true],
      ) +
      '\n\nPer game and seat: rounds in the winning deal, issues traded away, escalations, defections, labelled concessions.\n\n' +
      perScenario +
      '\n',
  );
  return 0;
}

// ---------------------------------------------------------------------------

/** Picks the kind of tournament from the options; each kind reads and checks the settings it needs. */
function run(values: Values): number {
  if (values.scenario !== undefined) return runCoalitionTournament(values);
  const settings = parseTrustSettings(values);
  if (settings.evolve !== undefined) return runEvolution(settings, settings.evolve);
  return runTrustTournament(settings);
}

function main(argv: string[]): number {
  try {
    const values = parseCommandLine(argv);
    if (values.help) {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    return run(values);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`tournament: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`tournament: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
