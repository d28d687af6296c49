import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**', 'dist/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/globalSetup.ts'],
    coverage: {
      provider: 'v8',
      include: ['spec/**/*.ts', 'model/**/*.ts', 'impl/**/*.ts', 'properties/**/*.ts'],
      exclude: ['**/*.test.ts', 'impl/mutants/**', 'properties/cli/main.ts'],
      reporter: ['text-summary', 'json-summary'],
      // Thresholds sit just under what the suite measured (2026-12-02: lines 96.8, branches 87.8,
      // functions 94.2, statements 94.7), so a drop fails CI.
      thresholds: { lines: 96, branches: 87, functions: 93, statements: 94 },
    },
  },
});
