import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { makeAdminHarness, type AdminHarness, type As } from '../../testing/admin-harness.js';
import { cases, products } from '../../db/schema.js';
import { ERASED_MODEL, type CaseStatistics, type PlatformStatistics } from '../../../../sdk/src/admin/stats.js';
import { CASE_KINDS, type CaseKind } from '../../../../sdk/src/schemas/case.js';
import { ADMIN_CASE_STATUSES } from '../../../../sdk/src/admin/workflow.js';
import { expectNoSmallCell } from '../../stats/test-cells.js';

const DAY = 86_400_000;
let h: AdminHarness;
let now: number;
let owner: As;
beforeEach(async () => {
  now = Date.UTC(2026, 3, 20, 10, 0);
  h = await makeAdminHarness({ clock: { now: () => now } });
  owner = (await h.as('owner')).auth;
});
afterEach(() => h.dispose());

const stats = async (as: As, path = '/stats') => {
  const res = await h.admin(path, { as });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as CaseStatistics;
};

/** Submits a case through the public API and closes it `days` later (status closed, closedAt). */
async function closedCase(kind: CaseKind, days: number) {
  const c = await h.submitCase(kind);
  await h.db.update(cases).set({ status: 'closed', closedAt: now + days * DAY }).where(eq(cases.id, c.id));
  return c;
}

