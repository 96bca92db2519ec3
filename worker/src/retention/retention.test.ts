import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { jobLeases, retentionPolicies } from '../db/schema.js';
import { runRetention } from './run.js';
import { DAY, YEAR, isoDay, retentionHarness } from './test-kit.js';

let env: Awaited<ReturnType<typeof retentionHarness>>;
afterEach(() => env?.h.dispose());

describe('retention (R12) with a moved clock', () => {
  it('default policies expire the right cases per kind and basis', async () => {
    env = await retentionHarness();
    const { T0, t, submit, close, isAnonymised, deps } = env;
    const regOld = await submit('registration', T0 - 11 * YEAR); // purchase + 10 y: gone
    const regNew = await submit('registration', T0 - 9 * YEAR); // kept one more year
    const warOld = await submit('warranty', T0 - 31 * 31 * DAY); // purchase + 24 m + 6 m: passed
    const warEnd = await submit('warranty', T0 - 5 * YEAR, { warrantyEndDate: isoDay(T0 + 30 * DAY) }); // its own warranty end + 6 m
    const repOld = await submit('repair', T0 - YEAR);
    const repNew = await submit('repair', T0 - YEAR);
    const repOpen = await submit('repair', T0 - 20 * YEAR);
    await close(repOld.id, T0 - 25 * 31 * DAY);
    await close(repNew.id, T0 - 700 * DAY); // closed + 24 m ≈ T0 + 30 d

    const first = await runRetention(deps(), env.h.tenant.tenantId);
    expect(first).toMatchObject({ subjects: 3, cases: { registration: 1, warranty: 1, repair: 1 }, complete: true });
    const gone = async () => Object.fromEntries(await Promise.all(Object.entries({ regOld, regNew, warOld, warEnd, repOld, repNew, repOpen }).map(async ([k, c]) => [k, await isAnonymised(c.subjectId)])));
    expect(await gone()).toEqual({ regOld: true, regNew: false, warOld: true, warEnd: false, repOld: true, repNew: false, repOpen: false });

    t.now = T0 + 60 * DAY;
    expect(await runRetention(deps(), env.h.tenant.tenantId)).toMatchObject({ subjects: 1, cases: { repair: 1 } });
    expect(await gone()).toMatchObject({ repNew: true, warEnd: false, repOpen: false, regNew: false });

    t.now = T0 + 8 * 31 * DAY; // the warranty's own end (T0 + 30 d) + 6 months has passed
    expect(await runRetention(deps(), env.h.tenant.tenantId)).toMatchObject({ subjects: 1, cases: { warranty: 1 } });
    t.now = T0 + 30 * YEAR; // an open case never expires under a 'closed' basis
    await runRetention(deps(), env.h.tenant.tenantId);
    expect(await gone()).toEqual({ regOld: true, regNew: true, warOld: true, warEnd: true, repOld: true, repNew: true, repOpen: false });
  });

  it("a tenant's own policies ('created', 'purchase') apply; another tenant is untouched", async () => {
    env = await retentionHarness();
    const { T0, t, submit, isAnonymised, deps, h } = env;
    const now = Date.now();
    await h.db.insert(retentionPolicies).values([
      { tenantId: h.tenant.tenantId, kind: 'complaint', basis: 'created', months: 1, updatedAt: now },
      { tenantId: h.tenant.tenantId, kind: 'repair', basis: 'purchase', months: 12, updatedAt: now },
    ]);
    const complaint = await submit('complaint', T0 - YEAR);
    const openRepair = await submit('repair', T0 - 2 * YEAR); // open, but its basis is the purchase
    const freshRepair = await submit('repair', T0 - 100 * DAY);
    const theirs = await h.submitOtherCase('complaint');
    expect(await runRetention(deps(), h.tenant.tenantId)).toMatchObject({ subjects: 1, cases: { repair: 1 } });
    expect(await isAnonymised(openRepair.subjectId)).toBe(true);
    expect(await isAnonymised(complaint.subjectId)).toBe(false);
    t.now = T0 + 45 * DAY;
    expect(await runRetention(deps(), h.tenant.tenantId)).toMatchObject({ subjects: 1, cases: { complaint: 1 } });
    expect(await isAnonymised(complaint.subjectId)).toBe(true);
    expect(await isAnonymised(freshRepair.subjectId)).toBe(false);
    expect(await isAnonymised(theirs.subjectId)).toBe(false);
  });

  it("a case's own end date wins over its kind's policy, either way", async () => {
    env = await retentionHarness();
    const { T0, submit, close, setEnd, isAnonymised, deps, h } = env;
    const longKept = await submit('repair', T0 - YEAR);
    await close(longKept.id, T0 - 30 * 31 * DAY); // expired by policy…
    await setEnd(longKept.id, T0 + YEAR); // …but its own end is next year
    const endedEarly = await submit('registration', T0 - YEAR); // kept 9 more years by policy…
    await setEnd(endedEarly.id, T0 - DAY); // …but its own end has passed
    const openEnded = await submit('repair', T0 - YEAR); // open, own end passed
    await setEnd(openEnded.id, T0 - DAY);
    expect(await runRetention(deps(), h.tenant.tenantId)).toMatchObject({ subjects: 2, cases: { registration: 1, repair: 1 } });
    expect([await isAnonymised(longKept.subjectId), await isAnonymised(endedEarly.subjectId), await isAnonymised(openEnded.subjectId)]).toEqual([false, true, true]);
  });

  it('keeps a subject with any case still within retention, takes it whole once all expired', async () => {
    env = await retentionHarness();
    const { T0, t, submit, close, moveToSubject, isAnonymised, erasures, deps, h } = env;
    const old = await submit('repair', T0 - 5 * YEAR);
    const live = await submit('complaint', T0 - YEAR);
    await moveToSubject(live.id, old.subjectId);
    await close(old.id, T0 - 30 * 31 * DAY);
    expect(await runRetention(deps(), h.tenant.tenantId)).toMatchObject({ subjects: 0 });
    expect(await isAnonymised(old.subjectId)).toBe(false);
    await close(live.id, T0);
    t.now = T0 + 25 * 31 * DAY;
    expect(await runRetention(deps(), h.tenant.tenantId)).toMatchObject({ subjects: 1, cases: { repair: 1, complaint: 1 } });
    expect(await isAnonymised(old.subjectId)).toBe(true);
    const [details] = await h.db.all<{ d: string }>(sql`SELECT group_concat(details) AS d FROM cases WHERE subject_id = ${old.subjectId}`);
    expect(details!.d).not.toContain('lekt water');
    expect(await erasures(old.subjectId)).toBe(1);
  });

  it('writes the run report to the audit log: counts as field names, no values', async () => {
    env = await retentionHarness();
    const { T0, submit, close, runEntries, deps, h } = env;
    const a = await submit('repair', T0 - YEAR);
    const b = await submit('return', T0 - YEAR);
    await submit('registration', T0 - 11 * YEAR);
    await close(a.id, T0 - 25 * 31 * DAY);
    await close(b.id, T0 - 25 * 31 * DAY);
    const report = await runRetention(deps(), h.tenant.tenantId);
    const entries = await runEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toEqual({
      actor_type: 'system', actor_id: 'retention', entity_type: 'retention_run', entity_id: report!.runId,
      fields: JSON.stringify(['subjects:3', 'batches:1', 'complete:yes', 'registration:1', 'repair:1', 'return:1']),
    });
    const all = JSON.stringify(await h.db.all(sql`SELECT * FROM audit_log`));
    for (const v of ['de Vries', 'Dorpsstraat', 'jan@example.nl', 'GZ-123456', 'ORD-2024']) expect(all).not.toContain(v);
    // Nothing expired: a scheduled run leaves no entry.
    await runRetention(deps(), h.tenant.tenantId);
    expect(await runEntries()).toHaveLength(1);
    expect(await runEntries(h.other.tenantId)).toHaveLength(0);
  });
});

