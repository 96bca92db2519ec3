// Starts the real API for browser component tests: `node dist/node/server.js` on a temp
// database, then a publishable key for the test server's origin through the operator CLI.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

export async function startTestApi() {
  execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { stdio: 'inherit' });
  const dir = mkdtempSync(path.join(tmpdir(), 'aftercare-wtr-'));
  const env = { ...process.env, PORT: '0', DATABASE_URL: `file:${path.join(dir, 'api.db')}`, RATE_LIMIT_PER_MINUTE: '100000' };
  const child = spawn(process.execPath, ['dist/node/server.js'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      if (/publishable key/.test(out)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`test API exited with ${code}: ${out}`)));
  });
  const stop = () => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  const apiBase = /running on (http:\/\/\S+)/.exec(out)[1];
  const tenantId = /demo tenant\s+(\S+)/.exec(out)[1];
  const testPort = await freePort();
  const key = JSON.parse(
    execFileSync(process.execPath, ['dist/node/cli.js', 'key', 'create', '--tenant', tenantId, '--origin', `http://localhost:${testPort}`, '--json'], { env }).toString(),
  );
  return { testPort, forBrowser: { apiBase, publishableKey: key.publishableKey, tenantId } };
}
