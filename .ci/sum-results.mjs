// Totals the test results every runner wrote into the results folder and prints
// "N passed, N failed". A failed `npm test` with no failing test counted (typecheck
// or a runner that crashed) still counts as one failure, so CI never reads green by accident.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, status] = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const file of readdirSync(dir)) {
  const data = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  if (file.startsWith('vitest')) {
    passed += data.numPassedTests;
    failed += data.numFailedTests + (data.numTotalTestSuites > 0 && !data.success && data.numFailedTests === 0 ? 1 : 0);
  } else if (typeof data.passed === 'number') {
    passed += data.passed;
    failed += data.failed;
  }
}
if (Number(status) !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
