/**
 * Issue 13: a hand-written mutant that copies a production function (in whole or in part), or
 * relies on its internals, drifts silently when that function changes. Each such mutant names
 * the functions in `copies` with the hash of their source when it was last checked against them;
 * this test fails when a function changed since, saying which mutant to read again and the hash
 * to record once it has been. Mutants that only wrap or replace ops table entries, or that pass a
 * policy to a production seam (`walkFault`, `migratePages`, `reclaimPages`), need no entry.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MUTANTS } from '../../../impl/mutants/index.js';
import { sourceHash, sourceOf } from './sourceOf.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('mutants that copy production code', () => {
  for (const m of MUTANTS.filter((x) => x.copies !== undefined)) {
    it(`${m.name}: every function it copies is as it was when the mutant was last checked`, () => {
      const stale = m.copies!.flatMap(({ file, fn, hash }) => {
        const source = sourceOf(ROOT, file, fn);
        if (source === undefined) return [`${file} has no function ${fn} any more: rewrite mutant ${m.name}`];
        const now = sourceHash(source);
        return now === hash ? [] : [`${file} ${fn} changed since mutant ${m.name} copied it: read the mutant again against it, then set its hash to '${now}'`];
      });
      expect(stale).toEqual([]);
    });
  }

  it('finds the functions, and a change of one line changes its hash', () => {
    const source = sourceOf(ROOT, 'impl/hmm/invalidate.ts', 'waitFence')!;
    expect(source.startsWith('export function waitFence(')).toBe(true);
    expect(source.endsWith('}')).toBe(true);
    expect(sourceHash(source.replace('op.waited++', 'op.waited += 1'))).not.toBe(sourceHash(source));
    expect(sourceHash(`${source}  `)).toBe(sourceHash(source));
    expect(sourceOf(ROOT, 'impl/pagetable/hmmPt.ts', 'HmmPt.clear')!.startsWith('  clear(')).toBe(true);
    expect(sourceOf(ROOT, 'impl/cpu/apply.ts', 'copyPage')).toMatch(/^export const copyPage: PageCopy = .*;$/s);
    expect(sourceOf(ROOT, 'impl/hmm/invalidate.ts', 'noSuchFunction')).toBeUndefined();
  });
});
