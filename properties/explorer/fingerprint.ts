/**
 * The explorer's state key: a 64-bit fingerprint of the complete state of every world of a
 * state (`World.writeState`, spec/stateSink.ts) and of the memoryIsMemory tracker, as TLC
 * stores 64-bit fingerprints instead of states. Built as a `StateSink`: tokens are collected as
 * 32-bit words and hashed at the end (two 32-bit lanes of Murmur3-style mixing with different
 * constants, each finished with fmix32). Pfns and mirror, op and fence ids are renamed in order
 * of first appearance across all the worlds written (`renaming.ts` `JointNames`), so states
 * equal up to renaming those ids get one fingerprint (symmetry reduction; why it is sound:
 * `renaming.ts`, and the sink's contract in spec/stateSink.ts). Devices are renamed alike when
 * the scope's commands treat every device alike (`Scope.symmetricDevices`).
 *
 * Every token carries its kind (int, bool, word, nil, each id kind), so the token sequence is
 * read back unambiguously from the words hashed: two different sequences collide only when
 * the hash does (TLC's estimate of that chance: `outcome.ts` `collisionProbability`).
 */
import type { IdKind, StateSink } from '../../spec/index.js';
import { JointNames } from './renaming.js';
import { wordCode } from './vocabulary.js';

const T_INT = 1;
const T_BOOL = 2;
const T_WORD = 3;
const T_NIL = 4;
const T_PFN = 5;
const T_MIRROR = 6;
const T_OP = 7;
const T_FENCE = 8;
const T_BIG = 9;
const T_CHARS = 10;
const T_DEV = 11;
/** A token whose value fits here is one word: kind in the top byte, value below. */
const SMALL = 1 << 24;

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);

/** A 64-bit fingerprint: two unsigned 32-bit halves. */
export interface Fingerprint {
  readonly hi: number;
  readonly lo: number;
}

/**
 * Hashes the states written into it; `begin`, the writes, then `hi`/`lo`. Tokens are kept as
 * 32-bit words and hashed once at the end, in one loop.
 */
export class Fingerprinter implements StateSink {
  private buf = new Int32Array(1024);
  private n = 0;
  private h1 = 0;
  private h2 = 0;
  private done = false;
  private readonly pfns = new JointNames();
  private readonly mirrors = new JointNames();
  private readonly ops = new JointNames();
  private readonly fences = new JointNames();
  private readonly devs = new JointNames();

  /** `symmetricDevices`: devices are renamed too (the scope's commands treat every device alike). */
  constructor(private readonly symmetricDevices = false) {}

  /** Starts a new fingerprint: no words, no names. */
  begin(): void {
    this.n = 0;
    this.done = false;
    this.pfns.clear();
    this.mirrors.clear();
    this.ops.clear();
    this.fences.clear();
    this.devs.clear();
  }

  /** The next world's walk starts: ids keep their names, and each is new to it again. */
  nextWorld(): void {
    this.push(T_NIL << 24 | 0xbeef);
    this.pfns.nextWorld();
    this.mirrors.nextWorld();
    this.ops.nextWorld();
    this.fences.nextWorld();
  }

  /** The high half of the fingerprint of the words written since `begin`. */
  get hi(): number {
    if (!this.done) this.finish();
    return this.h1;
  }

  /** The low half (never both halves 0). */
  get lo(): number {
    if (!this.done) this.finish();
    return this.h2;
  }

  int(n: number): void {
    if (n >= 0 && n < SMALL && (n | 0) === n) {
      this.push((T_INT << 24) | n);
      return;
    }
    this.push(T_BIG << 24);
    scratch[0] = n === 0 ? 0 : n; // -0 as 0
    this.push(scratchWords[0]!);
    this.push(scratchWords[1]!);
  }

  bool(b: boolean): void {
    this.push((T_BOOL << 24) | (b ? 1 : 0));
  }

  word(s: string): void {
    const code = wordCode(s);
    if (code >= 0) {
      this.push((T_WORD << 24) | code);
      return;
    }
    this.push((T_CHARS << 24) | Math.min(s.length, SMALL - 1));
    for (let i = 0; i < s.length; i++) this.push(s.charCodeAt(i));
  }

  nil(): void {
    this.push(T_NIL << 24);
  }

  pfn(id: number): boolean {
    return this.id(this.pfns, T_PFN, id);
  }

  mirror(id: number): boolean {
    return this.id(this.mirrors, T_MIRROR, id);
  }

  op(id: number): boolean {
    return this.id(this.ops, T_OP, id);
  }

  fence(id: number): boolean {
    return this.id(this.fences, T_FENCE, id);
  }

  dev(id: number): void {
    this.push((T_DEV << 24) | ((this.symmetricDevices ? this.devs.name(id) : id + 1) & (SMALL - 1)));
  }

  nameOf(kind: IdKind, id: number): number {
    if (kind === 'dev') return this.symmetricDevices ? (this.devs.get(id) ?? 0) : id + 1;
    const names = kind === 'pfn' ? this.pfns : kind === 'mirror' ? this.mirrors : kind === 'op' ? this.ops : this.fences;
    return names.get(id) ?? 0;
  }

  private id(names: JointNames, tag: number, id: number): boolean {
    this.push((tag << 24) | (names.name(id) & (SMALL - 1)));
    return names.firstInWorld(id);
  }

  private push(w: number): void {
    if (this.n === this.buf.length) {
      const b = new Int32Array(this.n * 2);
      b.set(this.buf);
      this.buf = b;
    }
    this.buf[this.n++] = w;
  }

  /** Two 32-bit lanes of Murmur3-style mixing with different constants, each finished with fmix32. */
  private finish(): void {
    const buf = this.buf;
    const n = this.n;
    let h1 = 0x2014_0001;
    let h2 = 0x5eed_1e55;
    for (let i = 0; i < n; i++) {
      const w = buf[i]!;
      let k = Math.imul(w, 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      h1 ^= Math.imul(k, 0x1b873593);
      h1 = (h1 << 13) | (h1 >>> 19);
      h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
      let k2 = Math.imul(w ^ 0x7f4a7c15, 0x85ebca6b);
      k2 = (k2 << 13) | (k2 >>> 19);
      h2 ^= Math.imul(k2, 0xc2b2ae35);
      h2 = (h2 << 17) | (h2 >>> 15);
      h2 = (Math.imul(h2, 9) + 0x52dce729) | 0;
    }
    this.h1 = fmix(h1 ^ n, 0x85ebca6b, 0xc2b2ae35);
    const lo = fmix(h2 ^ Math.imul(n, 0x9e3779b1), 0xcc9e2d51, 0x1b873593);
    this.h2 = lo === 0 && this.h1 === 0 ? 1 : lo;
    this.done = true;
  }
}

/** Murmur3's finaliser with the given multipliers, as an unsigned 32-bit value. */
function fmix(h: number, m1: number, m2: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, m1);
  h ^= h >>> 13;
  h = Math.imul(h, m2);
  h ^= h >>> 16;
  return h >>> 0;
}
