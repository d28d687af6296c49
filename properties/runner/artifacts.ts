/**
 * Files `--out DIR` writes for a counterexample: its SPEC §8 trace (`counterexample.ndjson`).
 * `ARTIFACT_WRITERS` is the hook for more (an HTML report): each writer gets the directory and
 * the report and gives back the paths it wrote.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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

/** The writers `--out` runs, in order; the trace comes first. */
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
