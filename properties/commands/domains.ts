/**
 * The value domains commands are drawn from (SPEC §1, §3), within a `GenerationScope`: mostly
 * in domain and small, rarely outside (EINVAL: not a safe integer, out of the vpn space, an
 * unknown prot or choice, a dev out of range, a bad fail code).
 */
import fc from 'fast-check';
import { VPN_LIMIT } from '../../spec/index.js';
import type { GenerationScope } from './scope.js';
import { UNKNOWN_INDEX } from './tracker.js';

/** Mostly `usual`, with `rare` at `outOfDomainPerCent` per 100 (never when 0). */
function mostly<T>(s: GenerationScope, usual: fc.Arbitrary<T>, rare: fc.Arbitrary<T>): fc.Arbitrary<T> {
  if (s.outOfDomainPerCent <= 0) return usual;
  return fc.oneof({ arbitrary: usual, weight: 100 }, { arbitrary: rare, weight: s.outOfDomainPerCent });
}

/** A vpn in the window, rarely -1, 2^36 or 1.5. */
export const vpnArb = (s: GenerationScope): fc.Arbitrary<number> =>
  mostly(s, fc.integer({ min: 0, max: s.vpnWindow - 1 }), fc.constantFrom(-1, VPN_LIMIT, 1.5));

/** `[start, npages]`: short ranges mostly, occasionally up to the whole window, rarely malformed. */
export const rangeArb = (s: GenerationScope): fc.Arbitrary<readonly [number, number]> => {
  const short = fc.tuple(fc.integer({ min: 0, max: s.vpnWindow - 1 }), fc.integer({ min: 1, max: s.shortRange }));
  const long = fc.integer({ min: 1, max: s.vpnWindow }).chain((n) => fc.tuple(fc.integer({ min: 0, max: s.vpnWindow - n }), fc.constant(n)));
  const bad = fc.constantFrom<readonly [number, number]>([0, 0], [-1, 1], [VPN_LIMIT - 1, 2], [2, 1.5]);
  return mostly(s, fc.oneof({ arbitrary: short, weight: 4 }, { arbitrary: long, weight: 1 }), bad);
};

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
      { arbitrary: fc.constant(undefined), weight: 5 },
      { arbitrary: fc.constant('fence'), weight: 4 },
      { arbitrary: fc.constant('sync'), weight: 1 },
      { arbitrary: fc.constant('error'), weight: 1 },
    ),
    fc.constant('maybe'),
  );

/** A fence failure code: EIO mostly, another E-code (a warning) sometimes, rarely a bad one. */
export const codeArb = (s: GenerationScope): fc.Arbitrary<string> =>
  mostly(s, fc.oneof({ arbitrary: fc.constant('EIO'), weight: 3 }, { arbitrary: fc.constant('ENOMEM'), weight: 1 }), fc.constantFrom('EAGAIN', 'eio'));

/** An mm index (into all mms ever created), rarely one never created. */
export const mmIndexArb = (s: GenerationScope): fc.Arbitrary<number> =>
  mostly(s, fc.integer({ min: 0, max: s.mmIndices - 1 }), fc.constant(UNKNOWN_INDEX));

/** An op index, newest first (0 is the latest op), rarely one never created. */
export const opIndexArb = (s: GenerationScope): fc.Arbitrary<number> =>
  mostly(s, fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: s.opIndices - 1 }), weight: 2 }), fc.constant(UNKNOWN_INDEX));
