/**
 * The same states, levels and verdict for any number of workers (the item 5): one
 * worker in this thread, three interleaved in this thread chunk by chunk, and two worker
 * threads (run from a fresh build of the sources, as the compiled CLI runs them) find the same
 * fingerprints at every depth in the same order, and the same shortest counterexample.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { explore } from '../../../properties/explorer/explore.js';
import { FingerprintSet } from '../../../properties/explorer/fingerprintSet.js';
import { newLevel } from '../../../properties/explorer/levels.js';
import type { ExploreOutcome } from '../../../properties/explorer/outcome.js';
import type { Scope } from '../../../properties/explorer/scope.js';
import { search, type SearchInput } from '../../../properties/explorer/search.js';
import type { SystemSpec } from '../../../properties/explorer/systemSpec.js';
import { startThreadPool } from '../../../properties/explorer/threadPool.js';
import { lockstepParts, SMALL_SCOPE } from './helpers.js';

const BUILD = join(process.cwd(), 'node_modules', '.cache', 'hmm-explorer-workers-test');
const WORKER = pathToFileURL(join(BUILD, 'properties', 'explorer', 'worker.js'));

interface Run {
  readonly levels: string[][];
  readonly outcome: ExploreOutcome;
}

/** A search of `scope` with `how` workers; every level's fingerprints, in order. */
async function run(scope: Scope, spec: SystemSpec, maxDepth: number, how: 'one' | 'three inline' | 'two threads'): Promise<Run> {
  const levels: string[][] = [];
  const input: SearchInput = {
    scope, parts: lockstepParts(spec.mutant), limits: { maxDepth }, reduction: true,
    onLevel: (depth, hi, lo) => void (levels[depth] = Array.from(hi, (h, i) => `${h}:${lo[i]}`)),
    ...(how === 'three inline' ? { inlineWorkers: 3 } : {}),
    ...(how === 'two threads' ? { threads: (setup) => startThreadPool(2, scope, spec, true, setup, WORKER) } : {}),
  };
  return { levels, outcome: await search(input) };
}

describe('workers', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', BUILD], { stdio: 'inherit' });
  }, 120_000);

  it('one, three interleaved and two threads find the same states at every depth, in the same order', async () => {
    const [one, three, two] = await Promise.all([
      run(SMALL_SCOPE, { mode: 'lockstep' }, 5, 'one'),
      run(SMALL_SCOPE, { mode: 'lockstep' }, 5, 'three inline'),
      run(SMALL_SCOPE, { mode: 'lockstep' }, 5, 'two threads'),
    ]);
    expect(one.outcome.verdict).toBe('bounded');
    for (const other of [three, two]) {
      expect(other.levels).toEqual(one.levels);
      expect(other.outcome.verdict).toBe(one.outcome.verdict);
      expect(other.outcome.stats.states).toBe(one.outcome.stats.states);
      expect(other.outcome.stats.transitions).toBe(one.outcome.stats.transitions);
    }
    expect(two.outcome.stats.workers).toBe(2);
    expect(three.outcome.stats.workers).toBe(3);
  });

  it('explore() on two threads gives the verdict and figures of one', async () => {
    const one = await explore({ scope: SMALL_SCOPE, spec: { mode: 'lockstep' }, limits: { maxDepth: 4 }, workers: 1, reduction: true });
    const two = await explore({ scope: SMALL_SCOPE, spec: { mode: 'lockstep' }, limits: { maxDepth: 4 }, workers: 2, reduction: true, workerUrl: WORKER });
    expect([two.verdict, two.stats.states, two.stats.newStates, two.stats.workers]).toEqual([one.verdict, one.stats.states, one.stats.newStates, 2]);
  });

  it('a pool whose workers cannot build their worlds fails to start, with their error', async () => {
    const setup = { table: FingerprintSet.create(16), control: new Int32Array(new SharedArrayBuffer(12)), levels: [newLevel(1)] };
    await expect(startThreadPool(2, SMALL_SCOPE, { mode: 'lockstep', mutant: 'nope' }, true, setup, WORKER)).rejects.toThrow(/unknown mutant 'nope'/);
  });

  it('and the same shortest counterexample', async () => {
    const spec: SystemSpec = { mode: 'lockstep', mutant: 'fenceUnrefTwice' };
    const runs = await Promise.all((['one', 'three inline', 'two threads'] as const).map((how) => run(SMALL_SCOPE, spec, 8, how)));
    const steps = runs.map((r) => (r.outcome.verdict === 'counterexample' ? JSON.stringify(r.outcome.counterexample) : r.outcome.verdict));
    expect(runs[0]!.outcome.verdict).toBe('counterexample');
    expect(steps[1]).toBe(steps[0]);
    expect(steps[2]).toBe(steps[0]);
  });
});
