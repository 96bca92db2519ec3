import { tenants } from '../db/schema.js';
import type { JobDeps, JobEnv, JobReport } from '../jobs/types.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_MAX_BATCHES, runRetention } from './run.js';

const num = (v: unknown, fallback: number) => (typeof v === 'string' && Number(v) > 0 ? Number(v) : fallback);

/** `RETENTION_INTERVAL_HOURS` (default 24): how often the retention job is due. */
export const retentionEveryMs = (env: JobEnv) => num(env.RETENTION_INTERVAL_HOURS, 24) * 3_600_000;

/**
 * The periodic retention job: {@link runRetention} for every tenant, bounded per tenant by
 * `RETENTION_BATCH_SIZE` (default 50) and `RETENTION_MAX_BATCHES` (default 20) per run. When a
 * tenant has more left it reports `more` and the runner continues on its next tick. A tenant
 * held by another run (e.g. an owner's manual run) is skipped: that run does the work.
 */
export async function runRetentionJob(deps: JobDeps): Promise<JobReport> {
  const batchSize = num(deps.env.RETENTION_BATCH_SIZE, DEFAULT_BATCH_SIZE);
  const maxBatches = num(deps.env.RETENTION_MAX_BATCHES, DEFAULT_MAX_BATCHES);
  const all = await deps.db.select({ id: tenants.id }).from(tenants).orderBy(tenants.id);
  const counts = { tenants: 0, subjects: 0, busy: 0 };
  let more = false;
  for (const t of all) {
    const report = await runRetention(deps, t.id, { batchSize, maxBatches, holder: deps.holder });
    if (!report) {
      counts.busy += 1;
      continue;
    }
    if (report.subjects) counts.tenants += 1;
    counts.subjects += report.subjects;
    if (!report.complete) more = true;
  }
  return { counts, more };
}
