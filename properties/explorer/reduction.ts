/**
 * Partial-order reduction: sleep sets (Godefroid 1996) over footprints, so commands that
 * commute are not tried in every order.
 *
 * Footprints. A command's footprint in a state is what it may touch there, over-approximated
 * from SPEC §2–§4, as two sets of resources: those it changes or reads (`w`) and those it only
 * *sets* (`s`, a dirty bit set to true: two setters commute). Resources: `CPU(m)`, everything
 * CPU-side of mm m (vmas, CPU ptes, page contents but dirty bits, its ops and their phases, its
 * live mirror list, its part of the memoryIsMemory tracker); `DIRTY(m)`, the dirty bits of the
 * pages m maps; `MIR(d, m)`, the mirror of device d on m (state, refs, mirror and device page
 * tables, the driver's release of it); `QUEUE(d)`, device d's FIFO and the states of its
 * fences; `MMC`, the mm counter (fork). Two commands are independent in a state when neither's
 * `w` meets the other's `w` or `s`. Then applying them in either order gives the same results
 * and states equal up to renaming ids (the state key's symmetry: pfns, mirror, op and fence ids
 * are renamed, so which of the two took the smaller fresh id does not matter). Where a footprint
 * is not known exactly it is widened: a step whose driver call is not known from the
 * observation touches every queue and every mirror of its mm; while pages are shared between
 * mms (fork) every `CPU(m)` is one resource, and every `DIRTY(m)`; a scope past 4 mms or
 * devices gets no reduction.
 *
 * Sleep sets. A state carries a sleep set Z of commands not to try; after trying commands
 * t1..tk in order, the state reached by ti gets Z' = { t ∈ Z ∪ {t1..t(i-1)} : t independent of
 * ti }. Soundness for breadth-first search with state caching (why every state within the
 * depth bound is still found, at its own depth): take a shortest path to a state s; along it
 * every state is first found at its own depth (a shorter way to one would shorten the path to
 * s). The stateless sleep-set search explores a trace-equivalent path σ' of the same length to
 * s, and Z*(σ'_i) ⊆ Z_i for the sleep sets Z* we store, by induction, when a state found by
 * several transitions of its level keeps the empty sleep set (a subset of each arrival's) and
 * one found by one transition keeps that transition's: so the next command of σ' is never
 * asleep. Transitions into states of earlier levels are ignored: they lie on no shortest path.
 * Every state is still found and checked; only transitions are saved. State constraints
 * (`maxOpsInFlight`, …) cut paths: a command t whose state is past them is not expanded, so
 * t(u(s)) would not be reached through t(s); such a t puts nothing to sleep. The test
 * (test/properties/explorer/reduction.test.ts) compares the states found with and without.
 *
 * Independence here is SPEC's: an implementation that does not commute what SPEC commutes (a
 * device-1 command that changes device 0) is checked in one order only; `--no-reduction`
 * explores every order.
 */
import type { Command, Observation } from '../../spec/index.js';

/** Mms and devices a footprint tells apart. */
const LIMIT = 4;
const cpu = (m: number): number => 1 << m;
const dirty = (m: number): number => 1 << (4 + m);
const mir = (d: number, m: number): number => 1 << (8 + d * 4 + m);
const queue = (d: number): number => 1 << (24 + d);
const MMC = 1 << 28;
const ALL_CPU = 0xf;
const ALL_DIRTY = 0xf0;
const ALL_QUEUES = 0xf << 24;
const EVERYTHING = 0x1fffffff;

/** Footprints of the commands of one state, by position. */
export class Footprints {
  private w = new Int32Array(256);
  private s = new Int32Array(256);
  private shared = false;
  private o: Observation | null = null;

  /** Computes the footprint of each of `commands` in the state observed as `o`. */
  prepare(o: Observation, commands: readonly Command[]): void {
    this.o = o;
    this.shared = o.mms.filter((m) => m[1] === 'live').length > 1 && o.pages.some((p) => p[4] > 1);
    const tooBig = o.mms.length > LIMIT || o.pending.length > LIMIT;
    if (this.w.length < commands.length) {
      this.w = new Int32Array(commands.length * 2);
      this.s = new Int32Array(commands.length * 2);
    }
    for (let i = 0; i < commands.length; i++) {
      this.s[i] = 0;
      this.w[i] = tooBig ? EVERYTHING : this.footprint(commands[i]!, i);
    }
  }

