/**
 * Shards of a campaign (`hmm-check run --shard i/n`): the budget's runs cut into n consecutive
 * slices, so a batch scheduler or a CI matrix spreads one long check over machines and
 * `hmm-check merge` joins the reports. Run k of a seed is the same wherever it runs: fast-check
 * derives each run's random source from the seed and the run's index alone, and starting at a
 * path `first` skips the runs before it without generating them. So the shards of a campaign
 * together run exactly the runs of the unsharded check, and a counterexample's path (offset by
 * fast-check) replays without `--shard`.
 */

/** Shard `index` of `count`, 1-based as CI matrices number them. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** The runs `[first, first + runs)` of a campaign of `totalRuns` runs that a shard covers. */
export interface ShardSlice {
  readonly first: number;
  readonly runs: number;
}

/** Largest shard count accepted. */
export const MAX_SHARDS = 10_000;

/** Parses `i/n` (1 <= i <= n <= MAX_SHARDS); a message naming what is wrong otherwise. */
export function parseShard(text: string): Shard | { readonly error: string } {
  const m = /^(\d{1,9})\/(\d{1,9})$/.exec(text);
  if (m === null) return { error: `must look like i/n (shard i of n, from 1/n to n/n), not '${text}'` };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS) return { error: `needs a shard count from 1 to ${MAX_SHARDS}, not ${count}` };
  if (index < 1 || index > count) return { error: `needs a shard index from 1 to ${count}, not ${index}` };
  return { index, count };
}

/** The slice of `totalRuns` runs shard `s` covers: slices differ in length by at most one run. */
export function shardSlice(totalRuns: number, s: Shard): ShardSlice {
  const first = Math.floor(((s.index - 1) * totalRuns) / s.count);
  const end = Math.floor((s.index * totalRuns) / s.count);
  return { first, runs: end - first };
}
