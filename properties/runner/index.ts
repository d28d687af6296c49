/** The conformance runner: model and implementation in lockstep under fast-check, and its report. */
export { breachesOf, brokenOnEitherSide, brokenRuleLines, mergeBreaches, type Breaches, type BrokenRule } from './brokenRules.js';
export { ARTIFACT_WRITERS, TRACE_FILE, writeArtifacts, writeTraceArtifact, type ArtifactWriter } from './artifacts.js';
export { DEFAULT_BUDGET, DEFAULT_GENERATION, DEFAULT_GUIDED_RUNS, DEFAULT_SEED, DEFAULT_WORLD, GUIDED_SHARE, guidedRunsFor, type RunBudget } from './config.js';
export { counterexampleReport, failingMark, guidedReplayCommand, replayCommand, replayPathOf } from './counterexample.js';
export { ConformanceFailure, type FailureDetails, type FailureKind } from './failure.js';
export { IMPL_CLONE, Lockstep, PT_STRUCTURE } from './lockstep.js';
export type { ConformanceParts, CoverageCount, CoverageSource, CoverageSummary, MemoryCheck } from './ports.js';
export { ProgressMeter, type Progress } from './progress.js';
export { progressLine, progressPrinter, type ProgressSink } from './progressPrinter.js';
export { conformanceProperty, lockstepOf, type PropertyArgs, type PropertySettings } from './property.js';
export type { ConformanceReport, CounterexampleReport, Verdict } from './report.js';
export { runConformance, type ConformanceOptions } from './runConformance.js';
export { formatSummary, type SummaryOptions } from './summary.js';
export { formatProgram, transcriptTrace, type TranscriptEntry } from './transcript.js';
