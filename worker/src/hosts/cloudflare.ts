import { Hono } from 'hono';
import { createApp } from '../app.js';
import { systemClock } from '../deps.js';
import { openD1, type D1Like } from '../db/d1.js';
import { openLibsqlWeb } from '../db/libsql-web.js';
import { cloudflareRateLimiter, type RateLimitBinding } from '../limiter/cloudflare.js';
import { unlimited } from '../limiter/unlimited.js';
import { cloudflareClientIp } from './client-ip.js';
import { AuditWriter } from '../audit/log.js';
import { JOBS } from '../jobs/registry.js';
import { logOutcomes, runDueJobs, type JobOutcome } from '../jobs/runner.js';
import type { Job, JobEnv } from '../jobs/types.js';
import { privateTargetsAllowed } from '../webhooks/job.js';

/**
 * The bindings this Worker reads (see wrangler.toml). `DB` (D1) wins when present; otherwise
 * `LIBSQL_URL` + `LIBSQL_AUTH_TOKEN` (secrets, set with `wrangler secret put`) open Turso.
 */
export type WorkerEnv = {
  DB?: D1Like;
  LIBSQL_URL?: string;
  LIBSQL_AUTH_TOKEN?: string;
  /** `[[ratelimits]]` binding; no limiting when absent. */
  SUBMIT_LIMITER?: RateLimitBinding;
  /** The `simple.period` of SUBMIT_LIMITER in seconds (sent as Retry-After); default 60. */
  SUBMIT_LIMIT_PERIOD?: string;
  /** R17: the operator's private Ed25519 JWK (secret) that signs audit checkpoints; without it they are skipped with a warning. */
  AFTERCARE_SIGNING_KEY?: string;
  /**
   * DEVELOPMENT ONLY: `true` lets webhook URLs name loopback/private targets. Passed by
   * `npm run dev:worker` (`wrangler dev --var`), never in wrangler.toml's [vars], so a deploy
   * never has it. What a Worker can check: the URL's literal IPs and names (webhooks/target.ts).
   * What it cannot: a public name resolving to a private address (no DNS API in a Worker, and
   * fetch picks the address itself); Cloudflare's network does not route to private addresses.
   */
  WEBHOOK_ALLOW_PRIVATE_TARGETS?: string;
};

type Fetcher = (request: Request, env: WorkerEnv, ctx: ExecutionContext) => Response | Promise<Response>;

/** The database from the bindings: D1 when bound, else Turso (libSQL over HTTP). */
function openWorkerDb(env: WorkerEnv) {
  const db = env.DB ? openD1(env.DB) : env.LIBSQL_URL ? openLibsqlWeb(env.LIBSQL_URL, env.LIBSQL_AUTH_TOKEN) : undefined;
  if (!db) throw new Error('No database: bind a D1 database as DB, or set the LIBSQL_URL (and LIBSQL_AUTH_TOKEN) secrets.');
  return db;
}

/**
 * The Cron Trigger's work (wrangler.toml `[triggers] crons`): runs the periodic jobs that are
 * due (worker/src/jobs; the runner decides with leases, so the cron may fire more often than
 * any job needs). Job settings such as RETENTION_INTERVAL_HOURS come from `[vars]`.
 */
export async function runScheduledJobs(env: WorkerEnv, jobs: readonly Job[] = JOBS): Promise<JobOutcome[]> {
  const db = openWorkerDb(env);
  const outcomes = await runDueJobs(jobs, { db, clock: systemClock, audit: new AuditWriter(db), env: env as unknown as JobEnv, holder: `worker:${crypto.randomUUID()}` });
  logOutcomes(outcomes);
  return outcomes;
}

/** Builds the app from the bindings: once per isolate, reused by every request after. */
export function buildWorkerApp(env: WorkerEnv): Fetcher {
  const db = openWorkerDb(env);
  const period = Number(env.SUBMIT_LIMIT_PERIOD ?? 60) || 60;
  const api = createApp({
    db,
    clock: systemClock,
    rateLimiter: env.SUBMIT_LIMITER ? cloudflareRateLimiter(env.SUBMIT_LIMITER, period) : unlimited,
    clientIp: cloudflareClientIp,
    config: { webhookPrivateTargets: privateTargetsAllowed(env) },
  });
  // Static files (dist/public) are served by Workers Assets before the Worker runs; what
  // reaches us is the API and paths no file matches.
  const root = new Hono();
  root.get('/', (c) => c.redirect('/demo/'));
  root.route('/', api);
  return (request, env, ctx) => root.fetch(request, env, ctx);
}

let app: Fetcher | undefined;

export default {
  fetch(request, env, ctx) {
    app ??= buildWorkerApp(env);
    return app(request, env, ctx);
  },
  scheduled(_controller, env, ctx) {
    ctx.waitUntil(runScheduledJobs(env).then(() => undefined));
  },
} satisfies ExportedHandler<WorkerEnv>;
