import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { RetentionPolicies, RetentionPreview, RetentionRunReport } from '../../../../sdk/src/admin/retention.js';
import { jobLeases, retentionPolicies } from '../../db/schema.js';
import { runRetention } from '../../retention/run.js';
import { DAY, YEAR, retentionHarness } from '../../retention/test-kit.js';

let env: Awaited<ReturnType<typeof retentionHarness>>;
afterEach(() => env?.h.dispose());

const auditCount = async () => Number((await env.h.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log`))[0]!.n);

describe('GET/PUT /v1/admin/retention/policies', () => {
  it('shows defaults, sets and resets kinds (audited by field name), owners only may change', async () => {
    env = await retentionHarness();
    const { h } = env;
    const owner = (await h.as('owner')).auth;
    const auditor = (await h.as('auditor')).auth;
    const first = (await (await h.admin('/retention/policies', { as: auditor })).json()) as RetentionPolicies;
    expect(first.policies.map((p) => [p.kind, p.basis, p.months, p.isDefault])).toEqual([
      ['registration', 'purchase', 120, true], ['warranty', 'warranty_end', 6, true], ['repair', 'closed', 24, true],
      ['installation', 'closed', 24, true], ['complaint', 'closed', 24, true], ['return', 'closed', 24, true], ['exchange', 'closed', 24, true],
    ]);
    expect((await h.admin('/retention/policies', { as: auditor, method: 'PUT', body: { repair: { basis: 'closed', months: 36 } } })).status).toBe(403);

    const put = await h.admin('/retention/policies', { as: owner, method: 'PUT', body: { repair: { basis: 'created', months: 36 }, warranty: { basis: 'purchase', months: 60 } } });
    expect(put.status).toBe(200);
    const after = (await put.json()) as RetentionPolicies;
    expect(after.policies.find((p) => p.kind === 'repair')).toMatchObject({ basis: 'created', months: 36, isDefault: false, updatedAt: env.T0 });
    const [entry] = await h.db.all<{ action: string; entity_type: string; fields: string }>(sql`SELECT action, entity_type, fields FROM audit_log WHERE action = 'retention.policies_updated'`);
    expect(entry).toEqual({ action: 'retention.policies_updated', entity_type: 'retention_policies', fields: JSON.stringify(['warranty.basis', 'warranty.months', 'repair.basis', 'repair.months']) });

    const reset = (await (await h.admin('/retention/policies', { as: owner, method: 'PUT', body: { repair: null } })).json()) as RetentionPolicies;
    expect(reset.policies.find((p) => p.kind === 'repair')).toMatchObject({ basis: 'closed', months: 24, isDefault: true, updatedAt: null });
    expect(reset.policies.find((p) => p.kind === 'warranty')).toMatchObject({ basis: 'purchase', months: 60, isDefault: false });
    // The other tenant keeps its defaults.
    expect(await h.db.select().from(retentionPolicies)).toHaveLength(1);
  });

  it('422 with one error per field, nothing written', async () => {
    env = await retentionHarness();
    const { h } = env;
    const owner = (await h.as('owner')).auth;
    const before = await auditCount();
    const put = (body: unknown) => h.admin('/retention/policies', { as: owner, method: 'PUT', body });
    const res = await put({
      repair: { basis: 'warranty_end', months: 0 },
      registration: { basis: 'closed', months: 601 },
      warranty: { basis: 'nope', months: 1.5 },
      complaint: { basis: 'created', months: '12' },
      return: { basis: 'closed' },
      exchange: { basis: 'closed', months: 12, extra: 1 },
      toaster: { basis: 'closed', months: 12 },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { code: string; errors: { path: string; code: string }[] };
    expect(body.code).toBe('validation_failed');
    expect(Object.fromEntries(body.errors.map((e) => [e.path, e.code]))).toEqual({
      'repair.basis': 'invalid_value', 'repair.months': 'invalid_value', 'registration.months': 'invalid_value',
      'warranty.basis': 'invalid_value', 'warranty.months': 'invalid_value', 'complaint.months': 'invalid_type',
      'return.months': 'required', 'exchange.extra': 'unknown_field', toaster: 'unknown_field',
    });
    expect((await put({})).status).toBe(422);
    expect((await put([])).status).toBe(422);
    expect((await put('{not json')).status).toBe(400);
    expect(await h.db.select().from(retentionPolicies)).toEqual([]);
    expect(await auditCount()).toBe(before);
  });
});

describe('GET /v1/admin/retention/preview', () => {
  it('lists what the clock + N days will expire (references for owners only), and a run then takes exactly that', async () => {
    env = await retentionHarness();
    const { h, T0, t, submit, close } = env;
    const owner = (await h.as('owner')).auth;
    const auditor = (await h.as('auditor')).auth;
    const overdue = await submit('registration', T0 - 11 * YEAR);
    const soon = await submit('repair', T0 - YEAR);
    await close(soon.id, T0 - 720 * DAY); // closed + 24 months ≈ T0 + 10 days
    const later = await submit('return', T0 - YEAR);
    await close(later.id, T0 - 690 * DAY); // ≈ T0 + 40 days
    await submit('repair', T0 - 30 * YEAR); // open: never
    await h.submitOtherCase('registration');

    const res = await h.admin('/retention/preview?days=30', { as: owner });
    expect(res.status).toBe(200);
    const p = (await res.json()) as RetentionPreview;
    expect(p).toMatchObject({ from: T0, until: T0 + 30 * DAY, days: 30, total: { subjects: 2, cases: { registration: 1, repair: 1 } } });
    expect(p.byDate.map((d) => d.subjects)).toEqual([1, 1]);
    expect(p.byDate[0]!.cases).toEqual({ registration: 1 });
    expect(p.byDate[1]!.cases).toEqual({ repair: 1 });
    expect(p.byDate[0]!.date < p.byDate[1]!.date).toBe(true);
    expect(p.cases!.map((c) => c.reference)).toEqual([overdue.reference, soon.reference]);
    expect(p.casesTruncated).toBe(false);

    const audited = await h.admin('/retention/preview', { as: auditor });
    const forAuditor = (await audited.json()) as RetentionPreview;
    expect(forAuditor).toMatchObject({ days: 30, total: p.total, byDate: p.byDate });
    expect(forAuditor.cases).toBeUndefined();
    expect(JSON.stringify(forAuditor)).not.toContain(soon.reference);

    const sixty = (await (await h.admin('/retention/preview?days=60', { as: owner })).json()) as RetentionPreview;
    expect(sixty.total.subjects).toBe(3);

    t.now = T0 + 30 * DAY;
    const run = await runRetention(env.deps(), h.tenant.tenantId);
    expect(run).toMatchObject({ subjects: p.total.subjects, cases: p.total.cases });
    expect([await env.isAnonymised(overdue.subjectId), await env.isAnonymised(soon.subjectId), await env.isAnonymised(later.subjectId)]).toEqual([true, true, false]);
    // Sessions end with the moved clock; an sk_ key does not.
    const afterRun = (await (await h.admin('/retention/preview?days=30', { as: await h.keyFor({ role: 'owner' }) })).json()) as RetentionPreview;
    expect(afterRun.total.subjects).toBe(1);
  });

  it('422 for days outside 1..366', async () => {
    env = await retentionHarness();
    const owner = (await env.h.as('owner')).auth;
    for (const q of ['days=0', 'days=367', 'days=abc', 'days=-1', 'days=1.5', 'days=']) {
      const res = await env.h.admin(`/retention/preview?${q}`, { as: owner });
      expect(res.status, q).toBe(422);
      expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path), q).toEqual(['days']);
    }
  });
});

describe('POST /v1/admin/retention/run', () => {
  it("runs now for the caller's tenant only, reports, audits the owner as actor; 409 while another run holds the tenant", async () => {
    env = await retentionHarness();
    const { h, T0, submit } = env;
    const { user, auth: owner } = await h.as('owner');
    const mine = await submit('registration', T0 - 11 * YEAR);
    const theirs = await h.submitOtherCase('warranty'); // purchased 2024-04-01: expired by default, but not ours
    const res = await h.admin('/retention/run', { as: owner, body: {} });
    expect(res.status).toBe(200);
    expect((await res.json()) as RetentionRunReport).toMatchObject({ tenantId: h.tenant.tenantId, subjects: 1, cases: { registration: 1 }, complete: true });
    expect(await env.isAnonymised(mine.subjectId)).toBe(true);
    expect(await env.isAnonymised(theirs.subjectId)).toBe(false);
    const entries = await env.runEntries();
    expect(entries.map((e) => [e.actor_type, e.actor_id])).toEqual([['user', user.id]]);

    // A manual run that finds nothing is still recorded (a person asked for it).
    expect((await (await h.admin('/retention/run', { as: owner, body: {} })).json()) as RetentionRunReport).toMatchObject({ subjects: 0, complete: true });
    expect(await env.runEntries()).toHaveLength(2);

    await h.db.insert(jobLeases).values({ name: `retention:${h.tenant.tenantId}`, holder: 'someone', expiresAt: T0 + 60_000 });
    const busy = await h.admin('/retention/run', { as: owner, body: {} });
    expect(busy.status).toBe(409);
    expect(((await busy.json()) as { code: string }).code).toBe('conflict');

    expect((await h.admin('/retention/run', { as: owner, body: { tenantId: h.other.tenantId } })).status).toBe(422);
    expect((await h.admin('/retention/run', { as: (await h.as('auditor')).auth, body: {} })).status).toBe(403);
  });
});
