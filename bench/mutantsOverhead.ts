/**
 * What the mutant mechanism costs when no mutant is chosen (the issue: ≤ 2 % against the same
 * build without it). The speed workload (workload.ts) runs on ImplWorld, which calls every HMM
 * step through its ops table (`core.hmm`, impl/hmm/ops.ts), and on a world of the same build
 * whose steps are bound directly (the dispatch of impl/hmm/invalidate.ts and fault.ts, with
 * direct calls): alternating, fresh worlds, median of the repetitions. A world built with a
 * frozen copy of the table (`bindOps({})`, what a mutant gets) is timed too, for reference.
 */
import type { Choice, Command, Observation, Result, World } from '../spec/index.js';
import { err, ok } from '../spec/index.js';
import { createImplWorld } from '../impl/index.js';
import { bindOps, defaultOps, type HmmOps } from '../impl/hmm/ops.js';
import { applyEvent, applyPteMask, endEvent, startEvent, updateMirror, waitFence } from '../impl/hmm/invalidate.js';
import { faultCommit, faultStart, faultWalk } from '../impl/hmm/fault.js';
import type { Op } from '../impl/hmm/op.js';
import { Core } from '../impl/world/core.js';
import { ImplWorld } from '../impl/world/implWorld.js';
import { observe } from '../impl/world/observe.js';
import { buildWorkload, type Workload } from './workload.js';

/** The figures. */
export interface MutantsOverheadFigures {
  readonly repetitions: number;
  readonly opsTableMs: number;
  readonly directMs: number;
  readonly frozenCopyMs: number;
  /** (ops table − direct) / direct, in per cent (negative: within noise, faster). */
  readonly mutantOverheadPercent: number;
}

/** One step of an invalidation with direct calls (invalidate.ts's stepInvalidation without `core.hmm`). */
function stepInvalidationDirect(core: Core, op: Op, choice: Choice): Result {
  switch (op.phase) {
    case 'created': return startEvent(core, op);
    case 'commit': return applyEvent(core, op);
    case 'apply': return endEvent(core, op);
    default:
      if (op.updated < op.captured.length) return updateMirror(core, op, choice);
      if (op.waited < op.fences.length) return waitFence(core, op);
      for (const m of op.captured) if (m.state === 'live') applyPteMask(core, op, m);
      op.phase = 'commit';
      return ok(0);
  }
}

function stepDirect(core: Core, id: number, choice: Choice): Result {
  const op = core.ops.get(id);
  if (op === undefined) return err('ENOENT');
  if (!op.isFault) return stepInvalidationDirect(core, op, choice);
  if (op.phase === 'created') return faultStart(core, op);
  return op.phase === 'start' ? faultWalk(core, op) : faultCommit(core, op);
}

/** The same build without the mechanism on the step path: step and finish bound directly. */
class DirectWorld implements World {
  private readonly impl = new ImplWorld({ devices: 2 });
  private readonly core = this.impl.core;

  apply(c: Command): Result {
    if (c.cmd === 'step') return stepDirect(this.core, c.op, (c.choice ?? 'sync') as Choice);
    if (c.cmd !== 'finish') return this.impl.apply(c);
    if (!this.core.ops.has(c.op)) return err('ENOENT');
    for (;;) {
      const r = stepDirect(this.core, c.op, 'sync');
      if (!this.core.ops.has(c.op) || ('err' in r && r.err === 'EAGAIN')) return r;
    }
  }

  observe(): Observation {
    return observe(this.core);
  }
}

function timeRun(world: World, commands: readonly Command[]): number {
  const t0 = performance.now();
  for (let i = 0; i < commands.length; i++) world.apply(commands[i]!);
  return performance.now() - t0;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** Times the workload with the ops table, direct, and a frozen copy, alternating `repetitions` times. */
export function benchMutantsOverhead(wl: Workload = buildWorkload(), repetitions = 7, log: (line: string) => void = console.log): MutantsOverheadFigures {
  const copy: HmmOps = bindOps({});
  if (copy === defaultOps) throw new Error('bench: bindOps({}) should build a copy');
  const warm = wl.commands.slice(0, 20_000);
  timeRun(createImplWorld({ devices: 2 }), warm);
  timeRun(new DirectWorld(), warm);
  const runs: Record<'table' | 'direct' | 'frozen', () => number> = {
    table: () => timeRun(createImplWorld({ devices: 2 }), wl.commands),
    direct: () => timeRun(new DirectWorld(), wl.commands),
    frozen: () => timeRun(createImplWorld({ devices: 2 }, { ops: {} }), wl.commands),
  };
  const times: Record<keyof typeof runs, number[]> = { table: [], direct: [], frozen: [] };
  const order: (keyof typeof runs)[] = ['table', 'direct', 'frozen'];
  for (let i = 0; i < repetitions; i++) {
    // Alternating, the order rotated each repetition, a collection before each run when exposed.
    for (let k = 0; k < order.length; k++) {
      const which = order[(i + k) % order.length]!;
      (globalThis as { gc?: () => void }).gc?.();
      times[which].push(runs[which]());
    }
  }
  const { table, direct, frozen } = times;
  const opsTableMs = median(table);
  const directMs = median(direct);
  const mutantOverheadPercent = ((opsTableMs - directMs) / directMs) * 100;
  log(`mutant mechanism: ops table ${opsTableMs.toFixed(0)} ms vs direct ${directMs.toFixed(0)} ms (frozen copy ${median(frozen).toFixed(0)} ms), median of ${repetitions}: overhead ${mutantOverheadPercent.toFixed(2)}% (goal <= 2%)`);
  return { repetitions, opsTableMs, directMs, frozenCopyMs: median(frozen), mutantOverheadPercent };
}
