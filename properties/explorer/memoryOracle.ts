/**
 * The explorer's view of rule `memoryIsMemory` (SPEC §6), which needs the command history, so
 * its state is part of the explorer's state: the value last written at each vpn and what ops in
 * flight will do when they end. Two states that differ there have different futures, so the
 * explorer hashes it with the observation and deduplication stays sound.
 *
 * The tracker is `properties/rules`' `MemoryIsMemory`; this file holds the narrow interface the
 * explorer needs and reads its `snapshot()` text `[memory, [[op, effect], …], nextMm]` so that
 * op ids in it are renamed with the observation's (see `renaming.ts`): left raw, a pending write
 * of op 5 in a state whose ops are {3, 5} and one in a state whose ops are {5, 7} would hash
 * alike although op 5 is the second op in one and the first in the other.
 */
import type { Command, Observation, Result } from '../../spec/index.js';
import { wordTokens, type KeyWriter } from './keyWriter.js';
import { renamed, type IdNaming } from './renaming.js';

/** What the explorer needs of the memoryIsMemory tracker. */
export interface MemoryOracle {
  /** Feeds a command, its result and the observation after it; the breaches it shows. */
  after(command: Command, result: Result, observation: Observation): readonly string[];
  /** Canonical text of everything tracked. */
  snapshot(): string;
  /** An independent copy. */
  clone(): MemoryOracle;
}

/** A parsed snapshot: the op ids it names, and its text with those ids renamed. */
export interface MemorySnapshot {
  readonly ops: readonly number[];
  render(op: IdNaming): string;
  /** Writes what `render` shows into a state key (each string as `KeyWriter.word`): equal renders, equal tokens. */
  write(key: KeyWriter, op: IdNaming): void;
}

const cache = new Map<string, MemorySnapshot>();
const CACHE_LIMIT = 100_000;

/** Parses a `MemoryIsMemory.snapshot()` text (cached: memory states repeat a lot). */
export function parseMemorySnapshot(text: string): MemorySnapshot {
  let parsed = cache.get(text);
  if (parsed === undefined) {
    parsed = parse(text);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, parsed);
  }
  return parsed;
}

function parse(text: string): MemorySnapshot {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value) || value.length !== 3 || !Array.isArray(value[1])) throw formatError(text);
  const [memory, pending, nextMm] = value as [unknown, unknown[], unknown];
  const ops = pending.map((entry) => {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'number') throw formatError(text);
    return entry[0];
  });
  if (ops.length === 0) {
    const tokens = wordTokens(text);
    return {
      ops,
      render: () => text,
      write(key) {
        key.int(0);
        key.raw(tokens);
      },
    };
  }
  const effects = pending.map((entry) => JSON.stringify((entry as unknown[])[1]));
  const head = JSON.stringify(memory);
  const tail = JSON.stringify(nextMm);
  const effectTokens = effects.map(wordTokens);
  const headTokens = wordTokens(head);
  const tailTokens = wordTokens(tail);
  return {
    ops,
    render(op) {
      const items = ops.map((id, i) => `[${renamed(op, id, 'op')},${effects[i]}]`);
      return `[${head},[${items.join(',')}],${tail}]`;
    },
    write(key, op) {
      key.int(ops.length);
      key.raw(headTokens);
      key.raw(tailTokens);
      for (let i = 0; i < ops.length; i++) {
        key.int(renamed(op, ops[i]!, 'op'));
        key.raw(effectTokens[i]!);
      }
    },
  };
}

/** The snapshot format changed under us: hashing it raw could merge different states. */
function formatError(text: string): Error {
  return new Error(`explorer: unexpected memoryIsMemory snapshot ${text.slice(0, 80)}; expected [memory, [[op, effect], …], nextMm]`);
}
