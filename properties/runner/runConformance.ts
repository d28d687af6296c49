/**
 * Runs the conformance check with `fc.check` (not `assert`: it hands back seed, path and the
 * shrunk counterexample) and turns the outcome into a `ConformanceReport`.
 */
import fc from 'fast-check';
import type { WorldConfig } from '../../spec/index.js';
import type { GenerationScope } from '../commands/index.js';
import { DEFAULT_BUDGET, DEFAULT_GENERATION, DEFAULT_WORLD, type RunBudget } from './config.js';
import { counterexampleReport } from './counterexample.js';
import { ConformanceFailure } from './failure.js';
import { InterruptibleProperty } from './interruptible.js';
import type { ConformanceParts, CoverageSummary } from './ports.js';
import { ProgressMeter, type Progress } from './progress.js';
import { conformanceProperty, type PropertyArgs } from './property.js';
import type { ConformanceReport } from './report.js';
import { shardSlice, type Shard } from './shard.js';

/** What to check and how much. */
export interface ConformanceOptions {
  readonly parts: ConformanceParts;
  readonly budget?: RunBudget;
  readonly config?: WorldConfig;
  readonly scope?: GenerationScope;
  /** Replays one case: fast-check's `path` and the commands' `replayPath` (from a report). */
  readonly path?: string;
  readonly replayPath?: string;
  /** Runs only this shard's slice of `budget.runs` (not with `path`). */
  readonly shard?: Shard;
  /** Receives progress at most every 250 ms. */
  readonly onProgress?: (p: Progress) => void;
  /** Stops the check when aborted (Ctrl-C): what ran is reported, verdict `incomplete`, `interrupted` set. */
  readonly signal?: AbortSignal;
}

const NO_COVERAGE: CoverageSummary = { states: { reached: 0, total: 0, missing: [] }, transitions: { reached: 0, total: 0, missing: [] } };

/** Checks the implementation against the model; never throws for a disagreement (only for a bug of the checker). */
export async function runConformance(o: ConformanceOptions): Promise<ConformanceReport> {
  const budget = o.budget ?? DEFAULT_BUDGET;
  const config = o.config ?? DEFAULT_WORLD;
  const coverage = (): CoverageSummary => o.parts.coverage?.summary() ?? NO_COVERAGE;
  const meter = new ProgressMeter(coverage, o.onProgress);
  const property = conformanceProperty(o.parts, {
    config,
    scope: o.scope ?? { ...DEFAULT_GENERATION, devices: config.devices },
    steps: budget.steps,
    swarm: budget.swarm,
    ...(o.replayPath === undefined ? {} : { replayPath: o.replayPath }),
    onRun: (n) => meter.tick(n),
  });
  if (o.shard !== undefined && o.path !== undefined) throw new RangeError('runConformance: a shard and a replay path exclude each other');
  const slice = o.shard === undefined ? null : shardSlice(budget.runs, o.shard);
  const params = {
    seed: budget.seed,
    numRuns: slice === null ? budget.runs : slice.runs,
    ...(slice === null || slice.first === 0 ? {} : { path: `${slice.first}` }),
    ...(o.path === undefined ? {} : { path: o.path, endOnFailure: true }),
  };
  const details = o.signal === undefined
    ? fc.check(property, { ...params, ...(budget.timeLimitSeconds === undefined ? {} : { interruptAfterTimeLimit: budget.timeLimitSeconds * 1000 }) })
    : await fc.check(new InterruptibleProperty(property, { signal: o.signal, ...(budget.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: budget.timeLimitSeconds }) }), params);
  const elapsedMs = meter.elapsedMs();
  const base = {
    seed: details.seed,
    budget: { runs: budget.runs, steps: budget.steps, swarm: budget.swarm, timeLimitSeconds: budget.timeLimitSeconds ?? null },
    runs: details.numRuns,
    commands: meter.commands,
    commandsPerSecond: elapsedMs > 0 ? Math.round((meter.commands * 1000) / elapsedMs) : 0,
    elapsedSeconds: Math.round(elapsedMs) / 1000,
    coverage: coverage(),
    ...(o.parts.mutant === undefined ? {} : { mutant: o.parts.mutant }),
    ...(o.shard === undefined ? {} : { shard: { index: o.shard.index, count: o.shard.count } }),
    ...(o.parts.implementation === undefined ? {} : { implementation: o.parts.implementation }),
    ...(o.parts.skippedRules === undefined ? {} : { skippedRules: o.parts.skippedRules }),
    ...(o.signal?.aborted === true && details.interrupted ? { interrupted: true as const } : {}),
  };
  if (!details.failed) return { verdict: details.interrupted ? 'incomplete' : 'pass', ...base };
  const failure = details.errorInstance;
  if (!(failure instanceof ConformanceFailure)) throw failure instanceof Error ? failure : new Error(String(failure));
  const counterexample = counterexampleReport({
    failure,
    config,
    budget,
    seed: details.seed,
    path: details.counterexamplePath ?? '',
    args: details.counterexample as PropertyArgs | null,
    shrinks: details.numShrinks,
    ...(o.parts.mutant === undefined ? {} : { mutant: o.parts.mutant }),
    ...(o.parts.replayFlags === undefined ? {} : { flags: o.parts.replayFlags }),
  });
  return { verdict: 'counterexample', ...base, counterexample };
}
