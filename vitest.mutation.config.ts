import { defineConfig } from 'vitest/config';

// `npm run mutation`: the tests StrykerJS runs against each mutant of impl/ (each mutant runs only
// the tests that reach its code): the checker's own jobs, not the unit suite. The default
// conformance run failing at the first counterexample (test/mutation/conformance.mutation.ts), a
// lockstep exploration of the default scope (explore.mutation.ts), and the properties of the
// explorer's state key, which only the explorer calls (keySoundness: equal keys, equal futures;
// impl/writeState: hidden state tells states apart). The *.mutation.ts files stay out of `npm test`.
export default defineConfig({
  test: {
    include: ['test/mutation/**/*.mutation.ts', 'test/properties/explorer/keySoundness.test.ts', 'test/impl/writeState.test.ts'],
    testTimeout: 600_000,
    pool: 'forks',
  },
});
