/**
 * The test StrykerJS runs against every mutant of impl/ (`npm run mutation`, stryker.config.mjs):
 * the lockstep conformance check on the default budget of `hmm-check run`, failing at the first
 * counterexample (not shrunk, not minimized: a verdict is all a mutant needs). Not part of
 * `npm test` (only vitest.mutation.config.ts includes *.mutation.ts).
 */
import { expect, test } from 'vitest';
import { DEFAULT_BUDGET } from '../../properties/runner/config.js';
import { defaultParts } from '../../properties/runner/defaultParts.js';
import { runConformance } from '../../properties/runner/runConformance.js';

test('the implementation conforms on the default budget', async () => {
  const report = await runConformance({ parts: defaultParts(), budget: DEFAULT_BUDGET, firstFailureOnly: true });
  expect(report.counterexample?.failure.message ?? 'no counterexample').toBe('no counterexample');
});
