/**
 * The tests StrykerJS runs against every mutant of impl/ (`npm run mutation`, stryker.config.mjs):
 * the checker's own jobs, in the order that kills a mutant soonest (Stryker stops a mutant at its
 * first failing test, and each mutant runs only the tests that reach its code).
 * 1. The lockstep conformance check on the default budget of `hmm-check run`, ending at the first
 *    counterexample (not shrunk, not minimized: a verdict is all a mutant needs).
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
import { DEFAULT_BUDGET } from '../../properties/runner/config.js';
import { defaultParts } from '../../properties/runner/defaultParts.js';
import { runConformance } from '../../properties/runner/runConformance.js';
import { lockstepParts } from '../properties/explorer/helpers.js';

test('the implementation conforms on the default budget', async () => {
  const report = await runConformance({ parts: defaultParts(), budget: DEFAULT_BUDGET, firstFailureOnly: true });
  expect(report.counterexample?.failure.message ?? 'no counterexample').toBe('no counterexample');
});

test('the implementation conforms in every state of the default scope to depth 5', () => {
  const scope = parseScope(readScopeFile(DEFAULT_SCOPE_FILE), DEFAULT_SCOPE_FILE);
  const out = searchSync({ scope, parts: lockstepParts(), limits: { maxDepth: 5 }, reduction: true });
  expect(out.verdict === 'counterexample' ? out.counterexample : out.verdict).toBe('bounded');
});

await import('../properties/explorer/keySoundness.test.js');
await import('../impl/writeState.test.js');
