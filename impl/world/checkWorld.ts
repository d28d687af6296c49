/**
 * The implementation's structural self-check in full: every table of the world (CPU tables of
 * all mms, mirror and device tables of mirrors until freed) is sound, the pool's accounting is
 * exact, and the per-mm sets agree with the op table. One message per breach, written down by
 * `expectHolds` (impl/pagetable/check.ts) only when a condition fails. Costs O(world):
 * `World.checkStructure` runs it once, then checks incrementally (structureCheck.ts).
 */
import { checkPool, checkTable, expectHolds } from '../pagetable/check.js';
import type { Core } from './core.js';

/** The per-mm and per-mirror conditions: a few comparisons per entity, no table walked. */
export function checkEntities(core: Core, out: string[]): void {
  for (const mm of core.mms) {
    expectHolds(out, mm.state !== 'dead' || mm.pt.isEmpty, () => `mm ${mm.id}: dead with ptes`);
    for (const op of mm.cpuOps.values()) expectHolds(out, core.ops.get(op.id) === op, () => `mm ${mm.id}: op ${op.id} listed but not in flight`);
    for (const op of mm.faults) expectHolds(out, core.ops.get(op.id) === op, () => `mm ${mm.id}: op ${op.id} listed but not in flight`);
    for (const op of mm.active.values()) {
      expectHolds(out, op.phase !== 'created' && mm.cpuOps.values().includes(op), () => `mm ${mm.id}: active event ${op.id} is not a started CPU op`);
    }
    for (const m of mm.mirrors) expectHolds(out, m.state === 'live', () => `mm ${mm.id}: lists mirror ${m.id} in state ${m.state}`);
  }
  for (const m of core.mirrors.values()) expectHolds(out, m.refs >= 0, () => `mirror ${m.id}: refs ${m.refs}`);
}

export function checkWorld(core: Core): string[] {
  const out: string[] = [];
  const seen = new Set<number>();
  for (const mm of core.mms) checkTable(mm.pt, `mm ${mm.id} cpu pt`, seen, out);
  for (const m of core.mirrors.values()) {
    checkTable(m.pt, `mirror ${m.id} pt`, seen, out);
    checkTable(m.devicePt, `mirror ${m.id} device pt`, seen, out);
  }
  checkEntities(core, out);
  checkPool(core.pool, seen, out);
  return out;
}
