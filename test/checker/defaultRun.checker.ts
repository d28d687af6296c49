/**
 * The checker's default run alone (`hmm-check run` with the embedded default budget), for
 * `npm run coverage:checker`: what the random sequences exercise of impl/ and model/ is the
 * coverage figure that matters (issue: code coverage). Not part of `npm test`.
 */
import { expect, test } from 'vitest';
import { DEFAULT_BUDGET } from '../../properties/runner/config.js';
import { defaultParts } from '../../properties/runner/defaultParts.js';
import { runConformance } from '../../properties/runner/runConformance.js';

test('the default conformance run passes', async () => {
  const report = await runConformance({ parts: defaultParts(), budget: DEFAULT_BUDGET });
  expect(report.verdict).toBe('pass');
});
