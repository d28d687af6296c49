/**
 * The parts of a conformance check whose implementation is a process (`hmm-check run --impl`,
 * docs/protocol.md): the model, its coverage and `memoryIsMemory` as for the built-in
 * implementation; the implementation a `ProcessWorld` per run on one session; the rules of
 * SPEC §6 whose `reads` the hello answer declared (the others reported as skipped, and
 * `ptStructure` when there is no `selfCheck`); and, unless `pipeline` is off, each run a
 * pipelined run (pipelinedLockstep.ts).
 */
import { RULES, rulesFor } from '../rules/index.js';
import { defaultParts } from '../runner/defaultParts.js';
import { shellQuote } from '../runner/counterexample.js';
import { Lockstep, PT_STRUCTURE } from '../runner/lockstep.js';
import type { ConformanceParts, SkippedCheck } from '../runner/ports.js';
import { pipelinedRun } from './pipelinedLockstep.js';
import { SpeculativeRun } from './speculativeRun.js';
import { DEFAULT_TIMEOUT_SECONDS, type ProcessSession } from './processSession.js';
import { ProcessWorld } from './processWorld.js';

/** How to drive the process. */
export interface ProcessPartsOptions {
  /** Pipeline requests (default true); false sends one request at a time (for comparison). */
  readonly pipeline?: boolean;
}

/** The checks a hello answer leaves out: rules whose parts were not declared, `ptStructure` without selfCheck. */
export function skippedChecks(session: ProcessSession): SkippedCheck[] {
  const skipped: SkippedCheck[] = rulesFor(RULES, session.hello.observes).skipped.map((s) => ({ rule: s.rule, needs: s.missing }));
  if (!session.hello.selfCheck) skipped.push({ rule: PT_STRUCTURE, needs: ['selfCheck'] });
  return skipped;
}

/** Conformance parts for the implementation behind `session` (opened: its hello answered). */
export function processParts(session: ProcessSession, options: ProcessPartsOptions = {}): ConformanceParts {
  const base = defaultParts();
  const { hello } = session;
  const rules = rulesFor(RULES, hello.observes).checked;
  const impl = (config: Parameters<ConformanceParts['impl']>[0]) => new ProcessWorld(session, config);
  const timeout = session.timeoutSeconds === DEFAULT_TIMEOUT_SECONDS ? '' : ` --impl-timeout ${session.timeoutSeconds}`;
  const parts: ConformanceParts = {
    model: base.model,
    impl,
    rules,
    ...(base.memory === undefined ? {} : { memory: base.memory }),
    ...(base.coverage === undefined ? {} : { coverage: base.coverage }),
    skippedRules: skippedChecks(session),
    implementation: { command: session.command, name: hello.name, observes: hello.observes, selfCheck: hello.selfCheck },
    replayFlags: `--impl ${shellQuote(session.command)}${timeout}`,
  };
  if (options.pipeline === false) return parts;
  const exact = (config: Parameters<ConformanceParts['impl']>[0]) => () => new Lockstep(base.model(config), impl(config), rules, base.memory?.());
  const speculative = (config: Parameters<ConformanceParts['impl']>[0]) => () => new SpeculativeRun(base.model(config), session, config, rules, base.memory?.(), exact(config));
  return { ...parts, lockstep: (config, run) => pipelinedRun(speculative(config), run) };
}
