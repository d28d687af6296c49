/**
 * The implementation's own invariants (impl/hmm/bugOn.ts): a breach throws a precise message
 * (STYLE §7), and a sound call builds no message at all.
 */
import { describe, expect, it } from 'vitest';
import { createImplWorld } from '../../impl/index.js';
import { bugOn } from '../../impl/hmm/bugOn.js';
import { endMirror, unrefMirror } from '../../impl/hmm/mirror.js';

describe('bugOn', () => {
  it('throws the message when broken, and builds none otherwise', () => {
    let built = 0;
    const message = (): string => `built ${++built}`;
    bugOn(false, message);
    expect(built).toBe(0);
    expect(() => bugOn(true, message)).toThrow('built 1');
  });
  it('guards the mirror lifecycle: no unref below 0 refs, no second end', () => {
    const w = createImplWorld();
    w.apply({ cmd: 'register', dev: 0, mm: 0 });
    const core = w.core;
    const m = core.mirrors.get(1)!;
    expect(() => unrefMirror(core, m)).toThrow('mirror invariant: unref of mirror 1 at refs 0');
    m.refs = 1; // held, so it stays listed after its end
    endMirror(core, m, 'unregistered');
    expect(() => endMirror(core, m, 'killed')).toThrow('mirror invariant: ending mirror 1 in state unregistered');
  });
});
