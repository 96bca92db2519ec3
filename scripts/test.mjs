// `npm test`: type-check, then every runner — vitest (node: API, hosts, CLI, workerd, e2e) and
// @web/test-runner (components in Chromium). All run even if one fails; the exit code says
// whether everything passed.
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', ['npm', 'run', '-s', 'typecheck']],
  ['vitest', ['npx', 'vitest', 'run']],
  ['web-test-runner', ['npx', 'web-test-runner']],
];
const failed = [];
for (const [name, [cmd, ...args]] of steps) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    failed.push(name);
    if (name === 'typecheck') break;
  }
}
if (failed.length) {
  console.error(`\nnpm test: failed — ${failed.join(', ')}`);
  process.exit(1);
}
console.log('\nnpm test: all runners passed');
