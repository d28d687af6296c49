/**
 * Runs the conformance check: fast-check's random runs with `fc.check` (not `assert`: it hands
 * back seed, path and the shrunk counterexample), then the guided share (properties/guided) from
 * the same seed; a counterexample from either is minimized by ddmin (properties/minimize) and
 * turned into a `ConformanceReport`. With shards, each shard runs its slice of the random runs
 * and the last shard also runs the guided share, so the shards together run the whole budget.
 */
import fc from 'fast-check';
import type { WorldConfig } from '../../spec/index.js';
import type { GenerationScope } from '../commands/index.js';
import { runGuided } from '../guided/guidedLoop.js';
import { minimizeFailure } from '../minimize/minimizeFailure.js';
import { DEFAULT_BUDGET, DEFAULT_GENERATION, DEFAULT_WORLD, type RunBudget } from './config.js';
import { counterexampleReport, type CounterexampleSource } from './counterexample.js';
import { ConformanceFailure } from './failure.js';
import { InterruptibleProperty } from './interruptible.js';
import type { ConformanceParts, CoverageSummary } from './ports.js';
import { ProgressMeter, type Progress } from './progress.js';
import { conformanceProperty, lockstepOf, type PropertyArgs } from './property.js';
import type { ConformanceReport, CounterexampleReport } from './report.js';
import { shardSlice, type Shard } from './shard.js';

/** What to check and how much. */
export interface ConformanceOptions {
  readonly parts: ConformanceParts;
  readonly budget?: RunBudget;
  readonly config?: WorldConfig;
  readonly scope?: GenerationScope;
  /** Replays one case: fast-check's `path` and the commands' `replayPath` (from a report); no guided runs then. */
  readonly path?: string;
  readonly replayPath?: string;
  /** Runs only this shard's slice of `budget.runs` (not with `path`); the last shard also runs the guided share. */
  readonly shard?: Shard;
  /** Receives progress at most every 250 ms. */
  readonly onProgress?: (p: Progress) => void;
  /** Stops the check when aborted (Ctrl-C): what ran is reported, verdict `incomplete`, `interrupted` set. */
  readonly signal?: AbortSignal;
  /**
   * Ends at the first counterexample as found: not shrunk, not minimized (mutation testing asks
   * for a verdict per mutant, thousands of times, not for a readable counterexample).
   */
  readonly firstFailureOnly?: boolean;
}

const NO_COVERAGE: CoverageSummary = { states: { reached: 0, total: 0, missing: [] }, transitions: { reached: 0, total: 0, missing: [] } };

/** A thrown value that is not a conformance failure is a bug of the checker: it goes on. */
function asFailure(e: unknown): ConformanceFailure {
  if (e instanceof ConformanceFailure) return e;
  throw e instanceof Error ? e : new Error(String(e));
}

/** What a phase did. */
interface Phase {
  readonly runs: number;
  readonly interrupted: boolean;
  readonly counterexample?: CounterexampleReport;
}

type Minimize = (f: ConformanceFailure) => Pick<CounterexampleSource, 'failure' | 'minimization'>;

async function randomPhase(o: ConformanceOptions, budget: RunBudget, config: WorldConfig, scope: GenerationScope, meter: ProgressMeter, minimize: Minimize): Promise<Phase> {
  const property = conformanceProperty(o.parts, {
    config, scope, steps: budget.steps, swarm: budget.swarm,
    ...(o.replayPath === undefined ? {} : { replayPath: o.replayPath }),
    onRun: (n) => meter.tick(n),
  });
  const slice = o.shard === undefined ? null : shardSlice(budget.runs, o.shard);
  const params = {
    seed: budget.seed,
    numRuns: slice === null ? budget.runs : slice.runs,
    ...(slice === null || slice.first === 0 ? {} : { path: `${slice.first}` }),
    ...(o.path === undefined ? {} : { path: o.path, endOnFailure: true }),
    ...(o.firstFailureOnly === true ? { endOnFailure: true } : {}),
  };
  if (params.numRuns <= 0) return { runs: 0, interrupted: false };
  const details = o.signal === undefined
    ? fc.check(property, { ...params, ...(budget.timeLimitSeconds === undefined ? {} : { interruptAfterTimeLimit: budget.timeLimitSeconds * 1000 }) })
    : await fc.check(new InterruptibleProperty(property, { signal: o.signal, ...(budget.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: budget.timeLimitSeconds }) }), params);
  if (!details.failed) return { runs: details.numRuns, interrupted: details.interrupted };
  const counterexample = counterexampleReport({
    ...minimize(asFailure(details.errorInstance)), config, budget, seed: details.seed, path: details.counterexamplePath ?? '',
    args: details.counterexample as PropertyArgs | null, shrinks: details.numShrinks,
    ...(o.parts.mutant === undefined ? {} : { mutant: o.parts.mutant }),
    ...(o.parts.replayFlags === undefined ? {} : { flags: o.parts.replayFlags }),
  });
  return { runs: details.numRuns, interrupted: details.interrupted, counterexample };
}

