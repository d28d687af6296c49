/**
 * The worked examples of SPEC.md (test/fixtures/examples, copied from shared/examples) replay
 * clean on the model and on the implementation, ending in exactly their final observations.
 * Expected values are the examples' own, worked by hand from SPEC.md.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildWorlds } from '../../../properties/cli/replay.js';
import { checkDrained, drain } from '../../../properties/rules/index.js';
import { observationJson, parseTrace, replayTrace, type NamedWorld, type ReplayOutcome, type Trace } from '../../../properties/trace/index.js';

const DIR = fileURLToPath(new URL('../../fixtures/examples/', import.meta.url));
const NAMES = readdirSync(DIR).filter((f) => f.endsWith('.ndjson')).map((f) => f.slice(0, -'.ndjson'.length)).sort();

function load(name: string, edit: (text: string) => string = (t) => t): Trace {
  const r = parseTrace(edit(readFileSync(`${DIR}${name}.ndjson`, 'utf8')));
  if (!r.ok) throw new Error(`${name}: line ${r.error.line}: ${r.error.message}`);
  return r.trace;
}

async function replayOn(trace: Trace, modelOnly: boolean): Promise<ReplayOutcome> {
  const worlds = await buildWorlds(trace.config, modelOnly);
  if ('error' in worlds) throw new Error((worlds as { error: string }).error);
  return replayTrace(trace, worlds as readonly NamedWorld[]);
}

describe('worked examples', () => {
  it('are all four there', () => {
    expect(NAMES).toEqual(['dev_read_fault_then_hit', 'fault_backoff_race_munmap', 'fence_eagain_signal_wait', 'reclaim_fenced_keeps_device_write']);
  });

  for (const modelOnly of [true, false]) {
    for (const name of NAMES) {
      it(`${name} replays clean on ${modelOnly ? 'the model' : 'the model and the implementation'}`, async () => {
        const outcome = await replayOn(load(name), modelOnly);
        expect(outcome.verdict === 'fail' ? outcome : 'pass').toBe('pass');
        const final = JSON.parse(readFileSync(`${DIR}${name}.final.json`, 'utf8')) as unknown;
        expect(observationJson(outcome.finalObservation)).toEqual(final);
      });
    }
  }

  it('a copy with a wrong expect fails at that line (line 12: the hit reads 5, not 6)', async () => {
    const broken = load('dev_read_fault_then_hit', (t) => t.replace('"vpn":17,"expect":{"ok":5}', '"vpn":17,"expect":{"ok":6}'));
    const outcome = await replayOn(broken, true);
    expect(outcome).toMatchObject({ verdict: 'fail', line: 12, command: { cmd: 'devRead', dev: 0, mm: 0, vpn: 17 }, reason: { kind: 'expect', world: 'model', expected: { ok: 6 }, actual: { ok: 5 } } });
  });

  it('a copy with a mistyped field is a trace error at that line (line 12)', () => {
    const r = parseTrace(readFileSync(`${DIR}dev_read_fault_then_hit.ndjson`, 'utf8').replace('"vpn":17,"expect":{"ok":5}', '"vpn":"17","expect":{"ok":5}'));
    expect(r).toEqual({ ok: false, error: { kind: 'traceError', line: 12, field: 'vpn', message: 'field "vpn" must be a number, got string "17"' } });
  });

  it('every fixture parses, its notes kept', () => {
    for (const name of NAMES) expect(load(name).lines.some((l) => 'note' in l)).toBe(true);
    expect(load('dev_read_fault_then_hit').lines[3]).toEqual({ line: 5, note: 'A device read of vpn 17 misses: a DEVICE_RFAULT op (1) is created in phase created.' });
  });

  it('drain finishes fence_eagain_signal_wait from line 18 (both fences pending, op 3 waiting) in one round', async () => {
    const full = load('fence_eagain_signal_wait');
    const prefix: Trace = { config: full.config, lines: full.lines.filter((l) => l.line <= 18) };
    const worlds = await buildWorlds(prefix.config, false);
    if ('error' in worlds) throw new Error((worlds as { error: string }).error);
    expect(replayTrace(prefix, worlds as readonly NamedWorld[]).verdict).toBe('pass');
    for (const { world } of worlds as readonly NamedWorld[]) {
      expect(drain(world)).toEqual({
        drained: true, rounds: 1, commands: [
          { command: { cmd: 'signal', dev: 0 }, result: { ok: 1 } },
          { command: { cmd: 'signal', dev: 1 }, result: { ok: 2 } },
          { command: { cmd: 'finish', op: 3 }, result: { ok: 0 } },
        ],
      });
      expect(checkDrained(world.observe())).toEqual([]);
    }
  });
});