  /** True when the commands at positions i and j commute in the prepared state. */
  independent(i: number, j: number): boolean {
    const wi = this.w[i]!;
    const wj = this.w[j]!;
    return (wi & (wj | this.s[j]!)) === 0 && (wj & this.s[i]!) === 0;
  }

  private cpu(m: number): number {
    return this.shared ? ALL_CPU : m < LIMIT ? cpu(m) : EVERYTHING;
  }

  private dirty(m: number): number {
    return this.shared ? ALL_DIRTY : m < LIMIT ? dirty(m) : EVERYTHING;
  }

  private mir(d: number, m: number): number {
    return d < LIMIT && m < LIMIT ? mir(d, m) : EVERYTHING;
  }

  /** Every mirror of mm m. */
  private mirs(m: number): number {
    let mask = 0;
    for (let d = 0; d < LIMIT; d++) mask |= this.mir(d, m);
    return mask;
  }

  /** `w` of command i; sets `s[i]` where the command only sets dirty bits. */
  private footprint(c: Command, i: number): number {
    const o = this.o!;
    switch (c.cmd) {
      case 'fork': return this.cpu(c.mm) | this.cpu(o.next.mm) | MMC;
      case 'exit': return this.cpu(c.mm) | this.dirty(c.mm) | this.mirs(c.mm);
      case 'write':
        this.s[i] = this.dirty(c.mm);
        return this.cpu(c.mm);
      case 'mmap': case 'munmap': case 'mprotect': case 'read': case 'migrate': case 'writeback': case 'reclaim':
        return this.cpu(c.mm);
      case 'unregister':
        this.s[i] = this.dirty(c.mm);
        return this.cpu(c.mm) | this.mir(c.dev, c.mm);
      case 'register': case 'devRead': case 'devWrite': case 'devFault':
        return this.cpu(c.mm) | this.mir(c.dev, c.mm);
      case 'signal': case 'fail': return this.completion(c.dev, i);
      case 'step': case 'finish': return this.opStep(c.op, c.cmd === 'finish', i);
    }
  }

  /** signal/fail: the device's FIFO; its oldest entry's mirror, and the pages it may dirty. */
  private completion(dev: number, i: number): number {
    const o = this.o!;
    const q = dev < LIMIT ? queue(dev) : EVERYTHING;
    const entries = o.pending.find((p) => p[0] === dev)?.[1] ?? [];
    if (entries.length === 0) return q;
    const m = o.mirrors.find((x) => x[0] === entries[0]![1]);
    if (m === undefined || m[3] !== 'live') return q;
    this.s[i] = this.dirty(m[2]);
    return q | this.mir(dev, m[2]);
  }

  /** A step of op `id` (or its finish): what its next step (or every step left) may touch. */
  private opStep(id: number, finish: boolean, i: number): number {
    const o = this.o!;
    const op = o.ops.find((x) => x[0] === id);
    if (op === undefined) return 0;
    const [, kind, mm, , , phase, , , mirror] = op;
    let w = this.cpu(mm);
    if (kind === 'rfault' || kind === 'wfault') {
      const dev = o.mirrors.find((x) => x[0] === mirror)?.[1];
      const own = dev === undefined ? this.mirs(mm) : this.mir(dev, mm);
      if (phase !== 'created' || finish) w |= own;
      if (phase === 'walk' || finish) this.s[i] = this.dirty(mm);
      return w;
    }
    if (kind === 'fork' && (phase === 'commit' || finish)) w |= this.cpu(o.next.mm) | MMC;
    // From commit: apply (the CPU change, dirty bits read) and, for finish, end (mirrors freed).
    if (phase === 'commit') return w | this.dirty(mm) | (finish ? this.mirs(mm) : 0);
    if (phase === 'created') return w | this.mirs(mm);
    return w | this.mirs(mm) | this.dirty(mm) | ALL_QUEUES;
  }
}
/**
 * The sleep set of the state reached by the command at `position`: every command before it
 * whose state is expanded (`unexpanded[i]` false) and every one asleep here (`asleep[i]`), each
 * kept if independent of it. Codes into `out`.
 */
export function childSleep(f: Footprints, codes: readonly number[], asleep: readonly boolean[], unexpanded: readonly boolean[], position: number, out: number[]): number[] {
  out.length = 0;
  for (let i = 0; i < codes.length; i++) {
    if (i === position || (i > position && !asleep[i]) || (i < position && !asleep[i] && unexpanded[i])) continue;
    if (f.independent(i, position)) out.push(codes[i]!);
  }
  return out;
}
