/**
 * The value domains commands are drawn from (SPEC §1, §3), within a `GenerationScope`: mostly
 * in domain and small, rarely outside (EINVAL: not a safe integer, out of the vpn space, an
 * unknown prot or choice, a dev out of range, a bad fail code, an mm or op id not an integer).
 */
import fc from 'fast-check';
import { VPN_LIMIT } from '../../spec/index.js';
import { FAR_WINDOW_CENTRES, type GenerationScope } from './scope.js';
import type { AddressRef } from './indexedCommand.js';
import { NON_INTEGER_INDEX, RECENT_ADDRESSES, UNKNOWN_INDEX } from './tracker.js';

/** Mostly `usual`, with `rare` at `outOfDomainPerCent` per 100 (never when 0). */
function mostly<T>(s: GenerationScope, usual: fc.Arbitrary<T>, rare: fc.Arbitrary<T>): fc.Arbitrary<T> {
  if (s.outOfDomainPerCent <= 0) return usual;
  return fc.oneof({ arbitrary: usual, weight: 100 }, { arbitrary: rare, weight: s.outOfDomainPerCent });
}

/**
 * `near` (drawn in the window at 0), or now and then the same drawn in a far window: moved by
 * `centre - vpnWindow / 2` for one of `FAR_WINDOW_CENTRES`. Shrinking brings it back near 0.
 */
function nearOrFar<T>(s: GenerationScope, near: fc.Arbitrary<T>, move: (v: T, by: number) => T): fc.Arbitrary<T> {
  const far = s.farWindowPerCent ?? 0;
  if (far <= 0) return near;
  const shift = fc.constantFrom(...FAR_WINDOW_CENTRES.map((c) => c - Math.floor(s.vpnWindow / 2)));
  const moved = fc.tuple(near, shift).map(([v, by]) => move(v, by));
  return fc.oneof({ withCrossShrink: true }, { arbitrary: near, weight: 100 }, { arbitrary: moved, weight: far });
}

/** A vpn in the window (or the far one), rarely -1, 2^36 or 1.5. */
export const vpnArb = (s: GenerationScope): fc.Arbitrary<number> =>
  mostly(s, nearOrFar(s, fc.integer({ min: 0, max: s.vpnWindow - 1 }), (v, by) => v + by), fc.constantFrom(-1, VPN_LIMIT, 1.5));

/** `[start, npages]`: short ranges mostly, occasionally up to the whole window (or the far one), rarely malformed. */
export const rangeArb = (s: GenerationScope): fc.Arbitrary<readonly [number, number]> => {
  const short = fc.tuple(fc.integer({ min: 0, max: s.vpnWindow - 1 }), fc.integer({ min: 1, max: s.shortRange }));
  const long = fc.integer({ min: 1, max: s.vpnWindow }).chain((n) => fc.tuple(fc.integer({ min: 0, max: s.vpnWindow - n }), fc.constant(n)));
  const bad = fc.constantFrom<readonly [number, number]>([0, 0], [-1, 1], [VPN_LIMIT - 1, 2], [2, 1.5]);
  const near: fc.Arbitrary<readonly [number, number]> = fc.oneof({ arbitrary: short, weight: 4 }, { arbitrary: long, weight: 1 });
  return mostly(s, nearOrFar(s, near, ([start, npages], by) => [start + by, npages] as const), bad);
};

/**
 * `addressReusePerCent` times in 100 the index of a recent address to reuse (the newest most
 * often), else absent. Shrinking goes to absent: the address drawn.
 */
const reuseArb = (s: GenerationScope): fc.Arbitrary<number | undefined> => {
  const reuse = s.addressReusePerCent ?? 0;
  if (reuse <= 0) return fc.constant(undefined);
  const recent = fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, { arbitrary: fc.integer({ min: 1, max: RECENT_ADDRESSES - 1 }), weight: 1 });
  return fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant(undefined), weight: 100 - reuse }, { arbitrary: recent, weight: reuse });
};

const refOf = (drawn: number, reuse: number | undefined): AddressRef => (reuse === undefined ? { drawn } : { drawn, reuse });

/** A vpn (`vpnArb`) that may be replaced by a recent address when the command runs. */
export const vpnRefArb = (s: GenerationScope): fc.Arbitrary<AddressRef> =>
  fc.tuple(vpnArb(s), reuseArb(s)).map(([drawn, reuse]) => refOf(drawn, reuse));

/** A range (`rangeArb`) whose start may be replaced by a recent address when the command runs. */
export const rangeRefArb = (s: GenerationScope): fc.Arbitrary<readonly [AddressRef, number]> =>
  fc.tuple(rangeArb(s), reuseArb(s)).map(([[drawn, npages], reuse]) => [refOf(drawn, reuse), npages] as const);

/** A written value: 1..maxValue, rarely 0 or unsafe. */
export const valueArb = (s: GenerationScope): fc.Arbitrary<number> =>
  mostly(s, fc.integer({ min: 1, max: s.maxValue }), fc.constantFrom(0, 2 ** 53, 0.5));

/** A device, rarely one that does not exist. */
export const devArb = (s: GenerationScope): fc.Arbitrary<number> =>
  mostly(s, fc.integer({ min: 0, max: s.devices - 1 }), fc.constantFrom(s.devices, -1));

/** A protection, `rw` most often; rarely an unknown one. */
export const protArb = (s: GenerationScope): fc.Arbitrary<string> =>
  mostly(
    s,
    fc.oneof({ arbitrary: fc.constant('rw'), weight: 5 }, { arbitrary: fc.constant('r'), weight: 2 }, { arbitrary: fc.constant('none'), weight: 1 }),
    fc.constant('rwx'),
  );

/** A driver answer for `step`: absent (sync) or fence most often, error now and then. */
export const choiceArb = (s: GenerationScope): fc.Arbitrary<string | undefined> =>
  mostly(
    s,
    fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 3 },
      { arbitrary: fc.constant('fence'), weight: 6 },
      { arbitrary: fc.constant('sync'), weight: 1 },
      { arbitrary: fc.constant('error'), weight: 1 },
    ),
    fc.constant('maybe'),
  );

/** A fence failure code: EIO mostly, another E-code (a warning) sometimes, rarely a bad one. */
export const codeArb = (s: GenerationScope): fc.Arbitrary<string> =>
  mostly(s, fc.oneof({ arbitrary: fc.constant('EIO'), weight: 3 }, { arbitrary: fc.constant('ENOMEM'), weight: 1 }), fc.constantFrom('EAGAIN', 'eio'));

/** An mm index (into all mms ever created), rarely one never created or an id that is not an integer. */
export const mmIndexArb = (s: GenerationScope): fc.Arbitrary<number> =>
  mostly(s, fc.integer({ min: 0, max: s.mmIndices - 1 }), fc.constantFrom(UNKNOWN_INDEX, NON_INTEGER_INDEX));

/** An op index, newest first (0 is the latest op), rarely one never created or an id that is not an integer. */
export const opIndexArb = (s: GenerationScope): fc.Arbitrary<number> =>
  mostly(
    s,
    fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: s.opIndices - 1 }), weight: 2 }),
    fc.constantFrom(UNKNOWN_INDEX, NON_INTEGER_INDEX),
  );
