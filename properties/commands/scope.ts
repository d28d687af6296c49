/**
 * The generation scope of the conformance checker: the bounds within which commands are drawn.
 * Bounds live here, in `properties/`, never in the spec or the model (STYLE §9, like a TLA+
 * model-checking config). A small vpn window makes ranges overlap, so faults race
 * invalidations; rare out-of-domain values keep EINVAL reachable.
 */

/** Bounds of generated commands. */
export interface GenerationScope {
  /** Devices of the world (SPEC §1); `dev` is drawn in 0..devices-1, rarely outside. */
  readonly devices: number;
  /** Addresses are drawn in [0, vpnWindow). */
  readonly vpnWindow: number;
  /** Short ranges have 1..shortRange pages; long ones (rarer) up to the whole window. */
  readonly shortRange: number;
  /** Written values are drawn in 1..maxValue (0 is what a fresh page holds). */
  readonly maxValue: number;
  /** mm indices are drawn in 0..mmIndices-1, modulo the mms ever created. */
  readonly mmIndices: number;
  /** op indices are drawn in 0..opIndices-1, newest first, modulo the ops ever created. */
  readonly opIndices: number;
  /** Weight of an out-of-domain value against 100 in-domain ones (0 disables). */
  readonly outOfDomainPerCent: number;
}

/** The default scope: 2 devices, 16 pages, small values, few mms and ops. */
export const DEFAULT_SCOPE: GenerationScope = {
  devices: 2,
  vpnWindow: 16,
  shortRange: 3,
  maxValue: 9,
  mmIndices: 3,
  opIndices: 4,
  outOfDomainPerCent: 1,
};
