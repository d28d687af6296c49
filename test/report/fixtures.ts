/** Failing traces for the report tests: a scenario with one wrong `expect`, and one replayed on a mutant of the implementation. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createImplWorld } from '../../impl/index.js';
import { createModelWorld } from '../../model/index.js';
import { defaultScenariosDir } from '../../properties/cli/scenarios.js';
import type { ReportInput } from '../../properties/report/index.js';
import { parseTrace, replayTrace, type Trace } from '../../properties/trace/index.js';

/** The text of `scenarios/NAME.ndjson`. */
export function scenarioText(name: string): string {
  return readFileSync(join(defaultScenariosDir(), `${name}.ndjson`), 'utf8');
}

function parse(text: string): Trace {
  const parsed = parseTrace(text);
  if (!parsed.ok) throw new Error(`line ${parsed.error.line}: ${parsed.error.message}`);
  return parsed.trace;
}

/** anon_write_child with the parent's last read expecting 99 instead of 17: an `expect` failure. */
export function wrongExpectInput(): ReportInput & { readonly failingLine: number } {
  const lines = scenarioText('anon_write_child').trimEnd().split('\n');
  const failingLine = lines.findIndex((l) => l.includes('"cmd":"read","mm":0,"vpn":17')) + 1;
  lines[failingLine - 1] = lines[failingLine - 1]!.replace('"expect":{"ok":17}', '"expect":{"ok":99}');
  const trace = parse(lines.join('\n'));
  const worlds = [{ name: 'model', world: createModelWorld(trace.config) }, { name: 'impl', world: createImplWorld(trace.config) }];
  const outcome = replayTrace(trace, worlds, { record: true });
  return { trace, outcome, worlds: ['model', 'impl'], source: 'anon_write_child_wrong_expect.ndjson', failingLine };
}

/** The mutant `brokenRuleInput` replays on, and the name its world is shown under. */
export const LOST_DIRTY_MUTANT = 'deviceDirtyNotReported';
export const LOST_DIRTY_WORLD = `impl (mutant ${LOST_DIRTY_MUTANT})`;

/**
 * device_write_survives_reclaim replayed alone on the implementation built with the mutant that
 * drops device dirty bits when a fence completes: at the `signal` that should report the device
 * write into the mirror pte (SPEC §2), page data 3 has stored copy 1 and nothing maps it dirty,
 * so `dirtyTracked` (SPEC §6) breaks.
 */
export function brokenRuleInput(): ReportInput {
  const trace = parse(scenarioText('device_write_survives_reclaim'));
  const world = createImplWorld(trace.config, { mutant: LOST_DIRTY_MUTANT });
  const outcome = replayTrace(trace, [{ name: LOST_DIRTY_WORLD, world }], { record: true });
  const replayCommand = `hmm-check replay scenarios/device_write_survives_reclaim.ndjson --mutant ${LOST_DIRTY_MUTANT}`;
  return { trace, outcome, worlds: [LOST_DIRTY_WORLD], source: 'device_write_survives_reclaim.ndjson', replayCommand };
}

/** The line of `scenarios/NAME.ndjson` (1-based) holding the first command with these fields. */
export function lineOf(name: string, fields: string): number {
  return scenarioText(name).split('\n').findIndex((l) => l.includes(fields)) + 1;
}
