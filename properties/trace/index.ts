/** SPEC §8 traces: parse, print, and replay on any World. */
export { isCommandLine, type Trace, type TraceCommandLine, type TraceLine, type TraceNoteLine, type TraceStep } from './trace.js';
export { describeJson, formatTraceError, traceError, type TraceError } from './traceError.js';
export { parseTrace, type ParseTraceResult } from './parseTrace.js';
export { commandJson, formatCommand, formatHeader, formatStep, formatTrace, formatTraceItems, type TraceItem, type TraceNote } from './formatTrace.js';
export { diffObservations, fieldsDiff, pairRows, type RowPair } from './observationDiff.js';
export { compareRowOrder, fieldsText, observationRows, type ObservationRow, type RowField } from './observationRows.js';
export { formatObservation, observationJson } from './observationJson.js';
export { Replay, replayTrace } from './replay.js';
export { fileLines, readTrace, type ReadTraceResult, type TooLong } from './readTraceFile.js';
export { isTraceError, MAX_LINE, TraceReader, type ReadResult } from './traceReader.js';
export { escapeControl, MAX_QUOTED, MAX_TEXT, oneLine, printable, quote } from './printable.js';
export type { NamedWorld, ReplayFail, ReplayFailure, ReplayOptions, ReplayOutcome, ReplayPass, ReplayRecord, WorldResult } from './replayOutcome.js';
export { describeFailure, formatReplayReport, shownDiff, type DiffShown } from './replayReport.js';