describe('retention runs are safe to repeat, overlap and kill', () => {
  async function expiredSubjects(n: number) {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await env.submit('registration', env.T0 - 11 * YEAR)).subjectId);
    return ids;
  }

  it('two runs at once (two writers, as two hosts) anonymise each subject exactly once', async () => {
    env = await retentionHarness();
    const ids = await expiredSubjects(7);
    const [a, b] = await Promise.all([runRetention(env.deps(), env.h.tenant.tenantId, { batchSize: 2 }), runRetention(env.deps(), env.h.tenant.tenantId, { batchSize: 2 })]);
    expect((a?.subjects ?? 0) + (b?.subjects ?? 0)).toBe(7);
    for (const id of ids) expect(await env.erasures(id)).toBe(1);
    const again = await Promise.all([1, 2, 3].map(() => runRetention(env.deps(), env.h.tenant.tenantId)));
    expect(again.reduce((s, r) => s + (r?.subjects ?? 0), 0)).toBe(0);
    for (const id of ids) expect(await env.erasures(id)).toBe(1);
  });

  it('a run killed after its first batch, then run again: nothing lost, nothing done twice', async () => {
    env = await retentionHarness();
    const ids = await expiredSubjects(5);
    const tenantId = env.h.tenant.tenantId;
    const killed = runRetention(env.deps(), tenantId, {
      batchSize: 2,
      afterBatch: () => {
        throw new Error('killed');
      },
    });
    await expect(killed).rejects.toThrow('killed');
    const done = await Promise.all(ids.map(env.isAnonymised));
    expect(done.filter(Boolean)).toHaveLength(2);
    // The lease was given back: the next run does not wait for it to expire.
    expect(await env.h.db.select().from(jobLeases)).toEqual([]);
    const bounded = await runRetention(env.deps(), tenantId, { batchSize: 2, maxBatches: 1 });
    expect(bounded).toMatchObject({ subjects: 2, batches: 1, complete: false });
    const rest = await runRetention(env.deps(), tenantId, { batchSize: 2 });
    expect(rest).toMatchObject({ subjects: 1, complete: true });
    for (const id of ids) {
      expect(await env.isAnonymised(id)).toBe(true);
      expect(await env.erasures(id)).toBe(1);
    }
  });

  it('a lease left by a crashed run blocks until it expires, then the next run takes over', async () => {
    env = await retentionHarness();
    const ids = await expiredSubjects(2);
    const tenantId = env.h.tenant.tenantId;
    await env.h.db.insert(jobLeases).values({ name: `retention:${tenantId}`, holder: 'crashed', expiresAt: env.T0 + 5 * 60_000 });
    expect(await runRetention(env.deps(), tenantId)).toBeNull();
    expect(await env.isAnonymised(ids[0]!)).toBe(false);
    env.t.now = env.T0 + 11 * 60_000;
    expect(await runRetention(env.deps(), tenantId)).toMatchObject({ subjects: 2, complete: true });
  });
});
