/**
 * A rule of SPEC §6: a named predicate over the observation (SPEC §7), so it checks the model
 * and the implementation alike.
 */
import type { Observation, ObservationPart } from '../../spec/index.js';

export interface Rule {
  /** The rule's name in SPEC §6, e.g. `mirrorWithinCpu`. */
  readonly id: string;
  /** The rule in one sentence. */
  readonly rule: string;
  /** Where it comes from: a SPEC section, a kernel function, a review. */
  readonly source: string;
  /** The parts of the observation it reads: it can judge an implementation that reports these. */
  readonly reads: readonly ObservationPart[];
  /** One message per breach, naming the entities involved (`mirror 2 vpn 0x11: ...`); empty when the rule holds. */
  check(observation: Observation): readonly string[];
}
