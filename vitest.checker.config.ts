import { defineConfig } from 'vitest/config';

// `npm run coverage:checker`: line and branch coverage of impl/ and model/ reached by the
// checker's default run alone (test/checker/defaultRun.checker.ts), mutant variants excluded.
export default defineConfig({
  test: {
    include: ['test/checker/**/*.checker.ts'],
    testTimeout: 600_000,
    pool: 'forks',
    coverage: {
      provider: 'v8',
      include: ['impl/**/*.ts', 'model/**/*.ts'],
      exclude: ['impl/mutants/**'],
      reporter: ['text', 'json-summary'],
      reportsDirectory: 'coverage/checker',
    },
  },
});
