import { inArray } from 'drizzle-orm';
import { tenants } from '../db/schema.js';
import type { JobDeps, JobReport, Job } from '../jobs/types.js';
import { retryDelay } from './backoff.js';
import { claimDue, finish, purgeSettled, type Outcome } from './claim.js';
import { envelopeBody, type OutboxRow } from './envelope.js';
import { sendWebhook } from './send.js';

export type WebhookJobOptions = {
  /**
   * Outbound HTTP; default `globalThis.fetch`. The Node host passes its address-checking
   * fetch (node-fetch.ts: resolves, refuses private addresses, connects to the checked one).
   */
  fetch?: typeof fetch;
  /**
   * Development only: allow loopback/private targets and plain http to them (target.ts).
   * Off by default (production). From `WEBHOOK_ALLOW_PRIVATE_TARGETS=true` in the job's env.
   */
  allowPrivateTargets?: boolean;
  /** Jitter source in [0, 1); default Math.random. */
  random?: () => number;
  /** Rows claimed at once (default 20) and at most per run (default 100). */
  batchSize?: number;
  maxPerRun?: number;
  /** Parallel requests within a batch (default 4). */
  concurrency?: number;
  /** Per attempt (default 10 s). */
  timeoutMs?: number;
};

/** A claim lasts this long: well above the attempt timeout, so a live runner never loses its rows. */
export const CLAIM_MS = 120_000;
/** Delivered or failed rows are deleted this long after they settled. */
export const KEEP_SETTLED_MS = 30 * 24 * 60 * 60 * 1000;

type Tenant = { id: string; url: string | null; secret: string | null; personalData: boolean };

async function attempt(deps: Pick<JobDeps, 'db' | 'clock'> & WebhookJobOptions, row: OutboxRow, tenant: Tenant | undefined): Promise<Outcome> {
  // Switched off (or never given a secret) since the row was written: nothing to send to.
  if (!tenant?.url || !tenant.secret) return { kind: 'failed', status: null, error: 'no_endpoint', countsAsAttempt: false };
  const body = await envelopeBody(deps.db, row, tenant.personalData);
  const result = await sendWebhook({
    fetch: deps.fetch ?? globalThis.fetch, url: tenant.url, secret: tenant.secret, id: row.id, body, nowMs: deps.clock.now(), timeoutMs: deps.timeoutMs ?? 10_000,
    allowPrivate: deps.allowPrivateTargets === true,
  });
  if (result.ok) return { kind: 'delivered', status: result.status };
  // A refused target is not transient: failed now, with the reason, never retried.
  if (result.refused) return { kind: 'failed', status: null, error: result.error, countsAsAttempt: true };
  const delay = retryDelay(row.attempts + 1, deps.random);
  return delay === null
    ? { kind: 'failed', status: result.status, error: result.error, countsAsAttempt: true }
    : { kind: 'retry', status: result.status, error: result.error, nextAttemptAt: deps.clock.now() + delay };
}

/**
 * Delivers due webhook_outbox rows: claims a bounded batch (claim.ts: one conditional UPDATE,
 * so overlapping runners never send the same delivery id at once), POSTs each signed envelope
 * to its tenant's URL (10 s timeout), records delivered / retry with backoff (backoff.ts) /
 * failed, and purges rows settled more than 30 days ago. Counts only in the report.
 */
export async function runWebhookDeliveryJob(deps: Pick<JobDeps, 'db' | 'clock'> & WebhookJobOptions): Promise<JobReport> {
  const { db, clock } = deps;
  const counts = { delivered: 0, retried: 0, failed: 0, lost: 0, purged: 0 };
  const batchSize = deps.batchSize ?? 20;
  const maxPerRun = deps.maxPerRun ?? 100;
  let claimed = 0;
  let more = false;
  while (claimed < maxPerRun) {
    const now = clock.now();
    const leaseUntil = now + CLAIM_MS;
    const rows = await claimDue(db, now, Math.min(batchSize, maxPerRun - claimed), leaseUntil);
    if (!rows.length) break;
    claimed += rows.length;
    const ids = [...new Set(rows.map((r) => r.tenantId))];
    const found = await db.select({ id: tenants.id, url: tenants.webhookUrl, secret: tenants.webhookSecret, personalData: tenants.webhookPersonalData }).from(tenants).where(inArray(tenants.id, ids));
    const byId = new Map(found.map((t) => [t.id, t]));
    const queue = [...rows];
    const worker = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        const outcome = await attempt(deps, row, byId.get(row.tenantId));
        const recorded = await finish(db, row, leaseUntil, clock.now(), outcome);
        if (!recorded) counts.lost++;
        else if (outcome.kind === 'delivered') counts.delivered++;
        else if (outcome.kind === 'retry') counts.retried++;
        else counts.failed++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(deps.concurrency ?? 4, rows.length) }, worker));
    if (claimed >= maxPerRun) more = true;
  }
  counts.purged = await purgeSettled(db, clock.now() - KEEP_SETTLED_MS, 500);
  return { counts: { claimed, ...counts }, ...(more ? { more } : {}) };
}

/** The periodic job (every 5 s on Node; every Cron tick, once a minute, on Workers). */
export const webhookJob: Job = {
  name: 'webhooks',
  everyMs: 5_000,
  leaseMs: 5 * 60_000,
  run: (deps) => runWebhookDeliveryJob({ ...deps, fetch: deps.webhookFetch, allowPrivateTargets: privateTargetsAllowed(deps.env) }),
};

/** The development setting `WEBHOOK_ALLOW_PRIVATE_TARGETS` (README): only the exact value `true` turns it on. */
export const PRIVATE_TARGETS_ENV = 'WEBHOOK_ALLOW_PRIVATE_TARGETS';
export function privateTargetsAllowed(env: Readonly<Record<string, unknown>>): boolean {
  return env[PRIVATE_TARGETS_ENV] === 'true';
}
