/**
 * The generation scope of the conformance checker: the bounds within which commands are drawn.
 * Bounds live here, in `properties/`, never in the spec or the model (STYLE §9, like a TLA+
 * model-checking config). A small vpn window makes ranges overlap, so faults race
 * invalidations; a second, rarer window far away spreads page tables over several directories;
 * rare out-of-domain values keep EINVAL reachable.
 */

/** Bounds of generated commands. */
export interface GenerationScope {
  /** Devices of the world (SPEC §1); `dev` is drawn in 0..devices-1, rarely outside. */
  readonly devices: number;
  /** Addresses are drawn in [0, vpnWindow), or in the far window of as many pages. */
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
  /**
   * Weight of an address in a far window against 100 in the window at 0 (absent or 0: none).
   * A far window has vpnWindow pages centred on one of `FAR_WINDOW_CENTRES`, so ranges still
   * overlap there, and tables spread over several directories at every level.
   */
  readonly farWindowPerCent?: number;
  /**
   * Per cent of device accesses and range operations that reuse an address instead of the one
   * drawn (absent or 0: never): a device access retries the last device access (same mirror,
   * same address), a range operation starts at one of the last addresses used. Resolved when
   * the command runs (`Tracker.resolve`).
   */
  readonly addressReusePerCent?: number;
}

/**
 * Centres of the far windows, boundaries of a 4-level radix table of 512-entry levels (the
 * kernel's x86-64 page tables, and the seed's hmm_pt): 2^9 separates leaf tables under one
 * upper directory; 2^27 separates every level, so addresses on either side share only the root.
 */
export const FAR_WINDOW_CENTRES: readonly number[] = [2 ** 9, 2 ** 27];

/** The default scope: 2 devices, 16 pages (now and then 16 far ones), small values, few mms and ops. */
export const DEFAULT_SCOPE: GenerationScope = {
  devices: 2,
  vpnWindow: 16,
  shortRange: 3,
  maxValue: 9,
  mmIndices: 3,
  opIndices: 4,
  outOfDomainPerCent: 1,
  farWindowPerCent: 5,
  addressReusePerCent: 60,
};
