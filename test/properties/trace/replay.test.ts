/** SPEC §8 replay machinery, proven on scripted fake worlds. */
import { describe, expect, it } from 'vitest';
import { formatReplayReport, parseTrace, replayTrace, type ReplayFail, type Trace } from '../../../properties/trace/index.js';
import { initialObservation, type Observation } from '../../../spec/index.js';
import { ScriptedWorld, type Scripted } from './scriptedWorld.js';

function trace(...lines: string[]): Trace {
  const r = parseTrace(['{"hmmTrace":1,"config":{"devices":2}}', ...lines].join('\n'));
  if (!r.ok) throw new Error(r.error.message);
  return r.trace;
}

const MAPPED: Observation = { ...initialObservation(2), mms: [[0, 'live', [[16, 20, 'rw']], []]] };
const WITH_MIRROR = (dirty: boolean): Observation => ({
  ...MAPPED,
  mms: [[0, 'live', [[16, 20, 'rw']], [[17, 'P', 1, true], [18, 'P', 2, true]]]],
  pages: [[1, 5, true, 0, 1], [2, 0, false, 0, 1]],
  mirrors: [[1, 0, 0, 'live', 0, [[17, 1, true, false], [18, 2, true, dirty]], []]],
});

const T = trace(
  '{"cmd":"mmap","mm":0,"start":16,"npages":4,"prot":"rw","expect":{"ok":0}}',
  '{"note":"then write"}',
  '{"cmd":"write","mm":0,"vpn":17,"value":5}',
);
const GOOD: Scripted[] = [{ result: { ok: 0 }, observation: MAPPED }, { result: { ok: 0 }, observation: WITH_MIRROR(false) }];
const worlds = (a: Scripted[], b: Scripted[] = a) => [{ name: 'model', world: new ScriptedWorld(a) }, { name: 'impl', world: new ScriptedWorld(b) }];

function failOf(t: Trace, a: Scripted[], b?: Scripted[]): ReplayFail {
  const out = replayTrace(t, worlds(a, b));
  if (out.verdict !== 'fail') throw new Error('expected a failure');
  return out;
}

