/**
 * The library API (`import { checkConformance } from 'hmm-model'`): the conformance check of
 * `hmm-check run` on any `World` (spec/world.ts) a caller builds, or on an implementation's
 * process (`command`, docs/protocol.md), with the options of `hmm-check run`; resolves to the
 * `ConformanceReport` that `hmm-check run --json` prints. A world that declares `observes` (part
 * of SPEC §7) is compared on that part and held to the rules reading only it; the others are
 * listed in `skippedRules`. Bad options throw a `RangeError`; a disagreement is a report, never
 * a throw.
 */
import { isWorldConfig, type World, type WorldConfig } from '../../spec/index.js';
import { PT_STRUCTURE } from '../runner/lockstep.js';
import { RULES, rulesFor } from '../rules/index.js';
import { ARTIFACT_WRITERS, htmlReportArtifact, writeArtifacts } from '../runner/artifacts.js';
import { DEFAULT_BUDGET, DEFAULT_WORLD, type RunBudget } from '../runner/config.js';
import { defaultParts } from '../runner/defaultParts.js';
import type { ConformanceParts, SkippedCheck } from '../runner/ports.js';
import type { Progress } from '../runner/progress.js';
import type { ConformanceReport } from '../runner/report.js';
import { runConformance } from '../runner/runConformance.js';
import { parseShard } from '../runner/shard.js';
import { DEFAULT_TIMEOUT_SECONDS, openImplementation, processParts } from '../protocol/index.js';

/** What to check and how much: the flags of `hmm-check run` as fields. */
export interface CheckOptions {
  /** Builds a fresh world per run (called once more first, to read its `observes`). */
  readonly impl?: (config: WorldConfig) => World;
  /** Or: the command of an implementation speaking docs/protocol.md (`--impl`). */
  readonly command?: string;
  /** Seconds to wait for each answer of `command` (`--impl-timeout`, default 10). */
  readonly timeoutSeconds?: number;
  /** fast-check's seed (default 2014). */
  readonly seed?: number;
  /** Runs, each on fresh worlds (default 3000). */
  readonly runs?: number;
  /** At most this many generated commands per run (default 200). */
  readonly steps?: number;
  /** Each run leaves out a random subset of command kinds. */
  readonly swarm?: boolean;
  /** Start no run after this many seconds (verdict `incomplete` if cut short). */
  readonly timeLimitSeconds?: number;
  /** Replay one case: fast-check's path and the commands' replay path, from a report. */
  readonly path?: string;
  readonly replayPath?: string;
  /** Run only shard `index` of `count` (1-based) of the runs, as `--shard i/n` (not with `path`). */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Write a counterexample's trace (`counterexample.ndjson`) and HTML report (`report.html`) here. */
  readonly out?: string;
  /** The world's configuration (default `{ devices: 2 }`). */
  readonly config?: WorldConfig;
  /** Receives progress at most every 250 ms. */
  readonly onProgress?: (p: Progress) => void;
}

function positiveInteger(name: string, v: number | undefined, max: number): void {
  if (v !== undefined && !(Number.isSafeInteger(v) && v >= 1 && v <= max)) throw new RangeError(`checkConformance: ${name} must be an integer from 1 to ${max}, not ${v}`);
}

/** The budget the options ask for; throws `RangeError` on a value `hmm-check run` would refuse. */
function budgetOf(o: CheckOptions): RunBudget {
  positiveInteger('runs', o.runs, 1e9);
  positiveInteger('steps', o.steps, 100_000);
  if (o.seed !== undefined && !Number.isSafeInteger(o.seed)) throw new RangeError(`checkConformance: seed must be an integer, not ${o.seed}`);
  if (o.timeLimitSeconds !== undefined && !(o.timeLimitSeconds > 0)) throw new RangeError(`checkConformance: timeLimitSeconds must be positive, not ${o.timeLimitSeconds}`);
  if (o.replayPath !== undefined && o.path === undefined) throw new RangeError('checkConformance: replayPath needs path');
  if (o.shard !== undefined) {
    const parsed = parseShard(`${o.shard.index}/${o.shard.count}`);
    if ('error' in parsed) throw new RangeError(`checkConformance: shard ${parsed.error}`);
    if (o.path !== undefined) throw new RangeError('checkConformance: a shard replays nothing: path names one run already');
  }
  return {
    seed: o.seed ?? DEFAULT_BUDGET.seed,
    runs: o.runs ?? DEFAULT_BUDGET.runs,
    steps: o.steps ?? DEFAULT_BUDGET.steps,
    swarm: o.swarm === true,
    ...(o.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: o.timeLimitSeconds }),
  };
}

/** The parts for a world built by `impl`: rules and skipped checks from what one world reports. */
function worldParts(impl: (config: WorldConfig) => World, config: WorldConfig): ConformanceParts {
  const probe = impl(config);
  const { checked, skipped } = rulesFor(RULES, probe.observes);
  const skippedRules: SkippedCheck[] = skipped.map((s) => ({ rule: s.rule, needs: s.missing }));
  if (probe.checkStructure === undefined) skippedRules.push({ rule: PT_STRUCTURE, needs: ['checkStructure'] });
  const base = defaultParts();
  return { model: base.model, impl, rules: checked, memory: base.memory!, coverage: base.coverage!, skippedRules };
}

/** Checks `options.impl` (or the process `options.command`) against the model of SPEC.md. */
export async function checkConformance(options: CheckOptions): Promise<ConformanceReport> {
  const budget = budgetOf(options);
  const config = options.config ?? DEFAULT_WORLD;
  if (!isWorldConfig(config)) throw new RangeError(`checkConformance: config.devices must be an integer from 1 to 8, not ${config.devices}`);
  if ((options.impl === undefined) === (options.command === undefined)) throw new RangeError('checkConformance: give exactly one of impl (a world factory) and command');
  const session = options.command === undefined ? undefined : openImplementation(options.command, options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS, config);
  try {
    const parts = session === undefined ? worldParts(options.impl!, config) : processParts(session);
    const report = await runConformance({
      parts, budget, config,
      ...(options.path === undefined ? {} : { path: options.path }),
      ...(options.replayPath === undefined ? {} : { replayPath: options.replayPath }),
      ...(options.shard === undefined ? {} : { shard: options.shard }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
    const cx = report.counterexample;
    if (cx === undefined) return report;
    // A world of the caller's cannot be named on hmm-check's command line: replay it through this function.
    const replay = session !== undefined ? cx.replay : `checkConformance({ impl, seed: ${cx.seed}, steps: ${budget.steps}${budget.swarm ? ', swarm: true' : ''}, path: '${cx.path}'${cx.replayPath === null ? '' : `, replayPath: '${cx.replayPath}'`} })`;
    const withReplay = { ...report, counterexample: { ...cx, replay } };
    if (options.out === undefined) return withReplay;
    const written = await writeArtifacts(options.out, withReplay, [...ARTIFACT_WRITERS, htmlReportArtifact(parts)]);
    return { ...withReplay, counterexample: { ...withReplay.counterexample, tracePath: written[0]! } };
  } finally {
    session?.close();
  }
}
