/**
 * The tests StrykerJS runs against every mutant of impl/ (`npm run mutation`, stryker.config.mjs):
 * the checker's own jobs, in the order that kills a mutant soonest (Stryker stops a mutant at its
 * first failing test, and each mutant runs only the tests that reach its code).
 * 1. The lockstep conformance check on a fifth of the default budget of `hmm-check run` (seed
 *    2014, the first 600 of its 3000 random runs and 150 guided runs), ending at the first
 *    counterexample (not shrunk, not minimized: a verdict is all a mutant needs). A fifth, because
 *    a mutant that survives runs the whole budget and a run of the whole budget per survivor
 *    makes `npm run mutation` last about four hours on 2 cores; fast-check draws the runs of a
 *    seed in order (the guided runs too), so what the fifth kills the whole budget kills with the same runs, and the
 *    score is a lower bound of the whole budget's (bench/mutation-survivors.md names the
 *    survivors that the whole budget kills).
 * 2. The default scope explored in lockstep to depth 5 (every check of `run` in every state and
 *    on every transition): it reaches what the random check never calls, the implementation's
 *    complete-state key (impl/world/writeState.ts, writeTable.ts) and a clone per transition.
 * 3. The state key's own properties (test/properties/explorer/keySoundness.test.ts: equal keys,
 *    equal futures; test/impl/writeState.test.ts: hidden state tells states apart), imported
 *    after 1 and 2 so that they run after them.
 * Not part of `npm test` (only vitest.mutation.config.ts includes *.mutation.ts).
 */
import { expect, test } from 'vitest';
import { parseScope } from '../../properties/explorer/scope.js';
import { DEFAULT_SCOPE_FILE, readScopeFile } from '../../properties/explorer/scopeFile.js';
import { searchSync } from '../../properties/explorer/search.js';
import { DEFAULT_BUDGET, DEFAULT_GUIDED_RUNS } from '../../properties/runner/config.js';
import { defaultParts } from '../../properties/runner/defaultParts.js';
import { runConformance } from '../../properties/runner/runConformance.js';
import { lockstepParts } from '../properties/explorer/helpers.js';

/**
 * A fifth of `run`'s default budget, same seed and steps; the whole budget with
 * HMM_MUTATION_BUDGET=whole (to look again at survivors: `HMM_MUTATION_BUDGET=whole npx stryker
 * run --mutate 'impl/cpu/apply.ts:79:9-79:40'`).
 */
const MUTATION_BUDGET = process.env['HMM_MUTATION_BUDGET'] === 'whole'
  ? DEFAULT_BUDGET
  : { ...DEFAULT_BUDGET, runs: DEFAULT_BUDGET.runs / 5, guidedRuns: DEFAULT_GUIDED_RUNS / 5 };

test('the implementation conforms on the mutation budget', async () => {
  const report = await runConformance({ parts: defaultParts(), budget: MUTATION_BUDGET, firstFailureOnly: true });
  expect(report.counterexample?.failure.message ?? 'no counterexample').toBe('no counterexample');
});

test('the implementation conforms in every state of the default scope to depth 5', () => {
  const scope = parseScope(readScopeFile(DEFAULT_SCOPE_FILE), DEFAULT_SCOPE_FILE);
  const out = searchSync({ scope, parts: lockstepParts(), limits: { maxDepth: 5 }, reduction: true });
  expect(out.verdict === 'counterexample' ? out.counterexample : out.verdict).toBe('bounded');
});

await import('../properties/explorer/keySoundness.test.js');
await import('../impl/writeState.test.js');
