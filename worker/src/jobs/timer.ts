import { safeErrorText } from '../app.js';
import { everyMsOf, logOutcomes, runDueJobs, type JobOutcome } from './runner.js';
import type { Job, JobDeps } from './types.js';

export type JobTimer = {
  /** Runs one tick now (what the interval does); resolves when it is done. */
  tick(): Promise<JobOutcome[]>;
  /** Stops the interval and waits for a tick in progress to finish. */
  stop(): Promise<void>;
};

/**
 * The Node host's scheduler: ticks every `tickMs` (default: the shortest job interval,
 * between 1 s and 60 s) and runs the jobs that are due (runner.ts decides, with leases, so
 * several processes on one database do not double up). Ticks never overlap in one process.
 * The interval is unref'd: it never keeps the process alive on its own.
 */
export function startJobTimer(jobs: readonly Job[], deps: JobDeps, o: { tickMs?: number; log?: (line: string) => void } = {}): JobTimer {
  const shortest = Math.min(...jobs.map((j) => everyMsOf(j, deps.env)), 60_000);
  const tickMs = o.tickMs ?? Math.max(1_000, shortest);
  let current: Promise<JobOutcome[]> | null = null;
  let stopped = false;

  const tick = (): Promise<JobOutcome[]> => {
    if (current) return current;
    if (stopped) return Promise.resolve([]);
    current = runDueJobs(jobs, deps)
      .then((outcomes) => {
        logOutcomes(outcomes, o.log);
        return outcomes;
      })
      .catch((err: unknown) => {
        // The database was closed or unreachable: log the kind only, try again next tick.
        (o.log ?? console.error)(`[aftercare] jobs tick failed: ${err instanceof Error ? safeErrorText(err) : 'unknown error'}`);
        return [] as JobOutcome[];
      })
      .finally(() => {
        current = null;
      });
    return current;
  };

  const unref = (t: unknown) => (t as { unref?: () => void }).unref?.();
  const first = setTimeout(() => void tick(), 0);
  const interval = setInterval(() => void tick(), tickMs);
  unref(first);
  unref(interval);
  return {
    tick,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(interval);
      await current;
    },
  };
}
