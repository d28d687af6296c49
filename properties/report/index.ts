/** The counterexample report: one self-contained HTML file per replayed trace. */
export { failureHeadline, renderReport, type ReportInput } from './renderReport.js';
export { finalObservationsOf, writeReport, writeReportFile, writeTraceReport } from './writeReport.js';
export { observationView, type ObservationView, type OtherSide } from './observationView.js';
export { actorOf, lanesOf, type Lane } from './lanes.js';
export { callText } from './html.js';
