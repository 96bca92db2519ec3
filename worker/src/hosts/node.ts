import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from '../app.js';
import { openLibsql, migrateLibsql, type LibsqlHandle } from '../db/libsql.js';
import { systemClock, type AppConfig, type Clock, type RateLimiter } from '../deps.js';
import { memoryRateLimiter } from '../limiter/memory.js';
import { nodeClientIp } from './client-ip.js';
import { KEY_PLACEHOLDER } from '../tenants/demo-files.js';
import { adminPageHeadersMiddleware, publicPageHeadersMiddleware } from '../admin-page/middleware.js';
import { AuditWriter } from '../audit/log.js';
import { JOBS } from '../jobs/registry.js';
import { startJobTimer, type JobTimer } from '../jobs/timer.js';
import type { Job, JobEnv } from '../jobs/types.js';
import { nodeWebhookFetch, webhookHostCheck } from '../webhooks/node-fetch.js';
import { privateTargetsAllowed } from '../webhooks/job.js';
import { yieldToIo } from './yield-to-io.js';

export type NodeHostOptions = {
  databaseUrl: string;
  authToken?: string;
  port: number;
  hostname?: string;
  /** Number of trusted proxies in front (X-Forwarded-For); 0 = use the socket address. */
  trustProxy?: number;
  migrationsFolder?: string;
  /** Folder with built widget/, admin/ and demo/ to serve; none when absent. */
  publicDir?: string;
  clock?: Clock;
  rateLimiter?: RateLimiter;
  config?: Partial<AppConfig>;
  /**
   * Periodic jobs (worker/src/jobs): off unless given. `env` is where jobs read their settings
   * (e.g. `RETENTION_INTERVAL_HOURS`), `tickMs` how often due jobs are looked for, `jobs` the
   * list to run (default: the registry).
   */
  jobs?: { env?: JobEnv; tickMs?: number; jobs?: readonly Job[]; log?: (line: string) => void };
};

export type NodeHost = {
  url: string;
  port: number;
  database: LibsqlHandle;
  server: ServerType;
  /** The key the demo pages are served with. */
  setDemoKey(key: string): void;
  /** The periodic-jobs timer, when `jobs` was given. */
  jobs?: JobTimer;
  close(): Promise<void>;
};

/** Repository root, found from this file whether it runs as source or as the built bundle. */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!dir.endsWith(path.sep) && path.basename(dir) !== 'worker' && path.basename(dir) !== 'dist') dir = path.dirname(dir);
  return path.dirname(dir);
}

/** Starts the API (and static files) on Node with libSQL; migrates first. */
export async function startNodeHost(opts: NodeHostOptions): Promise<NodeHost> {
  yieldToIo();
  const database = await openLibsql(opts.databaseUrl, opts.authToken);
  await migrateLibsql(database.db, opts.migrationsFolder ?? path.join(repoRoot(), 'migrations'));
  const clock = opts.clock ?? systemClock;
  const api = createApp({
    db: database.db,
    clock,
    rateLimiter: opts.rateLimiter ?? memoryRateLimiter({ limit: 30, windowMs: 60_000, clock }),
    clientIp: nodeClientIp(opts.trustProxy ?? 0),
    config: opts.config,
    // Webhook URLs: the name is resolved when saved too (no DNS on Workers; every send checks again).
    webhookHostCheck: webhookHostCheck(),
  });
  const root = new Hono();
  const demo: { key?: string } = {};
  if (opts.publicDir) {
    const publicDir = opts.publicDir;
    // First, so they wrap every /demo and /widget answer (files, the demo config, redirects, 404s).
    const publicHeaders = publicPageHeadersMiddleware({ production: opts.config?.production });
    for (const p of ['/demo', '/demo/*', '/widget', '/widget/*']) root.use(p, publicHeaders);
    root.get('/', (c) => c.redirect('/demo/'));
    // Widget files are public and loaded cross-origin as module scripts (CORS + SRI):
    // versioned URLs never change, the moving major alias is cached briefly.
    root.use('/widget/*', async (c, next) => {
      await next();
      if (c.res.status !== 200) return;
      c.res.headers.set('access-control-allow-origin', '*');
      c.res.headers.set('cache-control', /^\/widget\/v\d+\.\d+\.\d+\//.test(c.req.path) ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    });
    // Demo pages carry the demo tenant's key where a retailer would paste theirs.
    root.get('/demo/demo-config.json', (c) => (demo.key ? c.json({ publishableKey: demo.key }) : c.notFound()));
    root.get('/demo/*', async (c, next) => {
      await next();
      if (!demo.key || !c.res.headers.get('content-type')?.startsWith('text/html')) return;
      const html = (await c.res.text()).replaceAll(KEY_PLACEHOLDER, demo.key);
      c.res = new Response(html, { status: c.res.status, headers: c.res.headers });
      // Hono carries the old headers over; the length changed (the key is longer than the placeholder).
      c.res.headers.delete('content-length');
    });
    // The admin page: strict CSP and the other security headers (the same set as Workers' _headers).
    const adminHeaders = adminPageHeadersMiddleware({ production: opts.config?.production });
    root.use('/admin', adminHeaders);
    root.use('/admin/*', adminHeaders);
    for (const dir of ['demo', 'widget', 'admin']) {
      root.get(`/${dir}`, (c) => c.redirect(`/${dir}/`));
      root.get(`/${dir}/*`, serveStatic({ root: path.relative(process.cwd(), publicDir) || '.' }));
    }
  }
  root.route('/', api);
  const hostname = opts.hostname ?? '127.0.0.1';
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: root.fetch, port: opts.port, hostname }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const jobs = opts.jobs
    ? startJobTimer(
        opts.jobs.jobs ?? JOBS,
        {
          db: database.db, clock, audit: new AuditWriter(database.db), env: opts.jobs.env ?? {}, holder: `node:${crypto.randomUUID()}`,
          // Webhooks: resolve, refuse private addresses, connect to the checked one (SSRF guard).
          webhookFetch: nodeWebhookFetch({ allowPrivate: privateTargetsAllowed(opts.jobs.env ?? {}) }),
        },
        { tickMs: opts.jobs.tickMs, log: opts.jobs.log },
      )
    : undefined;
  const shownHost = hostname === '0.0.0.0' || hostname === '127.0.0.1' ? 'localhost' : hostname;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    database,
    server,
    setDemoKey: (key) => {
      demo.key = key;
    },
    jobs,
    close: async () => {
      await jobs?.stop();
      await new Promise<void>((resolve) => {
        server.close(() => {
          database.close();
          resolve();
        });
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
    },
  };
}
