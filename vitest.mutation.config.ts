import { defineConfig } from 'vitest/config';

// `npm run mutation`: the single test StrykerJS runs against each mutant of impl/
// (test/mutation/conformance.mutation.ts): the default conformance run, failing at the first
// counterexample. Kept out of `npm test`.
export default defineConfig({
  test: {
    include: ['test/mutation/**/*.mutation.ts'],
    testTimeout: 600_000,
    pool: 'forks',
  },
});
