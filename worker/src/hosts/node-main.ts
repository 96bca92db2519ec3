import path from 'node:path';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { startNodeHost, repoRoot } from './node.js';
import { localDatabaseFile } from '../db/libsql.js';
import { memoryRateLimiter } from '../limiter/memory.js';
import { ensureDemoTenant, ensureDemoUsers, type DemoUser } from '../tenants/demo.js';
import { ensureSigningKeyEnv, signingKeyFile } from './signing-key-file.js';
import { AuditWriter } from '../audit/log.js';
import { ensureDefaultAgreement } from '../agreements/publish.js';
import { privateTargetsAllowed } from '../webhooks/job.js';

/** `npm start`: migrate the embedded database, make sure a demo tenant exists, serve. */
const root = repoRoot();
// PUBLIC_URL: where browsers reach this host (e.g. https://service.example behind a TLS proxy).
const publicUrl = process.env.PUBLIC_URL ? parsePublicUrl(process.env.PUBLIC_URL) : undefined;
function parsePublicUrl(raw: string): URL {
  const u = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:')) {
    console.error(`PUBLIC_URL must be an http(s) URL such as https://service.example, not ${JSON.stringify(raw)}`);
    process.exit(1);
  }
  return u;
}
const port = Number(process.env.PORT ?? 8787);
const databaseUrl = process.env.DATABASE_URL ?? `file:${path.join(root, 'data', 'aftercare.db')}`;
// The data folder (database, signing key, demo passwords) is owner-only: created 0700, and our
// own default data/ tightened if an earlier version made it 0755. A folder the operator chose
// (DATABASE_URL) is created 0700 but an existing one is left as it is.
const dataFile = localDatabaseFile(databaseUrl);
if (dataFile) mkdirSync(path.dirname(dataFile), { recursive: true, mode: 0o700 });
if (!process.env.DATABASE_URL) chmodSync(path.join(root, 'data'), 0o700);
// R17: the operator key that signs audit checkpoints: AFTERCARE_SIGNING_KEY, else generated once beside the database.
const signingKey = await ensureSigningKeyEnv(process.env, signingKeyFile(databaseUrl, root));

const host = await startNodeHost({
  databaseUrl,
  authToken: process.env.DATABASE_AUTH_TOKEN,
  port,
  hostname: process.env.HOST ?? '127.0.0.1',
  trustProxy: Number(process.env.TRUST_PROXY ?? 0) || (process.env.TRUST_PROXY === 'true' ? 1 : 0),
  publicDir: path.join(root, 'dist', 'public'),
  rateLimiter: memoryRateLimiter({ limit: Number(process.env.RATE_LIMIT_PER_MINUTE ?? 30), windowMs: 60_000, clock: { now: Date.now } }),
  // Periodic jobs (retention, …; worker/src/jobs/README.md): on unless JOBS=off. Settings from
  // the environment, e.g. RETENTION_INTERVAL_HOURS (default 24); JOBS_TICK_SECONDS: how often due jobs are looked for.
  jobs: process.env.JOBS === 'off' ? undefined : { env: process.env, tickMs: Number(process.env.JOBS_TICK_SECONDS) * 1000 || undefined },
  config: {
    // Development only (README): webhooks to loopback/private receivers. Off unless exactly `true`.
    webhookPrivateTargets: privateTargetsAllowed(process.env),
    // Behind a TLS-terminating proxy (README, PUBLIC_URL=https://…): HSTS on the admin, demo and
    // widget answers, and the public origin is accepted by the admin's CSRF check.
    production: publicUrl?.protocol === 'https:',
    ...(publicUrl ? { adminOrigins: [publicUrl.origin] } : {}),
  },
});
const demo = await ensureDemoTenant(host.database.db, Date.now(), host.url);
host.setDemoKey(demo.publishableKey);
// R20: version 1 of the processor agreement (from the seed documents), published once; owners
// are shown it first in the admin page until they accept it.
await ensureDefaultAgreement(host.database.db, new AuditWriter(host.database.db), Date.now());

// Demo admin users: created once; their generated passwords are kept beside the database
// (data/ is not committed) so every start can print them.
const passwordFile = databaseUrl.startsWith('file:') ? path.join(path.dirname(databaseUrl.slice(5)), 'demo-admin.json') : path.join(root, 'data', 'demo-admin.json');
const readKnown = (): Record<string, string> => {
  try {
    return JSON.parse(readFileSync(passwordFile, 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
};
const known = readKnown();
const demoUsers = await ensureDemoUsers(host.database.db, Date.now(), demo.tenantId, known);
const fresh = demoUsers.filter((u) => u.created);
if (fresh.length > 0) {
  mkdirSync(path.dirname(passwordFile), { recursive: true, mode: 0o700 });
  writeFileSync(passwordFile, `${JSON.stringify({ ...known, ...Object.fromEntries(fresh.map((u) => [u.loginCode, u.password])) }, null, 2)}\n`, { mode: 0o600 });
}
// `mode` only applies when a file is created: one written by an earlier version may be 0644.
if (Object.keys(known).length > 0 || fresh.length > 0) chmodSync(passwordFile, 0o600);
const relative = path.relative(root, passwordFile);
const shownPath = relative.startsWith('..') || path.isAbsolute(relative) ? passwordFile : relative;
const adminUrl = `http://localhost:${new URL(host.url).port}/admin/`;
const userLine = (u: DemoUser) => `${u.signInName.padEnd(21)} ${(u.password ?? '(password unknown: see demo-admin.json or delete data/)').padEnd(22)} ${u.role}`;

console.log(`Aftercare is running on ${host.url}
  database         ${databaseUrl.replace(/\?.*$/, '')}
  demo retailer    ${host.url}/demo/
  public API       ${host.url}/v1/config   (OpenAPI: ${host.url}/v1/openapi.json)
  demo tenant      ${demo.tenantId}${demo.created ? ' (created now)' : ''}   (slug ${demo.slug})
  publishable key  ${demo.publishableKey}
  admin page       ${adminUrl}
  audit signing    key ${signingKey.kid} (${signingKey.source === 'env' ? 'AFTERCARE_SIGNING_KEY' : path.relative(root, signingKey.file!) || signingKey.file})
  demo sign-in     ${demoUsers.map(userLine).join('\n                   ')}
                   (passwords kept in ${shownPath})
Stop with Ctrl+C.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void host.close().then(() => process.exit(0));
  });
}
