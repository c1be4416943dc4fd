// Instructor tool: the power map of a weighted vote, from the command line, so a facilitator can
// try quotas and weights for a scenario (or a real council) before a class.
//   npm run power -- --quota 16 --weights 9,9,7,3,1,1 [--veto 0,1] [--names A,B,...] [--json]
// Mistakes in the arguments get a sentence and exit code 2, never a stack trace.
import { parseArgs } from 'node:util';
import { powerMap, type WeightedGame } from '../shared/engine/power';

const USAGE = `Usage: npm run power -- --quota Q --weights W1,W2,... [--veto I,J,...] [--names A,B,...] [--json]

  --quota Q        weight a coalition needs to win: a positive number, at most the total weight
  --weights W,...  each seat's weight, whole numbers of zero or more, in seat order
  --veto I,...     seats (numbered from 0 in the order of --weights) every winning coalition needs
  --names A,...    a name for each seat, in the same order
  --json           print one line of JSON instead of the table
  --help           print this message

Example: npm run power -- --quota 16 --weights 9,9,7,3,1,1 --names H1,H2,NH,OB,GC,LB`;

/** A mistake in the arguments: reported as a sentence with the usage, exit code 2. */
class UsageError extends Error {}

interface Request {
  game: WeightedGame;
  names: string[] | null;
  json: boolean;
}

function list(text: string, what: string): string[] {
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw new UsageError(`The list given to ${what} has an empty item: "${text}".`);
  return items;
}

function parseArgsError(err: unknown): UsageError {
  const e = err as { code?: string; message?: string };
  const message = String(e.message ?? err);
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`There is no option ${option ?? message}.`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (message.includes('ambiguous')) {
        return new UsageError(
          `The value given to ${option ?? 'an option'} starts with a dash; write it as ${option ?? '--option'}=VALUE.`,
        );
      }
      return new UsageError(`The option ${option ?? ''} needs a value.`.replace('  ', ' '));
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(
        `Unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ''}: every value follows an option such as --weights.`,
      );
    default:
      return new UsageError(message);
  }
}

/** Turns the command line into a checked game, or throws a UsageError that says what is wrong. */
function parse(argv: string[]): Request | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        quota: { type: 'string' },
        weights: { type: 'string' },
        veto: { type: 'string' },
        names: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw parseArgsError(err);
  }
  if (values.help) return 'help';

  if (values.weights === undefined)
    throw new UsageError('The weights are missing: give them with --weights, e.g. --weights 9,9,7,3,1,1.');
  const weights = list(values.weights, '--weights').map((s, i) => {
    if (!/^\d+$/.test(s) || !Number.isSafeInteger(Number(s))) {
      throw new UsageError(`The weight of seat ${i} must be a whole number of zero or more, but it is "${s}".`);
    }
    return Number(s);
  });
  const total = weights.reduce((a, b) => a + b, 0);

  if (values.quota === undefined) throw new UsageError('The quota is missing: give it with --quota, e.g. --quota 16.');
  const quotaText = values.quota.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(quotaText))
    throw new UsageError(`The quota must be a number, but it is "${values.quota}".`);
  const quota = Number(quotaText);
  if (quota <= 0) throw new UsageError(`The quota must be more than zero, but it is ${quotaText}.`);
  if (quota > total) {
    throw new UsageError(
      `The quota (${quotaText}) is more than the total weight (${total}), so no coalition could ever win.`,
    );
  }

  const veto: number[] = [];
  if (values.veto !== undefined && values.veto.trim() !== '') {
    for (const s of list(values.veto, '--veto')) {
      const seat = /^\d+$/.test(s) ? Number(s) : NaN;
      if (!Number.isInteger(seat) || seat >= weights.length) {
        throw new UsageError(
          `Veto seat "${s}" does not exist: seats are numbered 0 to ${weights.length - 1}, in the order of --weights.`,
        );
      }
      if (!veto.includes(seat)) veto.push(seat);
    }
  }

  let names: string[] | null = null;
  if (values.names !== undefined) {
    names = list(values.names, '--names');
    if (names.length !== weights.length) {
      throw new UsageError(
        `There ${names.length === 1 ? 'is 1 name' : `are ${names.length} names`} for ${weights.length} seats; give one name per weight.`,
      );
    }
  }
  return { game: { weights, quota, veto }, names, json: values.json };
}

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;

/** The readable report: one aligned row per seat, then the coalitions worth proposing. */
function table(req: Request): string {
  const { game, names } = req;
  const map = powerMap(game);
  const veto = new Set(game.veto ?? []);
  const total = game.weights.reduce((a, b) => a + b, 0);
  const label = (i: number) => (names ? names[i] : `seat ${i}`);
  const inSomeCoalition = new Set(map.minimalWinning.flat());
  const dummies = game.weights
    .map((w, i) => i)
    .filter(
      (i) => game.weights[i] > 0 && map.shapleyShubik[i] === 0 && map.banzhaf[i] === 0 && !inSomeCoalition.has(i),
    );

  const header = ['Seat', ...(names ? ['Name'] : []), 'Weight', 'Weight %', 'Shapley–Shubik', 'Banzhaf', 'Note'];
  const rows = game.weights.map((w, i) => [
    String(i),
    ...(names ? [names[i]] : []),
    String(w),
    pct(total === 0 ? 0 : w / total),
    pct(map.shapleyShubik[i]),
    pct(map.banzhaf[i]),
    [veto.has(i) ? 'veto' : '', dummies.includes(i) ? 'dummy' : ''].filter(Boolean).join(', '),
  ]);
  const leftAligned = new Set(names ? [1, header.length - 1] : [header.length - 1]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (leftAligned.has(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();

  const out: string[] = [];
  const vetoText =
    veto.size > 0
      ? `; every winning coalition needs ${[...veto]
          .sort((a, b) => a - b)
          .map(label)
          .join(', ')}`
      : '';
  out.push(`Quota ${game.quota} of ${total} (${pct(game.quota / total)})${vetoText}.`, '');
  out.push(line(header), line(widths.map((n) => '-'.repeat(n))), ...rows.map(line), '');

  const count = map.minimalWinningTruncated
    ? `first ${map.minimalWinning.length}; there are more`
    : String(map.minimalWinning.length);
  out.push(`Minimal winning coalitions (${count}):`);
  for (const c of map.minimalWinning) {
    const weight = c.reduce((sum, i) => sum + game.weights[i], 0);
    out.push(`  ${c.map((i) => (names ? names[i] : String(i))).join(' + ')}  (weight ${weight})`);
  }
  if (map.minimalWinningTruncated) out.push('  … list cut short; the indices above still count every coalition.');
  out.push('');
  out.push(
    dummies.length > 0
      ? `Dummy seats (weight but no power: never needed to turn a loss into a win): ${dummies.map((i) => (names ? `${i} ${names[i]}` : String(i))).join(', ')}.`
      : 'No dummy seats: every seat with weight is needed in some winning coalition.',
  );
  return out.join('\n');
}

function main(argv: string[]): number {
  let req: Request | 'help';
  try {
    req = parse(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${USAGE}\n\n${err.message}\n`);
    return 2;
  }
  if (req === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    if (req.json) {
      const map = powerMap(req.game);
      process.stdout.write(
        `${JSON.stringify({ shapleyShubik: map.shapleyShubik, banzhaf: map.banzhaf, minimalWinning: map.minimalWinning })}\n`,
      );
    } else {
      process.stdout.write(`${table(req)}\n`);
    }
  } catch (err) {
    // The engine's own checks (e.g. a game too large to analyse) are sentences too.
    process.stderr.write(`${USAGE}\n\n${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
