/**
 * Writes the counterexample report (one self-contained HTML file) to disk: `replay --html OUT`
 * writes to OUT; the runner's `run --out DIR` calls `writeReport(DIR, ...)`, or
 * `writeTraceReport(DIR, traceText, worlds)` when it holds the counterexample as trace text.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Observation } from '../../spec/index.js';
import { parseTrace, replayTrace, type NamedWorld } from '../trace/index.js';
import { renderReport, type ReportInput } from './renderReport.js';

/**
 * Every world's observation after a replay (the report shows both sides where they differ);
 * nothing when a world cannot be observed any more (it threw).
 */
export function finalObservationsOf(worlds: readonly NamedWorld[]): { finalObservations?: readonly Observation[] } {
  try {
    return { finalObservations: worlds.map((w) => w.world.observe()) };
  } catch {
    return {};
  }
}

/** Writes the report to the file `path` (its folder must exist); returns `path`. */
export function writeReportFile(path: string, input: ReportInput): string {
  writeFileSync(path, renderReport(input));
  return path;
}

/** Writes the report as `DIR/NAME` (default `report.html`, DIR created); returns the file's path. */
export function writeReport(dir: string, input: ReportInput, name = 'report.html'): string {
  mkdirSync(dir, { recursive: true });
  return writeReportFile(join(dir, name), input);
}

/**
 * Replays `traceText` (SPEC §8) on fresh `worlds` with every step recorded and writes the
 * report as `DIR/NAME`; returns the file's path. Throws if the trace does not parse (the
 * runner's own traces always do).
 */
export function writeTraceReport(dir: string, traceText: string, worlds: readonly NamedWorld[], meta: { source?: string; replayCommand?: string; name?: string } = {}): string {
  const parsed = parseTrace(traceText);
  if (!parsed.ok) throw new Error(`writeTraceReport: line ${parsed.error.line}: ${parsed.error.message}`);
  const outcome = replayTrace(parsed.trace, worlds, { record: true });
  const input: ReportInput = {
    trace: parsed.trace, outcome, worlds: worlds.map((w) => w.name), ...finalObservationsOf(worlds),
    ...(meta.source === undefined ? {} : { source: meta.source }),
    ...(meta.replayCommand === undefined ? {} : { replayCommand: meta.replayCommand }),
  };
  return writeReport(dir, input, meta.name);
}
