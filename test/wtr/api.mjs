// Starts the real API for browser component tests: `node dist/node/server.js` on a temp
// database, then a publishable key for the test server's origin through the operator CLI.
import { execFileSync, spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedAdmin } from './admin-seed.mjs';

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
  const env = { ...process.env, PORT: '0', DATABASE_URL: `file:${path.join(dir, 'api.db')}`, RATE_LIMIT_PER_MINUTE: '100000',
    // The admin's webhook test saves http://localhost:9/…: opt in to the development setting (README).
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' };
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
  const origin = `http://localhost:${testPort}`;
  const admin = await seedAdmin({ databaseUrl: env.DATABASE_URL, tenantId, apiBase, publishableKey: key.publishableKey, origin });
  return { testPort, adminProxy: adminProxy(apiBase), forBrowser: { apiBase, publishableKey: key.publishableKey, tenantId, admin } };
}

/**
 * The admin page talks to its own origin (cookie session, SameSite=Strict, CSRF Origin check):
 * the test server forwards /v1/admin/* to the API with the Host header kept, so the API sees
 * the test page's origin as its own, as it would behind a reverse proxy.
 */
function adminProxy(apiBase) {
  const api = new URL(apiBase);
  return (ctx, next) => {
    if (!ctx.path.startsWith('/v1/admin/')) return next();
    return new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: api.port, method: ctx.method, path: ctx.url, headers: ctx.req.headers },
        (res) => {
          ctx.status = res.statusCode ?? 502;
          for (const [k, val] of Object.entries(res.headers)) if (val !== undefined && k !== 'transfer-encoding' && k !== 'connection') ctx.set(k, val);
          ctx.body = res;
          resolve();
        },
      );
      req.on('error', reject);
      ctx.req.pipe(req);
    });
  };
}
