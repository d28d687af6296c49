/** The runner's types a library user reads (the report and its parts), gathered for the package root. */
export type { ConformanceReport, CounterexampleReport, Verdict } from './report.js';
export type { FailureDetails, FailureKind } from './failure.js';
export type { Progress } from './progress.js';
export type { CoverageCount, CoverageSummary, ImplementationInfo, SkippedCheck } from './ports.js';
