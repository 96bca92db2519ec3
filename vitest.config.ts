import { defineConfig } from 'vitest/config';

const resultsDir = process.env.AFTERCARE_RESULTS_DIR;

export default defineConfig({
  test: {
    // CI sums the runners' results: vitest writes its JSON report where .ci/run asks.
    reporters: resultsDir ? ['default', 'json'] : ['default'],
    outputFile: resultsDir ? { json: `${resultsDir}/vitest.json` } : undefined,
    include: ['sdk/src/**/*.test.ts', 'worker/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
  },
});
