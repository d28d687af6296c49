/**
 * Rule `driverSaw` (SPEC §6): `violations` is empty. The driver simulator is a sanitizer, like
 * KASAN: it records `updateNotLive <mirror>`, `callbackFreedMirror <mirror>`,
 * `waitFreedFence <fence>`, `unrefFreedFence <fence>`, `fenceRef <fence>`, `releaseTwice <mirror>`.
 */
import type { Observation } from '../../spec/index.js';
import type { Rule } from './rule.js';

/** The driver simulator received no call that breaks its contract. */
export const driverSaw: Rule = {
  id: 'driverSaw',
  rule: 'violations is empty: the driver simulator received no call that breaks its contract',
  source: 'SPEC §6; the driver simulator as a sanitizer, like KASAN',
  reads: ['violations'],
  check: (o: Observation) => o.violations.map((v) => `driver saw ${v}`),
};
