/**
 * A toy `World` for testing the runner's machinery without the real model: memory per mm,
 * fork, exit, and ops that end after two steps. It is not HMM; it only has to be deterministic,
 * answer every command, and observe in the SPEC §7 shape. `flipReads` makes a deliberately
 * wrong twin.
 */
import { initialObservation, type Command, type Observation, type OpObs, type Result, type World } from '../../../spec/index.js';

interface ToyOp { readonly id: number; readonly mm: number; steps: number }

/** The toy world. */
export class ToyWorld implements World {
  private readonly mms: { live: boolean; memory: Map<number, number> }[] = [{ live: true, memory: new Map() }];
  private readonly ops = new Map<number, ToyOp>();
  private nextOp = 1;
  private nextMirror = 1;

  constructor(private readonly devices = 2) {}

  apply(c: Command): Result {
    if ('dev' in c && (c.dev < 0 || c.dev >= this.devices)) return { err: 'EINVAL' };
    if (c.cmd === 'step' || c.cmd === 'finish') return this.drive(c.op, c.cmd === 'finish');
    if (c.cmd === 'signal' || c.cmd === 'fail') return { err: 'ENOENT' };
    const mm = this.mms[c.mm];
    if (mm === undefined || !mm.live) return c.cmd === 'register' || !('dev' in c) ? { err: 'ESRCH' } : { err: 'ENOENT' };
    switch (c.cmd) {
      case 'read':
      case 'devRead':
        return { ok: mm.memory.get(c.vpn) ?? 0 };
      case 'write':
      case 'devWrite':
        mm.memory.set(c.vpn, c.value);
        return { ok: 0 };
      case 'fork':
        this.mms.push({ live: true, memory: new Map(mm.memory) });
        return { ok: this.mms.length - 1 };
      case 'exit':
        if ([...this.ops.values()].some((op) => op.mm === c.mm)) return { err: 'EBUSY' };
        mm.live = false;
        return { ok: 0 };
      case 'register':
        return { ok: this.nextMirror++ };
      case 'munmap':
        this.ops.set(this.nextOp, { id: this.nextOp, mm: c.mm, steps: 0 });
        return { op: this.nextOp++ };
      default:
        return { ok: 0 };
    }
  }

  private drive(id: number, finish: boolean): Result {
    const op = this.ops.get(id);
    if (op === undefined) return { err: 'ENOENT' };
    op.steps += finish ? 2 : 1;
    if (op.steps < 2) return { ok: 0 };
    this.ops.delete(id);
    return { ok: 0 };
  }

  observe(): Observation {
    const o = initialObservation(this.devices);
    const ops = [...this.ops.values()].map((op): OpObs => [op.id, 'munmap', op.mm, 0, 1, op.steps === 0 ? 'created' : 'start', 0, false, null]);
    return {
      ...o,
      mms: this.mms.map((m, i) => [i, m.live ? 'live' : 'dead', [], [...m.memory].sort((a, b) => a[0] - b[0]).map(([vpn, data]) => [vpn, 'S', data] as const)]),
      ops,
      next: { ...o.next, mm: this.mms.length, op: this.nextOp, mirror: this.nextMirror },
    };
  }
}

/** A wrong twin: a `read` that should give a nonzero value gives one more. */
export function flipReads(world: World): World {
  return {
    apply(c: Command): Result {
      const r = world.apply(c);
      return c.cmd === 'read' && 'ok' in r && r.ok !== 0 ? { ok: r.ok + 1 } : r;
    },
    observe: () => world.observe(),
  };
}
