/** Failing traces for the report tests: a scenario with one wrong `expect`, and one replayed on a broken world. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createImplWorld } from '../../impl/index.js';
import { createModelWorld } from '../../model/index.js';
import { defaultScenariosDir } from '../../properties/cli/scenarios.js';
import type { ReportInput } from '../../properties/report/index.js';
import { parseTrace, replayTrace, type Trace } from '../../properties/trace/index.js';
import { createLostDirtyWorld } from './lostDirtyWorld.js';

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

/** device_write_survives_reclaim replayed on a world that loses device dirty bits: `dirtyTracked` breaks. */
export function brokenRuleInput(): ReportInput {
  const trace = parse(scenarioText('device_write_survives_reclaim'));
  const outcome = replayTrace(trace, [{ name: 'lostDirty', world: createLostDirtyWorld(trace.config) }], { record: true });
  return { trace, outcome, worlds: ['lostDirty'], source: 'device_write_survives_reclaim.ndjson', replayCommand: 'hmm-check replay scenarios/device_write_survives_reclaim.ndjson' };
}
