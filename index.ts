/**
 * hmm-model as a library (`import { checkConformance } from 'hmm-model'`): hold a world of your
 * own to the executable specification of Linux HMM (docs/semantics.md, SPEC.md), or an
 * implementation in another language through the process protocol (docs/protocol.md).
 *
 * - `checkConformance(options)`: the check of `hmm-check run` on your `World`, resolving to the
 *   `ConformanceReport` that `hmm-check run --json` prints.
 * - The vocabulary of SPEC.md a world speaks: `World`, `Command`, `Result`, `Observation`,
 *   `WorldConfig`, and helpers such as `initialObservation` and `ERROR_CODES`.
 * - The reference model and the built-in implementation, to wrap or compare against.
 */
export { checkConformance, type CheckOptions } from './properties/library/index.js';
export type {
  ConformanceReport, CounterexampleReport, FailureDetails, FailureKind, Progress, Verdict,
  CoverageCount, CoverageSummary, SkippedCheck, ImplementationInfo,
} from './properties/runner/public.js';
export * from './spec/index.js';
export { createModelWorld } from './model/index.js';
export { createImplWorld } from './impl/index.js';
export { formatSummary } from './properties/runner/summary.js';
export { RULES, type Rule } from './properties/rules/index.js';
