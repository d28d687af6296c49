/**
 * One hunt for one mutant, as `npm start` would run it: fast-check's random runs, then the guided
 * share (properties/guided), against a world built with the mutant, either in lockstep with the
 * model (`conformance`) or alone under the rules (`rules`). The counterexample is minimized by
 * ddmin (properties/minimize). Says whether it was killed, by what (a rule, or an observation or
 * result mismatch), which generation found it, how long the first failure took and how long the
 * minimized counterexample is.
 */
import fc from 'fast-check';
import { createImplWorld } from '../../impl/index.js';
import type { MutantApply } from '../../impl/mutants/index.js';
import { createModelWorld } from '../../model/index.js';
import type { Command, CommandName, WorldConfig } from '../../spec/index.js';
import type { GenerationScope } from '../commands/index.js';
import { MemoryIsMemory, RULES } from '../rules/index.js';
import { ConformanceFailure, formatProgram, Lockstep, type FailureDetails, type RunBudget } from '../runner/index.js';
import { runGuided, type ObservedSystem } from '../guided/index.js';
import { minimizeFailure } from '../minimize/index.js';
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
  /** Every rule broken by the minimized counterexample's failing command (rules mode), else [killedBy]. */
  readonly rules: readonly string[];
  /** Milliseconds to the first failure, before shrinking. */
  readonly msToKill: number | null;
  /** Commands in the minimized counterexample, up to the failing one (drain included). */
  readonly shrunkLength: number | null;
  /** `random` (fast-check) or `guided` (the guided share): which generation found it. */
  readonly foundBy: 'random' | 'guided' | null;
  /** The minimized program, one call per line, and what broke. */
  readonly program: readonly string[];
  /** The minimized program's commands (the drain's not included), and its failure. */
  readonly commands: readonly Command[];
  readonly failure: FailureDetails | null;
  readonly message: string | null;
  readonly runs: number;
  readonly elapsedMs: number;
}

/** What a failure is credited to: the rule, or the kind of mismatch. */
export function killerOf(d: FailureDetails): string {
  if (d.kind === 'rule' || d.kind === 'drainable') return d.rule ?? d.kind;
  return d.kind;
}

/** A fresh system under the mutant: the lockstep pair, or the implementation alone under the rules. */
export function systemFor(apply: MutantApply, mode: HuntMode, config: WorldConfig): () => DrainableSystem & ObservedSystem {
  const impl = (): ReturnType<typeof createImplWorld> => createImplWorld(config, apply);
  if (mode === 'rules') return () => new RulesAlone(impl(), RULES, new MemoryIsMemory());
  return () => new Lockstep(createModelWorld(config), impl(), RULES, new MemoryIsMemory());
}

/** The random runs of the hunt: fast-check's failure (shrunk) and its run count, or none. */
function randomPhase(s: HuntSettings, system: () => DrainableSystem, first: FirstFailure): { failure?: ConformanceFailure; runs: number } {
  if (s.budget.runs <= 0) return { runs: 0 };
  const property = mutantProperty({ scope: s.scope, steps: s.budget.steps, leftOut: s.leftOut, system }, first);
  const details = fc.check(property, {
    seed: s.budget.seed,
    numRuns: s.budget.runs,
    ...(s.budget.timeLimitSeconds === undefined ? {} : { interruptAfterTimeLimit: s.budget.timeLimitSeconds * 1000 }),
  });
  if (!details.failed) return { runs: details.numRuns };
  const failure = details.errorInstance;
  if (!(failure instanceof ConformanceFailure)) throw failure instanceof Error ? failure : new Error(String(failure));
  return { failure, runs: details.numRuns };
}

/** Hunts the mutant whose options are `apply`: random runs, then the guided share (as `npm start`). */
export function hunt(apply: MutantApply, mode: HuntMode, s: HuntSettings): HuntOutcome {
  const first = new FirstFailure();
  const started = performance.now();
  const system = systemFor(apply, mode, s.config);
  const random = randomPhase(s, system, first);
  let found: { failure: ConformanceFailure; by: 'random' | 'guided' } | undefined = random.failure === undefined ? undefined : { failure: random.failure, by: 'random' };
  let runs = random.runs;
  const guidedRuns = s.budget.guidedRuns ?? 0;
  if (found === undefined && guidedRuns > 0 && s.leftOut.length === 0) {
    const g = runGuided({ scope: s.scope, steps: s.budget.steps, runs: guidedRuns, seed: s.budget.seed, system });
    runs += g.runs;
    if (g.failure !== undefined) {
      first.note();
      found = { failure: g.failure, by: 'guided' };
    }
  }
  if (found === undefined) {
    return { killed: false, killedBy: null, rules: [], msToKill: null, shrunkLength: null, foundBy: null, program: [], commands: [], failure: null, message: null, runs, elapsedMs: performance.now() - started };
  }
  const m = minimizeFailure(found.failure, system);
  const d = m.failure.details;
  const killedBy = killerOf(d);
  return {
    killed: true,
    killedBy,
    rules: m.failure instanceof RulesFailure ? m.failure.rules : [killedBy],
    msToKill: first.ms ?? performance.now() - started,
    shrunkLength: d.at ?? m.failure.transcript.length,
    foundBy: found.by,
    program: programOf(m.failure, mode),
    commands: m.commands,
    failure: d,
    message: d.message,
    runs,
    elapsedMs: performance.now() - started,
  };
}

/** The program as printed: the model's results with the model, the implementation's alone. */
function programOf(f: ConformanceFailure, mode: HuntMode): string[] {
  const entries = mode === 'rules' ? f.transcript.map((e) => (e.impl === undefined ? { command: e.command } : { command: e.command, model: e.impl })) : f.transcript;
  const at = f.details.at;
  return formatProgram(entries, at === undefined ? undefined : at - 1, f.details.message);
}
