/**
 * One hunt for one mutant: fast-check with the given budget against a world built with the
 * mutant, either in lockstep with the model (`conformance`) or alone under the rules (`rules`).
 * Says whether it was killed, by what (a rule, or an observation or result mismatch), how long
 * the first failure took and how long the shrunk counterexample is.
 */
import fc from 'fast-check';
import { createImplWorld } from '../../impl/index.js';
import type { MutantApply } from '../../impl/mutants/index.js';
import { createModelWorld } from '../../model/index.js';
import type { CommandName, WorldConfig } from '../../spec/index.js';
import type { GenerationScope } from '../commands/index.js';
import { MemoryIsMemory, RULES } from '../rules/index.js';
import { ConformanceFailure, formatProgram, Lockstep, type FailureDetails, type RunBudget } from '../runner/index.js';
import { FirstFailure, mutantProperty, type DrainableSystem } from './mutantProperty.js';
import { RulesAlone, RulesFailure } from './rulesAlone.js';

/** With the model (every check of `hmm-check run`) or the rules alone (no model). */
export type HuntMode = 'conformance' | 'rules';

/** Where and how long to hunt. */
export interface HuntSettings {
  readonly budget: RunBudget;
  readonly config: WorldConfig;
  readonly scope: GenerationScope;
  readonly leftOut: readonly CommandName[];
}

/** What one hunt found. */
export interface HuntOutcome {
  readonly killed: boolean;
  /** `observation`, `result`, `crash`, or the rule that broke first; null if it survived. */
  readonly killedBy: string | null;
  /** Every rule broken by the shrunk counterexample's failing command (rules mode), else [killedBy]. */
  readonly rules: readonly string[];
  /** Milliseconds to the first failure, before shrinking. */
  readonly msToKill: number | null;
  /** Commands in the shrunk counterexample, up to the failing one (drain included). */
  readonly shrunkLength: number | null;
  /** The shrunk program, one call per line, and what broke. */
  readonly program: readonly string[];
  readonly message: string | null;
  readonly runs: number;
  readonly elapsedMs: number;
}

/** What a failure is credited to: the rule, or the kind of mismatch. */
export function killerOf(d: FailureDetails): string {
  if (d.kind === 'rule' || d.kind === 'drainable') return d.rule ?? d.kind;
  return d.kind;
}

function systemFor(apply: MutantApply, mode: HuntMode, config: WorldConfig): () => DrainableSystem {
  const impl = (): ReturnType<typeof createImplWorld> => createImplWorld(config, apply);
  if (mode === 'rules') return () => new RulesAlone(impl(), RULES, new MemoryIsMemory());
  return () => new Lockstep(createModelWorld(config), impl(), RULES, new MemoryIsMemory());
}

/** Hunts the mutant whose options are `apply`. */
export function hunt(apply: MutantApply, mode: HuntMode, s: HuntSettings): HuntOutcome {
  const first = new FirstFailure();
  const started = performance.now();
  const property = mutantProperty({ scope: s.scope, steps: s.budget.steps, leftOut: s.leftOut, system: systemFor(apply, mode, s.config) }, first);
  const details = fc.check(property, {
    seed: s.budget.seed,
    numRuns: s.budget.runs,
    ...(s.budget.timeLimitSeconds === undefined ? {} : { interruptAfterTimeLimit: s.budget.timeLimitSeconds * 1000 }),
  });
  const base = { runs: details.numRuns, elapsedMs: performance.now() - started };
  if (!details.failed) return { killed: false, killedBy: null, rules: [], msToKill: null, shrunkLength: null, program: [], message: null, ...base };
  const failure = details.errorInstance;
  if (!(failure instanceof ConformanceFailure)) throw failure instanceof Error ? failure : new Error(String(failure));
  const d = failure.details;
  const length = d.at ?? failure.transcript.length;
  const killedBy = killerOf(d);
  return {
    killed: true,
    killedBy,
    rules: failure instanceof RulesFailure ? failure.rules : [killedBy],
    msToKill: first.ms ?? base.elapsedMs,
    shrunkLength: length,
    program: programOf(failure, mode),
    message: d.message,
    ...base,
  };
}

/** The shrunk program as printed: the model's results with the model, the implementation's alone. */
function programOf(f: ConformanceFailure, mode: HuntMode): string[] {
  const entries = mode === 'rules' ? f.transcript.map((e) => (e.impl === undefined ? { command: e.command } : { command: e.command, model: e.impl })) : f.transcript;
  const at = f.details.at;
  return formatProgram(entries, at === undefined ? undefined : at - 1, f.details.message);
}
