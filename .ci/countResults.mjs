#!/usr/bin/env node
// Counts the tests of vitest JSON reports (.ci/run's summary): `node .ci/countResults.mjs A.json B.json`
// prints "PASSED FAILED" on its last line. A test that was skipped or left as todo (it.skip,
// it.todo, describe.skip, .only elsewhere in its file) counts as failed, and is named on its own
// line above: a suite that passes by not running a test proves nothing. A file that could not
// load counts as one failure. A missing report counts nothing (the caller checks it exists).
// Exit status 0, whatever the counts.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const suite of report.testResults ?? []) {
    const tests = suite.assertionResults ?? [];
    if (suite.status === 'failed' && tests.length === 0) failed++;
    for (const t of tests) {
      if (['pending', 'skipped', 'todo', 'disabled'].includes(t.status)) console.log(`not run (${t.status}): ${suite.name}: ${t.fullName ?? t.title}`);
    }
  }
}
console.log(`${passed} ${failed}`);
