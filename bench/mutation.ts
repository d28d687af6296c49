/**
 * `npm run mutation`: runs StrykerJS (stryker.config.mjs) over impl/, times it, prints the
 * figures of its report with the survivors' ledger (bench/mutation-survivors.md, see
 * mutationFigures.ts) and merges them into bench/results.json. Extra arguments go to Stryker
 * (`npm run mutation -- --mutate impl/hmm/fault.ts` for one file: then nothing is merged;
 * `--incremental` reuses the last run's results and still merges). `npm run mutation --
 * --report-only [--wall-seconds N]` runs nothing: it reads the last report (after editing the
 * ledger, say), with the wall time given (Stryker 9's JSON report does not record it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mutationFigures, survivors, type MutationReport } from './mutationFigures.js';

const REPORT = 'reports/mutation/mutation.json';
const LEDGER = 'bench/mutation-survivors.md';
const RESULTS = 'bench/results.json';

const args = process.argv.slice(2);
const reportOnly = args.includes('--report-only');
/** With --report-only: the wall time of a run made outside `npm run mutation` (Stryker's report does not keep it). */
const wallAt = args.indexOf('--wall-seconds');
const givenWall = wallAt >= 0 ? Number(args[wallAt + 1]) : undefined;
if (givenWall !== undefined && !(Number.isInteger(givenWall) && givenWall > 0)) {
  console.error(`mutation: --wall-seconds wants a positive whole number of seconds, got '${args[wallAt + 1] ?? ''}'`);
  process.exit(2);
}
const extra = args.filter((a, i) => a !== '--report-only' && (wallAt < 0 || (i !== wallAt && i !== wallAt + 1)));
/** Arguments that keep the run whole, so its figures may be merged. */
const WHOLE = new Set(['--incremental']);
let wallSeconds: number | undefined = givenWall;
if (!reportOnly) {
  const started = performance.now();
  const run = spawnSync('npx', ['stryker', 'run', ...extra], { stdio: 'inherit' });
  wallSeconds = Math.round((performance.now() - started) / 1000);
  if (run.status !== 0 || !existsSync(REPORT)) {
    console.error(`mutation: stryker exited with ${run.status ?? run.signal}; no figures`);
    process.exit(run.status === 0 ? 1 : (run.status ?? 1));
  }
} else if (!existsSync(REPORT)) {
  console.error(`mutation: --report-only: no report at ${REPORT}; run \`npm run mutation\` first`);
  process.exit(2);
}
const report = JSON.parse(readFileSync(REPORT, 'utf8')) as MutationReport;
const ledger = existsSync(LEDGER) ? readFileSync(LEDGER, 'utf8') : '';
const f = mutationFigures(report, ledger);
console.log(`mutation: ${f.mutationMutants} mutants, ${f.mutationKilled} killed, ${f.mutationTimedOut} timed out, ${f.mutationSurvived} survived, ${f.mutationNoCoverage} not covered, ${f.mutationEquivalent} equivalent (${LEDGER})`);
console.log(`mutation score ${(100 * f.mutationScore).toFixed(1)}% = detected / (all - equivalent), wall time ${wallSeconds ?? '?'} s`);
const unaccounted = survivors(report).length - f.mutationEquivalent;
if (f.mutationUnaccounted > 0) console.log(`${f.mutationUnaccounted} of ${unaccounted} non-equivalent survivors have no row in ${LEDGER} yet`);
if (extra.every((a) => WHOLE.has(a))) {
  const old = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
  const wall = wallSeconds === undefined ? {} : { mutationWallSeconds: wallSeconds };
  writeFileSync(RESULTS, `${JSON.stringify({ ...old, ...f, ...wall }, null, 2)}\n`);
  console.log(`merged the mutation figures into ${RESULTS}`);
}
