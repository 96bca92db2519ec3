import { safeErrorText } from '../app.js';
import { acquireLease, setLeaseExpiry } from './lease.js';
import type { Job, JobDeps, JobEnv, JobReport } from './types.js';

export const DEFAULT_LEASE_MS = 15 * 60_000;
/** After a failed run the job is retried this soon (or after `everyMs`, if shorter). */
export const RETRY_AFTER_FAILURE_MS = 5 * 60_000;

export type JobOutcome =
  | { name: string; status: 'ran'; report: JobReport; ms: number }
  | { name: string; status: 'not_due' }
  | { name: string; status: 'failed'; error: string };

export const everyMsOf = (job: Job, env: JobEnv) => (typeof job.everyMs === 'function' ? job.everyMs(env) : job.everyMs);
export const leaseName = (job: Job) => `job:${job.name}`;

/**
 * Runs every job that is due, one after another, and says what happened to each.
 *
 * Due-ness and exclusivity are one lease row per job (`job:<name>` in `job_leases`): a job
 * is due when its row is absent or its `expires_at` has passed. Taking the lease makes it
 * ours for `leaseMs` while it runs; when the run ends the row's expiry is set to
 * `start + everyMs` (the next due time), or to now if the job reported `{ more: true }`, or
 * to a short retry delay after a failure. So every host may tick as often as it likes (the
 * Node timer, the Workers Cron Trigger, several processes on one database): each job still
 * runs at most once per `everyMs` and never twice at once (unless a run outlives `leaseMs`).
 *
 * A failing job does not stop the others; its error (with drizzle's bound parameters cut,
 * see `safeErrorText`; jobs must throw messages without values) is returned and logged by the host.
 */
export async function runDueJobs(jobs: readonly Job[], deps: JobDeps): Promise<JobOutcome[]> {
  const out: JobOutcome[] = [];
  for (const job of jobs) out.push(await runIfDue(job, deps));
  return out;
}

async function runIfDue(job: Job, deps: JobDeps): Promise<JobOutcome> {
  const { db, clock } = deps;
  const everyMs = everyMsOf(job, deps.env);
  const holder = `${deps.holder}:${crypto.randomUUID()}`;
  const start = clock.now();
  if (!(await acquireLease(db, leaseName(job), holder, start, Math.max(job.leaseMs ?? DEFAULT_LEASE_MS, 1)))) return { name: job.name, status: 'not_due' };
  try {
    const report = await job.run({ ...deps, holder });
    const end = clock.now();
    await setLeaseExpiry(db, leaseName(job), holder, report.more ? end : Math.max(start + everyMs, end));
    return { name: job.name, status: 'ran', report, ms: end - start };
  } catch (err) {
    await setLeaseExpiry(db, leaseName(job), holder, clock.now() + Math.min(everyMs, RETRY_AFTER_FAILURE_MS)).catch(() => false);
    return { name: job.name, status: 'failed', error: err instanceof Error ? safeErrorText(err) : 'unknown error' };
  }
}

/** One log line per run that counted something, and per failure (counts and error messages only). */
export function logOutcomes(outcomes: JobOutcome[], log: (line: string) => void = console.log): void {
  for (const o of outcomes) {
    if (o.status === 'ran' && Object.values(o.report.counts ?? {}).some((n) => n > 0)) log(`[aftercare] job ${o.name}: ${JSON.stringify(o.report.counts ?? {})}${o.report.more ? ' (more to do)' : ''} in ${o.ms} ms`);
    if (o.status === 'failed') log(`[aftercare] job ${o.name} failed: ${o.error}`);
  }
}
