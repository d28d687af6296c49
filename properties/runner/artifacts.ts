/**
 * Files `--out DIR` writes for a counterexample: its SPEC §8 trace (`counterexample.ndjson`)
 * and, given the run's worlds, the HTML report (`report.html`, properties/report) of that trace
 * replayed on them. Each writer gets the directory and the report and gives back the paths it wrote.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeTraceReport } from '../report/index.js';
import type { ConformanceParts } from './ports.js';
import type { ConformanceReport, CounterexampleReport } from './report.js';

/** Writes one artefact of a counterexample under `dir`; resolves to the paths written. */
export type ArtifactWriter = (dir: string, report: ConformanceReport, cx: CounterexampleReport) => Promise<readonly string[]>;

/** The trace file's name under `--out`. */
export const TRACE_FILE = 'counterexample.ndjson';

/** Writes `counterexample.ndjson`. */
export const writeTraceArtifact: ArtifactWriter = async (dir, _report, cx) => {
  const path = join(dir, TRACE_FILE);
  await writeFile(path, cx.trace, 'utf8');
  return [path];
};

/** The report's file name under `--out`. */
export const REPORT_FILE = 'report.html';

/** A writer of `report.html`: the counterexample's trace replayed, recorded, on fresh worlds of `parts`. */
export function htmlReportArtifact(parts: Pick<ConformanceParts, 'model' | 'impl' | 'mutant' | 'implementation'>): ArtifactWriter {
  const label = parts.mutant !== undefined ? `impl (mutant ${parts.mutant})` : parts.implementation !== undefined ? `impl (${parts.implementation.name}, replayed through its process)` : 'impl';
  return async (dir, _report, cx) => {
    const worlds = (config: Parameters<ConformanceParts['model']>[0]) => [
      { name: 'model', world: parts.model(config) },
      { name: label, world: parts.impl(config) },
    ];
    const config = JSON.parse(cx.trace.slice(0, cx.trace.indexOf('\n'))).config;
    return [writeTraceReport(dir, cx.trace, worlds(config), { replayCommand: cx.replay, name: REPORT_FILE })];
  };
}

/** The writers `--out` runs when no worlds are at hand, in order; the trace comes first. */
export const ARTIFACT_WRITERS: ArtifactWriter[] = [writeTraceArtifact];

/** Writes every artefact of the report's counterexample (none on a pass); the trace's path first. */
export async function writeArtifacts(dir: string, report: ConformanceReport, writers: readonly ArtifactWriter[] = ARTIFACT_WRITERS): Promise<string[]> {
  const cx = report.counterexample;
  if (cx === undefined) return [];
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const write of writers) written.push(...(await write(dir, report, cx)));
  return written;
}
