/**
 * The explorer's figures (issue 10), printed and returned for bench/results.json:
 * - `explorerStatesPerSecond`, `explorerDepth`: the main job as `npm start` runs it: the random
 *   check (`hmm-check run`'s code, timed), then the exploration of the default scope on 2
 *   workers in the time left of its budget: distinct states per second (lockstep and every
 *   check included) and the depth it completes (goals: 100,000/s, depth 8 or exhausted);
 * - `explorerSpeedupTwoWorkers`: states/s on 2 worker threads (the main job's exploration) over
 *   1, both to depth 8;
 * - `explorerContextBoundedLength`: in the races scope with at most 2 preemptions, every
 *   schedule is explored to its end; each complete one is at least this many commands (goal 14);
 * - `explorerMutantsFound`: mutants the exploration of the default scope finds within the
 *   main job's budget (goal 28 of the 33 the issue counted; there are 35 now), and
 *   `explorerMutantsFoundWithRaces`: adding the context-bounded races scope with the main
 *   job's bound (`CHECK_PREEMPTIONS`).
 * The machine is shared: the load average is printed with the figures.
 */
import { loadavg } from 'node:os';
import { MUTANTS } from '../impl/mutants/index.js';
import { CHECK_BUDGET_SECONDS, CHECK_PREEMPTIONS } from '../properties/cli/check.js';
import { DEFAULT_DEPTH } from '../properties/cli/explore.js';
import { runRun } from '../properties/cli/run.js';
import { exploreThreads, threadScopeOf } from '../properties/explorer/contextBound.js';
import { explore } from '../properties/explorer/explore.js';
import type { ExploreOutcome } from '../properties/explorer/outcome.js';
import { parseScope, type Scope } from '../properties/explorer/scope.js';
import { DEFAULT_SCOPE_FILE, RACES_SCOPE_FILE, readScopeFile } from '../properties/explorer/scopeFile.js';
import { loadParts } from '../properties/explorer/systemSpec.js';

/** The explorer's figures. */
export interface ExplorerFigures {
  readonly explorerStatesPerSecond: number;
  readonly explorerDepth: number;
  readonly explorerSpeedupTwoWorkers: number;
  readonly explorerContextBoundedLength: number;
  readonly explorerMutantsFound: number;
  readonly explorerMutantsFoundWithRaces: number;
}

const load = (): string => loadavg().map((x) => x.toFixed(2)).join(', ');

function bfs(scope: Scope, maxDepth: number, workers: number, timeLimitMs?: number, mutant?: string): Promise<ExploreOutcome> {
  return explore({
    scope, spec: { mode: 'lockstep', ...(mutant === undefined ? {} : { mutant }) }, workers, reduction: true,
    limits: { maxDepth, ...(timeLimitMs === undefined ? {} : { timeLimitMs }) },
  });
}

/** Runs every measure; `mutants: false` leaves the mutant sweep out (it takes minutes). */
export async function benchExplorer(log: (line: string) => void = console.log, o: { mutants?: boolean } = {}): Promise<ExplorerFigures> {
  const scope = parseScope(readScopeFile(DEFAULT_SCOPE_FILE), DEFAULT_SCOPE_FILE);
  log(`explorer: load average ${load()} (1, 5, 15 min) on a shared machine`);
  const started = performance.now();
  await runRun([], { parts: async () => (await import('../properties/runner/defaultParts.js')).defaultParts(), stdout: () => {}, stderr: { isTTY: false, write: () => {} } });
  const runSeconds = (performance.now() - started) / 1000;
  const left = Math.max(10, CHECK_BUDGET_SECONDS - runSeconds) * 1000;
  const main = await bfs(scope, DEFAULT_DEPTH, 2, left);
  log(`explorer: main job: random check ${runSeconds.toFixed(1)} s, then ${main.verdict}, depth ${main.stats.depthCompleted}, ${main.stats.states} states in ${(main.stats.elapsedMs / 1000).toFixed(1)} s on 2 workers (load ${load()})`);
  const explorerStatesPerSecond = Math.round(main.stats.statesPerSecond);
  const explorerDepth = main.stats.depthCompleted;
  log(`explorerStatesPerSecond: ${explorerStatesPerSecond} (goal >= 100000); explorerDepth: ${explorerDepth} (goal >= 8, or exhausted)`);
  const one = await bfs(scope, main.stats.depthCompleted, 1);
  const explorerSpeedupTwoWorkers = main.stats.statesPerSecond / one.stats.statesPerSecond;
  log(`explorerSpeedupTwoWorkers: ${explorerSpeedupTwoWorkers.toFixed(2)} (depth ${main.stats.depthCompleted}: ${Math.round(one.stats.statesPerSecond)} states/s on 1 worker, ${explorerStatesPerSecond} on 2; ideal 2.0; load ${load()})`);
  const races = threadScopeOf(readScopeFile(RACES_SCOPE_FILE), RACES_SCOPE_FILE);
  const cb = exploreThreads(races, await loadParts({ mode: 'lockstep' }), 2, { maxDepth: 10_000 });
  const explorerContextBoundedLength = cb.stats.shortestSchedule ?? 0;
  log(`explorerContextBoundedLength: ${explorerContextBoundedLength} (races scope, at most 2 preemptions: ${cb.verdict}, ${cb.stats.states} configurations, every complete schedule at least that long; goal >= 14)`);
  if (o.mutants === false) return { explorerStatesPerSecond, explorerDepth, explorerSpeedupTwoWorkers, explorerContextBoundedLength, explorerMutantsFound: NaN, explorerMutantsFoundWithRaces: NaN };
  let found = 0;
  let withRaces = 0;
  for (const m of MUTANTS) {
    const r = await bfs(scope, DEFAULT_DEPTH, 2, left, m.name);
    const byRaces = r.verdict !== 'counterexample' && exploreThreads(races, await loadParts({ mode: 'lockstep', mutant: m.name }), CHECK_PREEMPTIONS, { maxDepth: 10_000 }).verdict === 'counterexample';
    if (r.verdict === 'counterexample') found++;
    if (r.verdict === 'counterexample' || byRaces) withRaces++;
    const what = r.verdict === 'counterexample' ? `${r.counterexample.steps.length} commands (${r.counterexample.rule})` : `${r.verdict} at depth ${r.stats.depthCompleted}${byRaces ? '; found by the races scope' : ''}`;
    log(`  ${m.name}: ${what}, ${(r.stats.elapsedMs / 1000).toFixed(1)} s`);
  }
  log(`explorerMutantsFound: ${found}/${MUTANTS.length} (goal >= 28); with the races scope: ${withRaces}/${MUTANTS.length} (load ${load()})`);
  return { explorerStatesPerSecond, explorerDepth, explorerSpeedupTwoWorkers, explorerContextBoundedLength, explorerMutantsFound: found, explorerMutantsFoundWithRaces: withRaces };
}
