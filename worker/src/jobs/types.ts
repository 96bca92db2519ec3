import type { AuditWriter } from '../audit/log.js';
import type { Clock } from '../deps.js';
import type { Db } from '../db/types.js';

/**
 * The host's settings and secrets as plain strings: `process.env` on Node, the Worker's
 * `env` (vars and secrets; bindings are not strings and are ignored by jobs) on Workers.
 * A job reads its own settings from here, e.g. `RETENTION_INTERVAL_HOURS`.
 */
export type JobEnv = Readonly<Record<string, unknown>>;

/** What a job gets to work with. Both hosts build the same shape. */
export type JobDeps = {
  db: Db;
  clock: Clock;
  /** The host's audit writer (appends to the per-tenant hash chains; retries seq conflicts). */
  audit: AuditWriter;
  env: JobEnv;
  /** Who runs this: `node:<random>` or `worker:<random>`; lease holder names derive from it. */
  holder: string;
  /** Outbound HTTP for webhook delivery: the Node host's address-checking fetch (webhooks/node-fetch.ts); absent on Workers (global fetch). */
  webhookFetch?: typeof fetch;
};

/** What a job run returns: counts only (they are logged), never personal data. */
export type JobReport = {
  /**
   * A bound was hit and work is left (e.g. the retention job's max batches per run): the
   * runner makes the job due again at once, so the next tick continues instead of waiting `everyMs`.
   */
  more?: boolean;
  /** Non-personal counts for the host's log line, e.g. `{ subjects: 3, tenants: 1 }`. */
  counts?: Record<string, number>;
};

/**
 * A periodic job. The runner (runner.ts) runs it when it is due, at most one run at a time
 * across every host sharing the database (a lease in `job_leases` named `job:<name>`).
 */
export type Job = {
  /** Unique, stable (it names the lease row): `retention`, `audit-checkpoints`, `webhooks`. */
  name: string;
  /**
   * How long after a run starts the next one is due. On Node the timer ticks at least this
   * often (never more often than once a second); on Workers the Cron Trigger ticks every
   * minute, so anything under a minute runs once a minute there.
   */
  everyMs: number | ((env: JobEnv) => number);
  /**
   * The longest one run may take before another host may assume it died and start the job
   * again (default 15 minutes). Keep each run well under this: do bounded work and return
   * `{ more: true }` instead of running long.
   */
  leaseMs?: number;
  run(deps: JobDeps): Promise<JobReport>;
};
