/**
 * Prints the checker's code coverage per top folder (impl/, model/) from a v8 json-summary,
 * for `npm run coverage:checker`. Goal (issue: code coverage): >= 95% of impl/ lines and
 * >= 90% of its branches reached by the default run alone, mutant variants excluded.
 */
import { readFileSync } from 'node:fs';

interface Counts { covered: number; total: number }
type Summary = Record<string, { lines: Counts; branches: Counts }>;

const file = process.argv[2] ?? 'coverage/checker/coverage-summary.json';
const summary = JSON.parse(readFileSync(file, 'utf8')) as Summary;
const folders = new Map<string, { lines: Counts; branches: Counts }>();
for (const [path, v] of Object.entries(summary)) {
  if (path === 'total') continue;
  const top = /\/(impl|model)\//.exec(path)?.[1] ?? 'other';
  const acc = folders.get(top) ?? { lines: { covered: 0, total: 0 }, branches: { covered: 0, total: 0 } };
  acc.lines.covered += v.lines.covered; acc.lines.total += v.lines.total;
  acc.branches.covered += v.branches.covered; acc.branches.total += v.branches.total;
  folders.set(top, acc);
}
const pct = (c: Counts): string => `${((100 * c.covered) / Math.max(1, c.total)).toFixed(1)}% (${c.covered}/${c.total})`;
console.log('coverage reached by the default `hmm-check run` alone:');
for (const [top, c] of [...folders].sort()) console.log(`  ${top.padEnd(6)} lines ${pct(c.lines)}, branches ${pct(c.branches)}`);
