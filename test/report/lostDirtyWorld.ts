/**
 * A deliberately broken world for report tests: it forwards every command to the model but its
 * observation forgets the dirty bit of every device pte, as a driver that drops device dirty
 * bits would. Replaying a device write on it breaks `dirtyTracked` (SPEC §6).
 */
import type { Command, Observation, Result, World, WorldConfig } from '../../spec/index.js';
import { createModelWorld } from '../../model/index.js';

/** The model, observed without device dirty bits. */
export function createLostDirtyWorld(config: WorldConfig): World {
  const inner = createModelWorld(config);
  return {
    apply: (command: Command): Result => inner.apply(command),
    observe(): Observation {
      const o = inner.observe();
      const mirrors = o.mirrors.map((m) => [m[0], m[1], m[2], m[3], m[4], m[5], m[6].map(([vpn, pfn, write]) => [vpn, pfn, write, false] as const)] as const);
      return { ...o, mirrors };
    },
  };
}
