/**
 * Addresses and ranges (SPEC §1).
 *
 * An address is a virtual page number (vpn) in [0, 2^36). A range is the half-open
 * [start, start + npages) with npages >= 1 and start + npages <= 2^36.
 */

/** Bits of a virtual page number: the vpn space is [0, 2^VPN_BITS). */
export const VPN_BITS = 36;

/** One past the largest vpn: 2^36. */
export const VPN_LIMIT = 2 ** VPN_BITS;

/** A virtual page number. */
export type Vpn = number;

/** A half-open page range [start, end). */
export interface Range {
  readonly start: Vpn;
  readonly end: Vpn;
}

/** True when `vpn` is a safe integer inside the vpn space (SPEC §1). */
export function isVpn(vpn: number): boolean {
  return Number.isSafeInteger(vpn) && vpn >= 0 && vpn < VPN_LIMIT;
}

/** True when [start, start + npages) is a well-formed range (SPEC §1). */
export function isRange(start: number, npages: number): boolean {
  return (
    Number.isSafeInteger(start) &&
    Number.isSafeInteger(npages) &&
    start >= 0 &&
    npages >= 1 &&
    start + npages <= VPN_LIMIT
  );
}

