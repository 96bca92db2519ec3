import { execFileSync } from 'node:child_process';

/** Tests that start `dist/node/*.js` or serve `dist/public` need a fresh build first. */
export default function setup() {
  execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { stdio: 'inherit' });
}