describe('GET /stats (R23)', () => {
  it('anonymised cases move from their model to their brand with ERASED_MODEL; totals and kinds unchanged', async () => {
    const subjects = [];
    for (let i = 0; i < 11; i++) subjects.push((await h.submitCase('repair')).subjectId);
    const before = await stats(owner);
    expect(before.byModel).toEqual([{ brand: 'Gazelle', model: 'Ultimate C380', count: 11, suppressed: false }]);
    for (const id of subjects.slice(0, 6)) expect((await h.admin(`/subjects/${id}/anonymise`, { as: owner, body: { confirm: true } })).status).toBe(200);
    const after = await stats(owner);
    expect(after.total).toEqual(before.total);
    expect(after.byKind).toEqual(before.byKind);
    expect(after.byModel).toEqual([
      { brand: 'Gazelle', model: ERASED_MODEL, count: 6, suppressed: false },
      { brand: 'Gazelle', model: 'Ultimate C380', count: 5, suppressed: false },
    ]);
  });

  it('medians per kind are right on a hand-checked set, and only over 5 or more closed cases', async () => {
    for (const d of [1, 2, 3, 10, 20]) await closedCase('repair', d); // median 3
    for (const d of [1, 2, 3, 4, 5, 100]) await closedCase('return', d); // median (3 + 4) / 2 = 3.5
    for (const d of [1, 1.5, 2, 2.25]) await closedCase('warranty', d); // only 4: no median
    await h.submitCase('complaint');
    const s = await stats(owner);
    const median = (k: CaseKind) => s.resolution.find((r) => r.kind === k)!;
    expect(median('repair')).toEqual({ kind: 'repair', medianDays: 3, suppressed: false });
    expect(median('return')).toEqual({ kind: 'return', medianDays: 3.5, suppressed: false });
    expect(median('warranty')).toEqual({ kind: 'warranty', medianDays: null, suppressed: true });
    expect(s.total).toEqual({ count: 16, suppressed: false });
    expect(s.byKind.find((k) => k.kind === 'repair')).toEqual({ kind: 'repair', count: 5, suppressed: false });
    // warranty (4) and complaint (1) are hidden; together 5, so the rest cannot be narrowed further.
    expect(s.byKind.find((k) => k.kind === 'warranty')).toEqual({ kind: 'warranty', count: null, suppressed: true });
    // 15 closed, 1 new: the 1 is hidden, so the 15 is too (else 16 − 15 would show it).
    expect(s.byStatus.find((x) => x.status === 'closed')).toEqual({ status: 'closed', count: null, suppressed: true });
    expect(s.byMonth.at(-1)).toEqual({ month: '2026-04', count: 16, suppressed: false });
    expect(s.byModel).toEqual([{ brand: 'Gazelle', model: 'Ultimate C380', count: 16, suppressed: false }]);
    expectNoSmallCell(s);
  });

  it('holds no personal value and no id: names, e-mail, serials, addresses, references, case and subject ids are absent', async () => {
    const made = [];
    for (let i = 0; i < 6; i++) made.push(await closedCase('repair', i + 1));
    const text = JSON.stringify(await stats(owner));
    for (const personal of ['Jan', 'de Vries', 'jan@example.nl', 'GZ-123456', 'Dorpsstraat', '1234', 'Utrecht', '06-1234', 'Fietsenwinkel Test', h.tenant.tenantId]) expect(text).not.toContain(personal);
    for (const c of made) for (const id of [c.id, c.subjectId, c.reference]) expect(text).not.toContain(id);
  });

  it("counts only the caller's tenant; another tenant's cases never show", async () => {
    for (let i = 0; i < 7; i++) await h.submitOtherCase('exchange');
    for (let i = 0; i < 5; i++) await h.submitCase('repair');
    const s = await stats(owner);
    expect(s.total).toEqual({ count: 5, suppressed: false });
    expect(s.byKind.find((k) => k.kind === 'exchange')).toEqual({ kind: 'exchange', count: null, suppressed: true });
    const theirs = await stats((await h.as('auditor', { tenantId: h.other.tenantId })).auth);
    expect(theirs.byKind.find((k) => k.kind === 'exchange')).toEqual({ kind: 'exchange', count: 7, suppressed: false });
  });

  it('a rare product model is not named; months are listed with the earlier ones together', async () => {
    for (let i = 0; i < 6; i++) await h.submitCase('repair');
    const rare = await h.submitCase('repair');
    await h.db.update(products).set({ brand: 'Uniek', model: 'Eenmalig X1' }).where(eq(products.id, (await h.db.select({ p: cases.productId }).from(cases).where(eq(cases.id, rare.id)))[0]!.p));
    now += 70 * DAY; // two months on: the cases are in 2026-04, the window ends 2026-06
    const res = await h.admin('/stats?months=2', { as: (await h.as('auditor')).auth });
    const s = (await res.json()) as CaseStatistics;
    expect(JSON.stringify(s)).not.toContain('Eenmalig');
    expect(s.byModel).toEqual([]); // the 6 Gazelles went with it: a rest of 1 would be recoverable
    expect(s.otherModels).toEqual({ count: 7, suppressed: false });
    expect(s.byMonth.map((m) => m.month)).toEqual(['2026-05', '2026-06']);
    expect(s.earlier).toEqual({ count: 7, suppressed: false });
  });

  it('refuses bad queries with per-field errors, and roles without registers.read', async () => {
    const bad = await h.admin('/stats?months=0&tenant=x', { as: owner });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual(['months', 'tenant']);
    expect((await h.admin('/stats?months=121', { as: owner })).status).toBe(422);
    for (const role of ['staff', 'operator'] as const) expect((await h.admin('/stats', { as: (await h.as(role)).auth })).status).toBe(403);
    expect((await h.admin('/stats/platform', { as: owner })).status).toBe(403);
  });

  it('property: on random cases in the real database, no cell under 5 and no recoverable rest', async () => {
    const template = await h.submitCase('repair');
    const [row] = await h.db.select().from(cases).where(eq(cases.id, template.id));
    const [product] = await h.db.select().from(products).where(eq(products.id, row!.productId));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ kind: fc.constantFrom(...CASE_KINDS), status: fc.constantFrom(...ADMIN_CASE_STATUSES), ageDays: fc.nat(900), model: fc.nat(6), closeDays: fc.nat(60) }), { maxLength: 40 }),
        async (batch) => {
          for (const c of batch) {
            const id = `${template.id}-${++n}`;
            await h.db.insert(products).values({ ...product!, id, model: `M${c.model}` });
            const createdAt = now - c.ageDays * DAY;
            await h.db.insert(cases).values({ ...row!, id, reference: `R${n}`, kind: c.kind, status: c.status, productId: id, createdAt, closedAt: c.status === 'closed' ? createdAt + c.closeDays * DAY : null });
          }
          const s = await stats(owner);
          expectNoSmallCell(s);
          const total = s.total.count;
          if (total === null) return;
          for (const list of [s.byKind, s.byStatus, [...s.byMonth, s.earlier], [...s.byModel, s.otherModels]]) {
            const rest = total - list.reduce((sum, c) => sum + (c.count ?? 0), 0);
            expect(rest === 0 || rest >= 5).toBe(true);
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 60_000);
});

describe('GET /stats/platform (operator)', () => {
  it('counts every tenant together, each tenant only as a suppressed total', async () => {
    for (let i = 0; i < 5; i++) await h.submitCase('repair');
    for (let i = 0; i < 3; i++) await h.submitOtherCase('repair');
    const res = await h.admin('/stats/platform', { as: (await h.as('operator')).auth });
    expect(res.status).toBe(200);
    const s = (await res.json()) as PlatformStatistics;
    expect(s.total).toEqual({ count: 8, suppressed: false });
    expect(s.byKind.find((k) => k.kind === 'repair')).toEqual({ kind: 'repair', count: 8, suppressed: false });
    // 5 and 3: the 3 is hidden, and so is the 5 (else 8 − 5 would show the 3).
    expect(s.tenants.map((t) => [t.tenantId, t.count])).toEqual(expect.arrayContaining([[h.tenant.tenantId, null], [h.other.tenantId, null]]));
    expectNoSmallCell(s);
    expect(JSON.stringify(s)).not.toContain('jan@example.nl');
  });
});
