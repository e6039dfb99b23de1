// Prints the one line CI reads, `N passed, N failed`, from vitest's JSON report. A test file that failed to load
// counts as one failure, and a missing report as one; so does a run that exited non-zero with no failed test
// (vitest fails a run on an unhandled error, which the report does not count), so a broken run never reads green.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.test-results.json';
const exitStatus = Number(process.argv[3] ?? 0);
let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  for (const suite of report.testResults ?? []) {
    if (suite.status === 'failed' && (suite.assertionResults ?? []).every((t) => t.status !== 'failed')) failed += 1;
  }
} catch {
  failed = 1;
}
if (exitStatus !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
