import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AuditWriter } from '../audit/log.js';
import { startNodeHost } from '../hosts/node.js';
import { tempDatabase } from '../testing/harness.js';
import { DAY, YEAR, retentionHarness } from '../retention/test-kit.js';
import { JOBS } from './registry.js';
import { runDueJobs, RETRY_AFTER_FAILURE_MS } from './runner.js';
import { startJobTimer } from './timer.js';
import type { Job, JobDeps } from './types.js';

const HOUR = 3_600_000;
let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  dispose = undefined;
});

async function setup() {
  const database = await tempDatabase();
  dispose = database.dispose;
  const t = { now: Date.parse('2026-01-01T03:00:00Z') };
  const deps = (holder = 'test'): JobDeps => ({ db: database.db, clock: { now: () => t.now }, audit: new AuditWriter(database.db), env: {}, holder });
  return { t, deps, db: database.db };
}

/** A job that counts its runs and can be told what to return or throw. */
function counting(name: string, everyMs: number, behave: () => Promise<{ more?: boolean }> = async () => ({})) {
  const job = { name, everyMs, runs: 0, run: async () => { job.runs += 1; return behave(); } } satisfies Job & { runs: number };
  return job;
}

describe('periodic jobs runner', () => {
  it('runs a job when due, then not again until everyMs after its start', async () => {
    const { t, deps } = await setup();
    const job = counting('tick', HOUR);
    expect((await runDueJobs([job], deps()))[0]).toMatchObject({ name: 'tick', status: 'ran' });
    expect((await runDueJobs([job], deps()))[0]).toEqual({ name: 'tick', status: 'not_due' });
    t.now += HOUR - 1;
    await runDueJobs([job], deps());
    expect(job.runs).toBe(1);
    t.now += 1;
    await runDueJobs([job], deps());
    expect(job.runs).toBe(2);
  });

  it('`more` makes the job due again at once; a failure is retried after a short delay and does not stop the others', async () => {
    const { t, deps } = await setup();
    let left = 2;
    const busy = counting('busy', 24 * HOUR, async () => ({ more: --left > 0 }));
    let fail = true;
    const flaky = counting('flaky', 24 * HOUR, async () => {
      if (fail) throw new Error('remote down');
      return {};
    });
    const out = await runDueJobs([flaky, busy], deps());
    expect(out.map((o) => o.status)).toEqual(['failed', 'ran']);
    expect(out[0]).toMatchObject({ error: 'Error: remote down' });
    await runDueJobs([flaky, busy], deps());
    expect([flaky.runs, busy.runs]).toEqual([1, 2]);
    await runDueJobs([flaky, busy], deps());
    expect(busy.runs).toBe(2); // done: due again tomorrow
    fail = false;
    t.now += RETRY_AFTER_FAILURE_MS;
    expect((await runDueJobs([flaky], deps()))[0]!.status).toBe('ran');
  });

  it('two hosts ticking at once run a job once', async () => {
    const { deps } = await setup();
    const slow = counting('slow', HOUR, () => new Promise((r) => setTimeout(() => r({}), 50)));
    const outs = await Promise.all([runDueJobs([slow], deps('node:a')), runDueJobs([slow], deps('worker:b')), runDueJobs([slow], deps('node:c'))]);
    expect(slow.runs).toBe(1);
    expect(outs.flat().map((o) => o.status).sort()).toEqual(['not_due', 'not_due', 'ran']);
  });

  it('the registry reads its interval from the env (RETENTION_INTERVAL_HOURS)', async () => {
    const retention = JOBS.find((j) => j.name === 'retention')!;
    expect(typeof retention.everyMs === 'function' && retention.everyMs({})).toBe(24 * HOUR);
    expect(typeof retention.everyMs === 'function' && retention.everyMs({ RETENTION_INTERVAL_HOURS: '6' })).toBe(6 * HOUR);
  });

  it("the registered retention job anonymises what expired in every tenant, each with its own run report", async () => {
    const r = await retentionHarness();
    dispose = r.h.dispose;
    const mine = await r.submit('registration', r.T0 - 11 * YEAR);
    const theirs = await r.h.submitOtherCase('warranty'); // bought 2024-04-01: warranty end + 6 months has passed
    const keep = await r.submit('repair', r.T0 - YEAR);
    const deps: JobDeps = { db: r.h.db, clock: { now: () => r.t.now }, audit: new AuditWriter(r.h.db), env: {}, holder: 'test' };
    const retention = JOBS.filter((j) => j.name === 'retention');
    const [out] = await runDueJobs(retention, deps);
    expect(out).toMatchObject({ name: 'retention', status: 'ran', report: { counts: { tenants: 2, subjects: 2, busy: 0 }, more: false } });
    expect([await r.isAnonymised(mine.subjectId), await r.isAnonymised(theirs.subjectId), await r.isAnonymised(keep.subjectId)]).toEqual([true, true, false]);
    expect(await r.runEntries()).toHaveLength(1);
    expect(await r.runEntries(r.h.other.tenantId)).toHaveLength(1);
    r.t.now += DAY - 1;
    expect((await runDueJobs(retention, deps))[0]!.status).toBe('not_due');
  });
});

describe('job timer and the Node host', () => {
  it('ticks, never overlaps, and stops (waiting for a tick in progress)', async () => {
    const { deps } = await setup();
    let inFlight = 0;
    let maxInFlight = 0;
    const job = counting('fast', 10, async () => {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await new Promise((r) => setTimeout(r, 30));
      inFlight--;
      return { more: true };
    });
    const timer = startJobTimer([job], deps(), { tickMs: 5, log: () => {} });
    for (let i = 0; i < 200 && job.runs < 3; i++) await new Promise((r) => setTimeout(r, 10));
    await timer.stop();
    const runs = job.runs;
    expect(runs).toBeGreaterThan(1);
    expect(maxInFlight).toBe(1);
    expect(inFlight).toBe(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(job.runs).toBe(runs);
  });

  it('the Node host runs the jobs on its timer and stops them on close', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aftercare-jobs-'));
    const job = counting('host', 20, async () => ({ more: true }));
    const host = await startNodeHost({ databaseUrl: `file:${path.join(dir, 'db.sqlite')}`, port: 0, jobs: { tickMs: 10, jobs: [job], log: () => {} } });
    try {
      for (let i = 0; i < 200 && job.runs < 2; i++) await new Promise((r) => setTimeout(r, 10));
      expect(job.runs).toBeGreaterThan(0);
      const [lease] = await host.database.db.all<{ name: string }>(sql`SELECT name FROM job_leases`);
      expect(lease).toEqual({ name: 'job:host' });
    } finally {
      await host.close();
      const runs = job.runs;
      await new Promise((r) => setTimeout(r, 60));
      expect(job.runs).toBe(runs);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
