// `npm run scenario -- FILE [FILE…]`: checks scenario files as a facilitator writes them and
// prints either every problem (path and sentence) or a summary with the power map.
// Exit codes: 0 every file is valid, 1 some file has problems, 2 bad arguments.
import { readFileSync } from 'node:fs';
import { powerMap } from '../shared/engine/power';
import { bestRoundGain, bestTerms } from '../shared/engine/scoring';
import { formatProblems, parseScenario } from '../shared/scenarios/schema';
import { teachingChecks } from '../shared/studio/teaching';

const USAGE = `Usage: npm run scenario -- FILE.json [MORE.json …]

Checks scenario files and lists every problem with its path, e.g.
  roles[2].power: must be a positive integer
For a valid file it prints the roles, the power map, the best package and the teaching
numbers of DESIGN 7 (as the scenario studio shows them).`;

function check(file: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    return false;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    console.error(`${file}: is not valid JSON (${(error as Error).message}).`);
    return false;
  }
  const result = parseScenario(json);
  if (!result.ok) {
    console.error(`${file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
    console.error(formatProblems(result.problems).replace(/^/gm, '  '));
    return false;
  }
  const s = result.scenario;
  const map = powerMap(
    { weights: s.roles.map((r) => r.power), quota: s.quota, veto: s.roles.flatMap((r, i) => (r.veto ? [i] : [])) },
    20,
  );
  const total = s.roles.reduce((a, r) => a + r.power, 0);
  console.log(
    `${file}: valid — "${s.name}", ${s.roles.length} roles, ${s.issues.length} issues, quota ${s.quota} of ${total}, rounds ${s.rounds.min}–${s.rounds.max}`,
  );
  const width = Math.max(...s.roles.map((r) => r.name.length));
  console.log(
    `  ${'role'.padEnd(width)}  power  walk-away  Shapley–Shubik  Banzhaf${s.roles.some((r) => r.veto) ? '  veto' : ''}`,
  );
  s.roles.forEach((r, i) => {
    console.log(
      `  ${r.name.padEnd(width)}  ${String(r.power).padStart(5)}  ${String(r.walkAway).padStart(9)}  ${(map.shapleyShubik[i] * 100).toFixed(1).padStart(13)}%  ${(map.banzhaf[i] * 100).toFixed(1).padStart(6)}%${r.veto ? '  yes' : ''}`,
    );
  });
  const name = (i: number) => s.roles[i].name;
  console.log(`  minimal winning coalitions${map.minimalWinningTruncated ? ' (first 20)' : ''}:`);
  for (const c of map.minimalWinning) console.log(`    ${c.map(name).join(' + ')}`);
  const best = bestTerms(s);
  console.log(
    `  best package for the table: ${Object.entries(best.terms)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')} (worth ${best.value} a round to the table; prize ${s.prize})`,
  );
  console.log(`  most the table can gain over its walk-aways in a round: ${bestRoundGain(s)}`);
  // The scenario studio's teaching numbers (DESIGN 7), from the same code.
  console.log('  does it teach?');
  for (const t of teachingChecks(s)) {
    const mark = t.ok === true ? 'yes' : t.ok === false ? 'NO ' : ' - ';
    console.log(`    ${mark} ${t.title}: ${t.sentence}`);
  }
  return true;
}

const files = process.argv.slice(2);
if (files.length === 0 || files.some((f) => f === '-h' || f === '--help')) {
  (files.length === 0 ? console.error : console.log)(USAGE);
  process.exit(files.length === 0 ? 2 : 0);
}
let ok = true;
for (const file of files) ok = check(file) && ok;
process.exit(ok ? 0 : 1);
