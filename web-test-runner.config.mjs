// @web/test-runner: widget and admin components in real Chromium (Debian's, or CHROME_PATH),
// talking to a real API: the built Node host on a temp database, with a publishable key whose
// allowed origin is this test server. Tests read it from window.__AFTERCARE_TEST__.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { startTestApi } from './test/wtr/api.mjs';
import { resultsReporter } from './test/wtr/results-reporter.mjs';

const api = await startTestApi();

export default {
  files: ['widget/src/**/*.test.ts', 'admin/src/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  port: api.testPort,
  hostname: 'localhost',
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' })],
  middleware: [api.adminProxy],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      },
    }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><script>window.__AFTERCARE_TEST__ = ${JSON.stringify(api.forBrowser)};</script></head>
<body><script type="module" src="${testFramework}"></script></body></html>`,
  testFramework: { config: { timeout: 15000 } },
  testsFinishTimeout: 300000,
  concurrency: 1,
  reporters: [defaultReporter(), resultsReporter()],
};
