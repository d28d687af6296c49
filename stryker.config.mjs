// @ts-check
/**
 * StrykerJS over the implementation (`npm run mutation`): every mutant of impl/hmm, impl/device,
 * impl/cpu, impl/pagetable and impl/world (not the hand-written impl/mutants/) is run against the
 * lockstep conformance check (test/mutation/conformance.mutation.ts via vitest.mutation.config.ts).
 * Reports go to reports/mutation/ (ignored by git); bench/mutation.ts turns the JSON report into
 * the figures of bench/results.json, and bench/mutation-survivors.md accounts for each survivor;
 * bench/strykerSurvivorLog.mjs lists the survivors in reports/mutation/survivors.ndjson as they come.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner', './bench/strykerSurvivorLog.mjs'],
  mutate: ['impl/hmm/**/*.ts', 'impl/device/**/*.ts', 'impl/cpu/**/*.ts', 'impl/pagetable/**/*.ts', 'impl/world/**/*.ts'],
  coverageAnalysis: 'perTest',
  reporters: ['html', 'json', 'progress', 'clear-text', 'survivor-log'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // TypeScript 7 (the native tsc) has no compiler API, which Stryker's tsconfig rewriting calls;
  // the project has no tsconfig `references`/`extends` to rewrite, so point it at no file.
  tsconfigFile: 'no-tsconfig-to-rewrite.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  concurrency: 2,
  // A mutant that loops forever is detected (Timeout) after the initial run's time × 1.5 + 30 s.
  // The initial run is measured with coverage on, well above a mutant's run, so this is generous.
  timeoutMS: 30_000,
  timeoutFactor: 1.5,
};
