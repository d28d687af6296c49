import { defineConfig } from 'vitest/config';

// The browser tests: the counterexample report opened in Debian's chromium through playwright-core.
// Kept apart from vitest.config.ts so `npm test` needs no browser; `.ci/browser` runs these.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
