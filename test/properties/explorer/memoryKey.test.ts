/**
 * The memoryIsMemory tracker in the state key (properties/explorer/memoryKey.ts): its pending
 * effects are keyed by op names in name order, so two trackers that differ only by op ids
 * (equal up to renaming) write alike; a snapshot of another shape is refused, not hashed raw.
 */
import { describe, expect, it } from 'vitest';
import { Fingerprinter } from '../../../properties/explorer/fingerprint.js';
import { writeMemory } from '../../../properties/explorer/memoryKey.js';

function key(text: string, ops: readonly number[]): string {
  const f = new Fingerprinter();
  f.begin();
  for (const op of ops) f.op(op); // the worlds name their ops first
  writeMemory(f, text);
  return `${f.hi}:${f.lo}`;
}

describe('the memory tracker in keys', () => {
  const write = '{"kind":"write","mm":0,"vpn":0,"value":1}';
  const munmap = '{"kind":"munmap","mm":0,"start":0,"end":1}';

  it('writes pending effects by op name, whatever the op ids', () => {
    const a = key(`[[],[[3,${write}],[8,${munmap}]],1]`, [3, 8]);
    const b = key(`[[],[[4,${munmap}],[6,${write}]],1]`, [6, 4]);
    expect(a).toBe(b);
    expect(key(`[[],[[3,${write}],[8,${munmap}]],1]`, [8, 3])).not.toBe(a);
  });

  it('refuses a snapshot of another shape', () => {
    expect(() => key('{"memory":[]}', [])).toThrow(/unexpected memoryIsMemory snapshot/);
    expect(() => key('[[],[["x",1]],1]', [])).toThrow(/unexpected memoryIsMemory snapshot/);
  });
});
