/**
 * An exploration's counterexample as `hmm-check run` reports its own (properties/runner): the
 * shortest command sequence is replayed on fresh worlds through the checker's own systems (the
 * lockstep pair, or the world alone under the rules), which fail at its last command with the
 * same failure details (kind, message, rule, entities, both results, observation diff); the
 * program is printed one call per line, the SPEC §8 trace carries the model's results as
 * `expect`s, and `--out DIR` writes `counterexample.ndjson` and `report.html` as `run --out` does.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command, WorldConfig } from '../../spec/index.js';
import { RulesAlone } from '../mutants/rulesAlone.js';
import { writeTraceReport } from '../report/index.js';
import { REPORT_FILE, TRACE_FILE } from '../runner/artifacts.js';
import { failingMark } from '../runner/counterexample.js';
import { ConformanceFailure, type FailureDetails } from '../runner/failure.js';
import { Lockstep } from '../runner/lockstep.js';
import type { CounterexampleReport } from '../runner/report.js';
import { formatProgram, transcriptTrace, type TranscriptEntry } from '../runner/transcript.js';
import type { Counterexample } from './outcome.js';
import type { SystemParts } from './system.js';

/** The counterexample replayed and reported as the checker reports its own; `replay` is the command line that finds it again. */
export function counterexampleReport(cx: Counterexample, parts: SystemParts, config: WorldConfig, replay: string): CounterexampleReport {
  const failed = replayed(cx.steps.map((s) => s.command), parts, config);
  // The checker checks at least what the explorer checks: a path that broke something there breaks here.
  if (failed === undefined) throw new Error(`explorer: the counterexample (${cx.rule}: ${cx.message}) does not fail when the checker replays it`);
  const { details, transcript } = failed;
  const notes = [`counterexample: ${details.message}`, `found by exhaustive exploration: no shorter command sequence breaks anything`];
  const n = transcript.length;
  return {
    failure: details,
    program: formatProgram(transcript, details.at === undefined ? undefined : details.at - 1, failingMark(details)),
    trace: transcriptTrace(config, transcript, notes),
    generation: 'exhaustive',
    seed: 0,
    path: '',
    replayPath: null,
    replay,
    shrinks: 0,
    // The shortest in the scope: deleting any one command leaves a shorter sequence, which the
    // breadth-first search tried (or one equal to it up to refusals) and found passing.
    minimization: { fromLength: n, toLength: n, tests: 0, oneMinimal: true },
  };
}

/** The failure of `commands` on fresh worlds of `parts`, or undefined if they pass. */
function replayed(commands: readonly Command[], parts: SystemParts, config: WorldConfig): { details: FailureDetails; transcript: readonly TranscriptEntry[] } | undefined {
  const worlds = parts.parts.map((p) => p.factory(config));
  try {
    const system = worlds.length === 2 ? new Lockstep(worlds[0]!, worlds[1]!, parts.rules, parts.memory()) : new RulesAlone(worlds[0]!, parts.rules, parts.memory());
    for (const c of commands) system.apply(c);
  } catch (e) {
    if (e instanceof ConformanceFailure) return { details: e.details, transcript: e.transcript };
    throw e;
  }
  return undefined;
}

/** Writes `DIR/counterexample.ndjson` and `DIR/report.html`, as `run --out DIR` does; the paths written. */
export async function writeCounterexample(dir: string, cx: CounterexampleReport, parts: SystemParts, config: WorldConfig): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const trace = join(dir, TRACE_FILE);
  await writeFile(trace, cx.trace, 'utf8');
  const worlds = parts.parts.map((p) => ({ name: p.name, world: p.factory(config) }));
  const html = writeTraceReport(dir, cx.trace, worlds, { replayCommand: cx.replay, name: REPORT_FILE });
  return [trace, html];
}
