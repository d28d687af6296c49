// @ts-check
/**
 * StrykerJS over the implementation (`npm run mutation`): every mutant of impl/hmm, impl/device,
 * impl/cpu, impl/pagetable and impl/world (not the hand-written impl/mutants/) is run against the
 * lockstep conformance check (test/mutation/conformance.mutation.ts via vitest.mutation.config.ts).
 * Reports go to reports/mutation/ (ignored by git); bench/mutation.ts turns the JSON report into
 * the figures of bench/results.json, and bench/mutation-survivors.md accounts for each survivor.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['impl/hmm/**/*.ts', 'impl/device/**/*.ts', 'impl/cpu/**/*.ts', 'impl/pagetable/**/*.ts', 'impl/world/**/*.ts'],
  coverageAnalysis: 'perTest',
  reporters: ['html', 'json', 'progress', 'clear-text'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // TypeScript 7 (the native tsc) has no compiler API, which Stryker's tsconfig rewriting calls;
  // the project has no tsconfig `references`/`extends` to rewrite, so point it at no file.
  tsconfigFile: 'no-tsconfig-to-rewrite.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  concurrency: 2,
  timeoutMS: 60_000,
  timeoutFactor: 3,
};
