import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { startNodeHost, repoRoot } from './node.js';
import { memoryRateLimiter } from '../limiter/memory.js';
import { ensureDemoTenant } from '../tenants/demo.js';

/** `npm start`: migrate the embedded database, make sure a demo tenant exists, serve. */
const root = repoRoot();
const port = Number(process.env.PORT ?? 8787);
const databaseUrl = process.env.DATABASE_URL ?? `file:${path.join(root, 'data', 'aftercare.db')}`;
if (databaseUrl.startsWith('file:')) mkdirSync(path.dirname(databaseUrl.slice(5)), { recursive: true });

const host = await startNodeHost({
  databaseUrl,
  authToken: process.env.DATABASE_AUTH_TOKEN,
  port,
  hostname: process.env.HOST ?? '127.0.0.1',
  trustProxy: Number(process.env.TRUST_PROXY ?? 0) || (process.env.TRUST_PROXY === 'true' ? 1 : 0),
  publicDir: path.join(root, 'dist', 'public'),
  rateLimiter: memoryRateLimiter({ limit: Number(process.env.RATE_LIMIT_PER_MINUTE ?? 30), windowMs: 60_000, clock: { now: Date.now } }),
});
const demo = await ensureDemoTenant(host.database.db, Date.now(), host.url);
host.setDemoKey(demo.publishableKey);

console.log(`Aftercare is running on ${host.url}
  database         ${databaseUrl.replace(/\?.*$/, '')}
  demo retailer    ${host.url}/demo/
  public API       ${host.url}/v1/config   (OpenAPI: ${host.url}/v1/openapi.json)
  demo tenant      ${demo.tenantId}${demo.created ? ' (created now)' : ''}
  publishable key  ${demo.publishableKey}
Stop with Ctrl+C.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void host.close().then(() => process.exit(0));
  });
}
