/**
 * The memoryIsMemory tracker (properties/rules/memoryIsMemory.ts) as part of a state: it
 * needs the command history, so what it remembers (the value last written at each vpn, what
 * ops in flight will do when they end, the next mm) is part of the explorer's state and of its
 * key. Its `snapshot()` text `[memory, [[op, effect], …], nextMm]` is parsed (cached: memory
 * states repeat a lot) so that op ids in it go through the key's renaming, entries in the order
 * of their ops' names: written after the worlds, every op in flight already has one.
 */
import type { StateSink } from '../../spec/index.js';

/** A parsed snapshot. */
interface MemorySnapshot {
  /** Its text without the pending entries, and next mm. */
  readonly head: string;
  readonly ops: readonly number[];
  readonly effects: readonly string[];
}

const cache = new Map<string, MemorySnapshot>();
const CACHE_LIMIT = 100_000;

/** Writes the tracker state whose `snapshot()` is `text` into `sink`. */
export function writeMemory(sink: StateSink, text: string): void {
  const m = parse(text);
  sink.word(m.head);
  const n = m.ops.length;
  sink.int(n);
  if (n === 0) return;
  const order = m.ops.map((_, i) => i);
  if (n > 1) order.sort((a, b) => (sink.nameOf('op', m.ops[a]!) || Infinity) - (sink.nameOf('op', m.ops[b]!) || Infinity) || m.ops[a]! - m.ops[b]!);
  for (const i of order) {
    sink.op(m.ops[i]!);
    sink.word(m.effects[i]!);
  }
}

function parse(text: string): MemorySnapshot {
  let m = cache.get(text);
  if (m !== undefined) return m;
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value) || value.length !== 3 || !Array.isArray(value[1])) throw formatError(text);
  const [memory, pending, nextMm] = value as [unknown, unknown[], unknown];
  const ops: number[] = [];
  const effects: string[] = [];
  for (const entry of pending) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'number') throw formatError(text);
    ops.push(entry[0]);
    effects.push(JSON.stringify(entry[1]));
  }
  m = { head: JSON.stringify([memory, nextMm]), ops, effects };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, m);
  return m;
}

/** The snapshot format changed under us: hashing it raw could merge different states. */
function formatError(text: string): Error {
  return new Error(`explorer: unexpected memoryIsMemory snapshot ${text.slice(0, 80)}; expected [memory, [[op, effect], …], nextMm]`);
}