describe('replayTrace on scripted worlds', () => {
  it('passes when results match expects and each other, observations agree and rules hold', () => {
    const ws = worlds(GOOD);
    const out = replayTrace(T, ws);
    expect(out).toEqual({ verdict: 'pass', steps: 2, finalObservation: WITH_MIRROR(false) });
    expect((ws[1]!.world as ScriptedWorld).seen).toEqual([
      { cmd: 'mmap', mm: 0, start: 16, npages: 4, prot: 'rw' }, { cmd: 'write', mm: 0, vpn: 17, value: 5 },
    ]);
  });

  it('records every step with record: true', () => {
    const out = replayTrace(T, worlds(GOOD), { record: true });
    expect(out.records).toEqual([
      { line: 2, command: { cmd: 'mmap', mm: 0, start: 16, npages: 4, prot: 'rw' }, result: { ok: 0 }, observation: MAPPED },
      { line: 4, command: { cmd: 'write', mm: 0, vpn: 17, value: 5 }, result: { ok: 0 }, observation: WITH_MIRROR(false) },
    ]);
  });

  it('fails at the line whose expect a world misses', () => {
    const f = failOf(T, GOOD, [{ result: { err: 'EEXIST' } }, ...GOOD.slice(1)]);
    expect(f).toMatchObject({ line: 2, steps: 1, command: { cmd: 'mmap' }, reason: { kind: 'expect', world: 'impl', expected: { ok: 0 }, actual: { err: 'EEXIST' } } });
    expect(f.results).toEqual([{ world: 'model', result: { ok: 0 } }, { world: 'impl', result: { err: 'EEXIST' } }]);
  });

  it('fails when the worlds give different results on a line without expect', () => {
    const f = failOf(T, GOOD, [GOOD[0]!, { result: { op: 1 }, observation: WITH_MIRROR(false) }]);
    expect(f).toMatchObject({ line: 4, note: 'then write', reason: { kind: 'result-mismatch' } });
  });

  it('fails when observations differ, with every differing entry labelled (SPEC §7 field names, both sides where they differ)', () => {
    const f = failOf(T, GOOD, [GOOD[0]!, { result: { ok: 0 }, observation: WITH_MIRROR(true) }]);
    // Mirror 1's mirror pte at vpn 18 (0x12, its second row): [vpn, pfn, write, dirty] = [18, 2, true, false] vs [18, 2, true, true].
    expect(f.reason).toEqual({ kind: 'observation-mismatch', worlds: ['model', 'impl'], diff: ['mirrors[0].mirrorPt[1] (mirror 1): vpn 0x12, pfn 2, write true, dirty false vs true'] });
    expect(f.finalObservation).toEqual(WITH_MIRROR(false));
  });

  it('fails when a rule breaks (the same on both worlds)', () => {
    const f = failOf(T, [GOOD[0]!, { result: { ok: 0 }, observation: { ...WITH_MIRROR(false), violations: ['releaseTwice 1'] } }]);
    expect(f).toMatchObject({ line: 4, reason: { kind: 'rule', world: 'model', rule: 'driverSaw', breaches: [{ rule: 'driverSaw', message: 'driver saw releaseTwice 1' }] } });
  });

  it('fails on dirty read-only ptes: dirtyImpliesWrite names the mirror', () => {
    const bad: Observation = { ...WITH_MIRROR(false), mirrors: [[1, 0, 0, 'live', 0, [[17, 1, false, true]], []]] };
    const f = failOf(T, [GOOD[0]!, { result: { ok: 0 }, observation: bad }]);
    expect(f.reason.kind === 'rule' && f.reason.breaches).toContainEqual({ rule: 'dirtyImpliesWrite', message: 'mirror 1 vpn 17: mirror pte (pfn 1) is dirty but read-only' });
  });

  it('checks memoryIsMemory from the history', () => {
    const t = trace('{"cmd":"write","mm":0,"vpn":17,"value":5}', '{"cmd":"read","mm":0,"vpn":17}');
    const f = failOf(t, [{ result: { ok: 0 }, observation: WITH_MIRROR(false) }, { result: { ok: 4 } }]);
    expect(f).toMatchObject({ line: 3, reason: { kind: 'rule', rule: 'memoryIsMemory', breaches: [{ rule: 'memoryIsMemory', message: 'mm 0 vpn 17: read returned 4, but the value last written is 5' }] } });
  });

  it('reports checkStructure messages as rule ptStructure', () => {
    const f = failOf(T, GOOD, [GOOD[0]!, { ...GOOD[1]!, structure: ['pool leak'] }]);
    expect(f.reason).toEqual({ kind: 'rule', world: 'impl', rule: 'ptStructure', breaches: [{ rule: 'ptStructure', message: 'pool leak' }] });
  });

  it('reports a world that throws as an exception at that line', () => {
    const f = failOf(T, GOOD, [GOOD[0]!, { result: new Error('pte pool corrupt') }]);
    expect(f).toMatchObject({ line: 4, reason: { kind: 'exception', world: 'impl', message: 'pte pool corrupt' } });
  });

  it('replays on a single world', () => {
    expect(replayTrace(T, [{ name: 'model', world: new ScriptedWorld(GOOD) }]).verdict).toBe('pass');
  });

  it('formats a report naming the line, command, note and what broke', () => {
    const f = failOf(T, GOOD, [GOOD[0]!, { result: { ok: 0 }, observation: WITH_MIRROR(true) }]);
    expect(formatReplayReport(f, 't.ndjson', ['model', 'impl'])).toEqual([
      'FAIL t.ndjson on model and impl: line 4 (command 2)',
      '  command: {"cmd":"write","mm":0,"vpn":17,"value":5}',
      '  note:    then write',
      '  observations differ (model vs impl):',
      '    mirrors[0].mirrorPt[1] (mirror 1): vpn 0x12, pfn 2, write true, dirty false vs true',
    ]);
  });
});
