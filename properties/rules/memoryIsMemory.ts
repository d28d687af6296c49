/**
 * Rule `memoryIsMemory` (SPEC §6): every `read`/`devRead` that returns `{ok}` returns the value
 * last written at that vpn of that mm since the vpn was last mapped, or 0. It is not a function
 * of one observation, so it is fed the command history: `after(command, result, observation)`.
 *
 * What counts as a write, and when (SPEC §3, §4):
 * - `write` `{ok}` and `devWrite` `{ok}` set the value at once; `write` `{op}` (a COW break)
 *   sets it when that op ends, i.e. when it is no longer in `observation.ops`;
 * - a munmap forgets its range when its op ends (at once for `{ok: 0}`); `exit` `{ok}` forgets
 *   the mm;
 * - a fork child starts as a copy of its parent at apply: at once for `{ok: child}`; for a fork
 *   op, when `observation.next.mm` grows on the `step`/`finish` of that op.
 */
import type { Command, Observation, Result } from '../../spec/index.js';

type Memory = Map<number, number>; // vpn -> value last written (absent = 0)

interface PendingWrite { readonly kind: 'write'; readonly mm: number; readonly vpn: number; readonly value: number }
interface PendingMunmap { readonly kind: 'munmap'; readonly mm: number; readonly start: number; readonly end: number }
interface PendingFork { readonly kind: 'fork'; readonly mm: number }
type Pending = PendingWrite | PendingMunmap | PendingFork;

/** Tracks what each (mm, vpn) must read back, from the command history (SPEC §6 memoryIsMemory). */
export class MemoryIsMemory {
  private readonly memory = new Map<number, Memory>();
  private readonly pending = new Map<number, Pending>(); // op id -> what happens when it ends
  private nextMm = 1;

  /** Feeds one command, its result and the observation after it; returns the breaches it shows. */
  after(command: Command, result: Result, observation: Observation): readonly string[] {
    const breaches = this.checkRead(command, result);
    this.record(command, result);
    this.noticeForkChild(command, observation);
    this.noticeEndedOps(observation);
    return breaches;
  }

  /** The value a read of (mm, vpn) must return now. */
  expected(mm: number, vpn: number): number {
    return this.memory.get(mm)?.get(vpn) ?? 0;
  }

  /**
   * Canonical text of everything tracked: equal snapshots mean equal futures. Format (the
   * explorer parses it, see properties/explorer/memoryOracle.ts):
   * `[[[mm, [[vpn, value], …]], …], [[op, effect], …], nextMm]`, all sorted by first field.
   */
  snapshot(): string {
    const mem = [...this.memory].filter(([, m]) => m.size > 0).sort((a, b) => a[0] - b[0])
      .map(([mm, m]) => [mm, [...m].sort((a, b) => a[0] - b[0])]);
    const pending = [...this.pending].sort((a, b) => a[0] - b[0]);
    return JSON.stringify([mem, pending, this.nextMm]);
  }

  /** An independent copy (the explorer branches on it). */
  clone(): MemoryIsMemory {
    const c = new MemoryIsMemory();
    for (const [mm, m] of this.memory) c.memory.set(mm, new Map(m));
    for (const [op, p] of this.pending) c.pending.set(op, p);
    c.nextMm = this.nextMm;
    return c;
  }

  private checkRead(command: Command, result: Result): string[] {
    if ((command.cmd !== 'read' && command.cmd !== 'devRead') || !('ok' in result)) return [];
    const want = this.expected(command.mm, command.vpn);
    if (result.ok === want) return [];
    const who = command.cmd === 'read' ? 'read' : `devRead (dev ${command.dev})`;
    return [`mm ${command.mm} vpn ${command.vpn}: ${who} returned ${result.ok}, but the value last written is ${want}`];
  }

  private record(command: Command, result: Result): void {
    switch (command.cmd) {
      case 'write':
        if ('ok' in result) this.set(command.mm, command.vpn, command.value);
        if ('op' in result) this.pending.set(result.op, { kind: 'write', mm: command.mm, vpn: command.vpn, value: command.value });
        return;
      case 'devWrite':
        if ('ok' in result) this.set(command.mm, command.vpn, command.value);
        return;
      case 'munmap': {
        const range = { kind: 'munmap', mm: command.mm, start: command.start, end: command.start + command.npages } as const;
        if ('ok' in result) this.forget(range);
        if ('op' in result) this.pending.set(result.op, range);
        return;
      }
      case 'fork':
        if ('ok' in result) this.copy(command.mm, result.ok);
        if ('op' in result) this.pending.set(result.op, { kind: 'fork', mm: command.mm });
        return;
      case 'exit':
        if ('ok' in result) this.memory.delete(command.mm);
        return;
      default:
    }
  }

  /** A fork op applied by this step/finish: the mms that appeared are its child. */
  private noticeForkChild(command: Command, o: Observation): void {
    if (o.next.mm > this.nextMm && (command.cmd === 'step' || command.cmd === 'finish')) {
      const p = this.pending.get(command.op);
      if (p?.kind === 'fork') for (let child = this.nextMm; child < o.next.mm; child++) this.copy(p.mm, child);
    }
    this.nextMm = Math.max(this.nextMm, o.next.mm);
  }

  private noticeEndedOps(o: Observation): void {
    const inFlight = new Set(o.ops.map((op) => op[0]));
    for (const [op, p] of [...this.pending].sort((a, b) => a[0] - b[0])) {
      if (inFlight.has(op)) continue;
      this.pending.delete(op);
      if (p.kind === 'write') this.set(p.mm, p.vpn, p.value);
      if (p.kind === 'munmap') this.forget(p);
    }
  }

  private set(mm: number, vpn: number, value: number): void {
    let m = this.memory.get(mm);
    if (m === undefined) this.memory.set(mm, (m = new Map()));
    m.set(vpn, value);
  }

  private forget({ mm, start, end }: PendingMunmap): void {
    const m = this.memory.get(mm);
    if (m !== undefined) for (const vpn of [...m.keys()]) if (vpn >= start && vpn < end) m.delete(vpn);
  }

  private copy(parent: number, child: number): void {
    this.memory.set(child, new Map(this.memory.get(parent) ?? []));
  }
}
