/** Deliberately wrong worlds for testing the runner: a wrapper that flips one result. */
import type { Command, Result, World } from '../../../spec/index.js';

/** After `n` commands, the next `{ok: v}` result becomes `{ok: v + 1}` (once). */
export function flipAfter(world: World, n: number): World {
  let count = 0;
  let flipped = false;
  return {
    apply(c: Command): Result {
      const r = world.apply(c);
      count++;
      if (flipped || count <= n || !('ok' in r)) return r;
      flipped = true;
      return { ok: r.ok + 1 };
    },
    observe: () => world.observe(),
  };
}
