// Writes { passed, failed } of the browser test run to $AFTERCARE_RESULTS_DIR/wtr.json,
// so .ci/run can total every runner's results.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function count(suite, totals) {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) continue;
    if (t.passed) totals.passed++;
    else totals.failed++;
  }
  for (const s of suite?.suites ?? []) count(s, totals);
}

export function resultsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const dir = process.env.AFTERCARE_RESULTS_DIR;
      if (!dir) return;
      const totals = { passed: 0, failed: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.failed++;
      }
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'wtr.json'), JSON.stringify(totals));
    },
  };
}