/** Checks the implementation against the model; never throws for a disagreement (only for a bug of the checker). */
export async function runConformance(o: ConformanceOptions): Promise<ConformanceReport> {
  const budget = o.budget ?? DEFAULT_BUDGET;
  const config = o.config ?? DEFAULT_WORLD;
  const scope = o.scope ?? { ...DEFAULT_GENERATION, devices: config.devices };
  const coverage = (): CoverageSummary => o.parts.coverage?.summary() ?? NO_COVERAGE;
  const meter = new ProgressMeter(coverage, o.onProgress);
  if (o.shard !== undefined && o.path !== undefined) throw new RangeError('runConformance: a shard and a replay path exclude each other');
  const deadline = budget.timeLimitSeconds === undefined ? undefined : performance.now() + budget.timeLimitSeconds * 1000;
  const minimize: Minimize = (f) => {
    if (o.firstFailureOnly === true) {
      const n = f.transcript.length;
      return { failure: f, minimization: { fromLength: n, toLength: n, tests: 0, oneMinimal: false } };
    }
    const m = minimizeFailure(f, () => lockstepOf(o.parts, config));
    return { failure: m.failure, minimization: { fromLength: m.fromLength, toLength: m.commands.length, tests: m.tests, oneMinimal: m.oneMinimal } };
  };
  const random = await randomPhase(o, budget, config, scope, meter, minimize);
  let { runs, interrupted, counterexample } = random;
  let guided: ConformanceReport['guided'];
  const guidedRuns = budget.guidedRuns ?? 0;
  const lastShard = o.shard === undefined || o.shard.index === o.shard.count;
  if (counterexample === undefined && !interrupted && guidedRuns > 0 && o.path === undefined && lastShard) {
    const g = runGuided({
      scope, steps: budget.steps, runs: guidedRuns, seed: budget.seed, system: () => lockstepOf(o.parts, config),
      ...(deadline === undefined ? {} : { deadline }), ...(o.signal === undefined ? {} : { signal: o.signal }), onRun: (n) => meter.tick(n),
    });
    runs += g.runs;
    interrupted = g.interrupted;
    guided = { runs: g.runs, features: g.features, corpus: g.corpus };
    if (g.failure !== undefined) {
      counterexample = counterexampleReport({
        ...minimize(g.failure), config, budget, seed: budget.seed, path: '', args: null, shrinks: 0, guidedRun: g.failedRun!,
        ...(o.parts.mutant === undefined ? {} : { mutant: o.parts.mutant }),
        ...(o.parts.replayFlags === undefined ? {} : { flags: o.parts.replayFlags }),
      });
    }
  }
  const elapsedMs = meter.elapsedMs();
  const base = {
    seed: budget.seed,
    budget: { runs: budget.runs, steps: budget.steps, swarm: budget.swarm, timeLimitSeconds: budget.timeLimitSeconds ?? null, guidedRuns },
    runs,
    ...(guided === undefined ? {} : { guided }),
    commands: meter.commands,
    commandsPerSecond: elapsedMs > 0 ? Math.round((meter.commands * 1000) / elapsedMs) : 0,
    elapsedSeconds: Math.round(elapsedMs) / 1000,
    coverage: coverage(),
    ...(o.parts.mutant === undefined ? {} : { mutant: o.parts.mutant }),
    ...(o.shard === undefined ? {} : { shard: { index: o.shard.index, count: o.shard.count } }),
    ...(o.parts.implementation === undefined ? {} : { implementation: o.parts.implementation }),
    ...(o.parts.skippedRules === undefined ? {} : { skippedRules: o.parts.skippedRules }),
    ...(o.signal?.aborted === true && interrupted ? { interrupted: true as const } : {}),
  };
  if (counterexample !== undefined) return { verdict: 'counterexample', ...base, counterexample };
  return { verdict: interrupted ? 'incomplete' : 'pass', ...base };
}
