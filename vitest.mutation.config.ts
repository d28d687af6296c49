import { defineConfig } from 'vitest/config';

// `npm run mutation`: the tests StrykerJS runs against each mutant of impl/: the checker's own
// jobs, not the unit suite, in one file so that they run in the order that kills soonest
// (test/mutation/checker.mutation.ts). *.mutation.ts files stay out of `npm test`.
export default defineConfig({
  test: {
    include: ['test/mutation/**/*.mutation.ts'],
    testTimeout: 600_000,
    pool: 'threads',
  },
});
