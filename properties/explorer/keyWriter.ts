/**
 * The explorer's state keys in compact form: a canonical form (`canonical.ts`) written as a
 * sequence of tokens, mostly one byte each, and read back as one flat Latin-1 string that a
 * `Set<string>` hashes and compares whole (no hash is trusted alone, so no collision).
 *
 * The encoding is injective for a fixed sequence of token kinds, which the canonical form
 * fixes: an integer from 0 to 239 is one byte; any other number is `NUMBER`, its `String()` in
 * ASCII, and `END`; null (where a number or null is written) is `NULL`; a word of SPEC's closed
 * vocabulary is one byte, its index; any other string is `STRING`, its length and its code
 * units as integers. Lists are written length first. So two token sequences give the same key
 * exactly when they are equal. Numbers compare as their `String()` does (0 and -0 alike, every
 * NaN alike), as readable text keys would. Codes do not depend on what was written before, so
 * keys of separate explorations agree.
 */
import {
  FAULT_KINDS, FAULT_PHASES, FENCE_STATES, INVALIDATION_KINDS, INVALIDATION_PHASES, MIRROR_STATES, PROTS,
} from '../../spec/index.js';

/** Bytes from here on are escapes; integers below it are written as themselves. */
const ESCAPE = 0xf0;
const NUMBER = ESCAPE;
const END = ESCAPE + 1;
const NULL = ESCAPE + 2;
const STRING = ESCAPE + 3;

/** Every observed name of SPEC §2–§5 (and mm states, CPU pte tags), each once, by index. */
const VOCABULARY: ReadonlyMap<string, number> = new Map(
  [...new Set<string>([...PROTS, ...MIRROR_STATES, ...FENCE_STATES, ...INVALIDATION_KINDS, ...FAULT_KINDS,
    ...INVALIDATION_PHASES, ...FAULT_PHASES, 'live', 'dead', 'P', 'S'])].map((w, i) => [w, i]),
);
if (VOCABULARY.size >= ESCAPE) throw new Error('explorer: vocabulary too large for one-byte word codes');

/** Builds one key at a time (`reset`, the tokens, `text`). */
export class KeyWriter {
  private bytes = Buffer.allocUnsafe(512);
  private length = 0;

  /** Starts a new key. */
  reset(): void {
    this.length = 0;
  }

  /** A number. */
  int(n: number): void {
    if (n >= 0 && n < ESCAPE && Number.isInteger(n)) {
      this.push(n); // -0 is written as 0
      return;
    }
    this.push(NUMBER);
    const s = String(n);
    for (let i = 0; i < s.length; i++) this.push(s.charCodeAt(i));
    this.push(END);
  }

  /** A number or null. */
  intOrNull(n: number | null): void {
    if (n === null) this.push(NULL);
    else this.int(n);
  }

  bool(b: boolean): void {
    this.push(b ? 1 : 0);
  }

  /** A string: its index in the vocabulary, else its length and code units. */
  word(s: string): void {
    const code = VOCABULARY.get(s);
    if (code !== undefined) {
      this.push(code);
      return;
    }
    this.push(STRING);
    this.int(s.length);
    for (let i = 0; i < s.length; i++) this.int(s.charCodeAt(i));
  }

  /** Tokens another writer wrote (`tokens`), as they were: a part of keys written once. */
  raw(tokens: Uint8Array): void {
    for (let i = 0; i < tokens.length; i++) this.push(tokens[i]!);
  }

  /** A copy of the tokens written since `reset`, for `raw`. */
  tokens(): Uint8Array {
    return Uint8Array.prototype.slice.call(this.bytes, 0, this.length);
  }

  /** The key written since `reset`, as one flat string. */
  text(): string {
    return this.bytes.toString('latin1', 0, this.length);
  }

  private push(byte: number): void {
    if (this.length === this.bytes.length) {
      const bytes = Buffer.allocUnsafe(this.bytes.length * 2);
      this.bytes.copy(bytes);
      this.bytes = bytes;
    }
    this.bytes[this.length++] = byte;
  }
}

/** The tokens of `s` as `KeyWriter.word` writes them. */
export function wordTokens(s: string): Uint8Array {
  const w = new KeyWriter();
  w.word(s);
  return w.tokens();
}
