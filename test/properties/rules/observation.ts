/** Hand-made observations (SPEC §7) for rule tests: the initial one with some fields replaced. */
import { initialObservation, type Observation } from '../../../spec/index.js';

/** The initial observation of 2 devices with `fields` replaced. */
export function obs(fields: Partial<Observation>): Observation {
  return { ...initialObservation(2), ...fields };
}
