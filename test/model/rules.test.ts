/**
 * Random runs on the model against local checks of SPEC §6's observation rules (all but
 * `memoryIsMemory`, which needs the command history) and `drainable`. The real rules live in
 * properties/; these are the model's own smoke test that it never breaks SPEC §6 nor throws.
 */
import { expect, test } from 'vitest';
import type { Command, Observation, Result } from '../../spec/index.js';
import { StatechartCoverage, createModelWorld, type ModelWorld } from '../../model/index.js';
import { prng, randomCommand } from '../../bench/modelMix.js';

/** The breaches of SPEC §6 rules visible in one observation. */
function breaches(o: Observation): string[] {
  const out: string[] = [];
  const activeCovers = (mm: number, vpn: number) =>
    o.ops.some((op) => op[8] === null && op[2] === mm && op[5] !== 'created' && op[3] <= vpn && vpn < op[4]);
  const pendingCovers = (mirror: number, vpn: number) =>
    o.pending.some(([, q]) => q.some((e) => e[1] === mirror && e[2] <= vpn && vpn < e[3]));
  const dirtyPfns = new Set<number>();
  for (const [id, , mmId, state, refs, mpt, dpt] of o.mirrors) {
    if (state !== 'live' && (mpt.length > 0 || dpt.length > 0 || refs < 1)) out.push(`mirrorLifecycle ${id}`);
    const mm = o.mms.find((m) => m[0] === mmId);
    for (const [vpn, pfn, write, dirty] of mpt) {
      const cpu = mm?.[3].find((p) => p[0] === vpn);
      const ok = cpu !== undefined && cpu[1] === 'P' && cpu[2] === pfn && (!write || cpu[3] === true);
      if (!ok && !activeCovers(mmId, vpn)) out.push(`mirrorWithinCpu ${id} ${vpn}`);
      if (dirty && !write) out.push(`dirtyImpliesWrite ${id} ${vpn}`);
      if (dirty) dirtyPfns.add(pfn);
    }
    for (const [vpn, pfn, write, dirty] of dpt) {
      const m = mpt.find((p) => p[0] === vpn);
      const ok = m !== undefined && m[1] === pfn && (!write || m[2]);
      if (!ok && !pendingCovers(id, vpn)) out.push(`deviceWithinMirror ${id} ${vpn}`);
      if (dirty && !write) out.push(`dirtyImpliesWrite device ${id} ${vpn}`);
      if (dirty) dirtyPfns.add(pfn);
    }
  }
  for (const [pfn, data, dirty, stored] of o.pages) {
    if ((stored === null || data !== stored) && !dirty && !dirtyPfns.has(pfn)) out.push(`dirtyTracked ${pfn}`);
  }
  for (const [fence, , , op, , refs] of o.fences) {
    if (refs < 1 || !o.ops.some((x) => x[0] === op)) out.push(`fenceDiscipline ${fence}`);
  }
  for (const [mm, state] of o.mms) {
    if (state === 'dead' && o.mirrors.some((m) => m[2] === mm && m[3] === 'live')) out.push(`mirrorLifecycle mm ${mm}`);
  }
  return [...out, ...o.violations];
}

/**
 * SPEC §6 memoryIsMemory from the command history: the value last written at (mm, vpn) since it
 * was last mapped, or 0. A write that returned {op} counts when that op ends; munmap forgets its
 * range when its op ends; exit forgets the mm; a fork child starts as a copy of its parent.
 */
class ShadowMemory {
  private readonly values = new Map<string, number>();
  private readonly pending = new Map<number, (result: Result) => void>();

  check(c: Command, result: Result, o: Observation, where: string): void {
    if ((c.cmd === 'read' || c.cmd === 'devRead') && 'ok' in result) {
      expect(result.ok, `${where} ${JSON.stringify(c)}`).toBe(this.values.get(`${c.mm}:${c.vpn}`) ?? 0);
    }
    if ((c.cmd === 'write' || c.cmd === 'devWrite') && 'ok' in result) this.values.set(`${c.mm}:${c.vpn}`, c.value);
    if (c.cmd === 'write' && 'op' in result) this.pending.set(result.op, () => this.values.set(`${c.mm}:${c.vpn}`, c.value));
    if (c.cmd === 'munmap' && 'op' in result) this.pending.set(result.op, () => this.forget(c.mm, c.start, c.start + c.npages));
    if (c.cmd === 'exit' && 'ok' in result) this.forget(c.mm, 0, Infinity);
    if (c.cmd === 'fork' && 'ok' in result) this.copy(c.mm, result.ok);
    if (c.cmd === 'fork' && 'op' in result) this.pending.set(result.op, (r) => 'ok' in r && this.copy(c.mm, r.ok));
    if ((c.cmd === 'step' || c.cmd === 'finish') && !o.ops.some((op) => op[0] === c.op)) {
      this.pending.get(c.op)?.(result);
      this.pending.delete(c.op);
    }
  }

  private forget(mm: number, start: number, end: number): void {
    for (const key of [...this.values.keys()]) {
      const [m, vpn] = key.split(':').map(Number);
      if (m === mm && start <= vpn && vpn < end) this.values.delete(key);
    }
  }

  private copy(parent: number, child: number): void {
    for (const [key, value] of [...this.values]) {
      const [m, vpn] = key.split(':').map(Number);
      if (m === parent) this.values.set(`${child}:${vpn}`, value);
    }
  }
}

/** SPEC §6 drainable: signal every device, finish every op in flight, up to 100 rounds. */
function drain(w: ModelWorld): void {
  for (let round = 0; round < 100 && w.observe().ops.length > 0; round++) {
    for (const [dev] of w.observe().pending) while (!('err' in w.apply({ cmd: 'signal', dev })));
    for (const [op] of w.observe().ops) w.apply({ cmd: 'finish', op });
  }
}

test('random runs keep every observable rule and drain', () => {
  const coverage = new StatechartCoverage();
  for (let seed = 1; seed <= 150; seed++) {
    const rand = prng(seed);
    const w = createModelWorld(undefined, { coverage });
    const memory = new ShadowMemory();
    for (let i = 0; i < 300; i++) {
      const command = randomCommand(rand, w.observe().next.op);
      const result = w.apply(command);
      memory.check(command, result, w.observe(), `seed ${seed} command ${i}`);
      const found = breaches(w.observe());
      expect(found, `seed ${seed} command ${i} ${JSON.stringify(command)}`).toEqual([]);
    }
    drain(w);
    const o = w.observe();
    expect(o.ops, `seed ${seed} drained`).toEqual([]);
    expect(o.fences).toEqual([]);
    expect(breaches(o)).toEqual([]);
  }
  // the mix reaches every state; `wait --WAIT--> wait` needs two fences in one event (examples cover it).
  expect(coverage.summary().states.missing).toEqual([]);
});
