import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../db/schema.js';
import type { Query } from '../../../../sdk/src/admin-client/transport.js';
import { caseHarness, type CaseHarness } from './testing.js';

/** Keyset pages over cases with many equal timestamps: every case exactly once, in order. */
let h: CaseHarness;
let rows: { id: string; createdAt: number; updatedAt: number; kind: string; status: string }[];
let partner: Awaited<ReturnType<CaseHarness['as']>>;

beforeAll(async () => {
  h = await caseHarness();
  const t = Date.parse('2025-04-01T10:00:00Z');
  const kinds = ['repair', 'return', 'repair'] as const;
  let n = 0;
  for (const [slot, count] of [[0, 5], [1, 4], [2, 4]] as const) {
    h.at(t + slot * 60_000);
    for (let i = 0; i < count; i++) await h.submitCase(kinds[n++ % 3]!);
  }
  // Updated times: three groups of equal values, unrelated to creation order.
  const all = await h.db.select().from(cases).where(eq(cases.tenantId, h.tenant.tenantId));
  for (const [i, r] of all.entries()) await h.db.update(cases).set({ updatedAt: t + ((i * 7) % 3) * 1000 }).where(eq(cases.id, r.id));
  const org = await h.addOrg(h.tenant.tenantId, 'technician');
  for (const r of all.filter((_, i) => i % 2 === 0)) await h.db.update(cases).set({ assignedOrgId: org }).where(eq(cases.id, r.id));
  partner = await h.as('partner', { partnerOrgId: org });
  rows = (await h.db.select().from(cases).where(eq(cases.tenantId, h.tenant.tenantId))).map((r) => ({ ...r, assignedOrgId: r.assignedOrgId }));
});
afterAll(() => h.dispose());

function expected(sort: 'created' | 'updated', order: 'asc' | 'desc', keep: (r: (typeof rows)[number]) => boolean = () => true) {
  const key = (r: (typeof rows)[number]) => (sort === 'created' ? r.createdAt : r.updatedAt);
  const sorted = rows.filter(keep).sort((a, b) => key(a) - key(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return (order === 'asc' ? sorted : sorted.reverse()).map((r) => r.id);
}

describe('keyset pagination', () => {
  it('has equal timestamps to page through', () => {
    expect(new Set(rows.map((r) => r.createdAt)).size).toBe(3);
    expect(new Set(rows.map((r) => r.updatedAt)).size).toBe(3);
    expect(rows).toHaveLength(13);
  });

  for (const sort of ['created', 'updated'] as const) {
    for (const order of ['desc', 'asc'] as const) {
      it(`${sort} ${order}: pages of 2 and 3 give every case once, in order`, async () => {
        for (const limit of [2, 3]) {
          const got = (await h.listAll({ sort, order, limit })).map((c) => c.id);
          expect(got).toEqual(expected(sort, order));
        }
      });

      it(`${sort} ${order}: filtered (kind; kind+status), searched and a partner’s list page the same way`, async () => {
        const cases: [Query, (r: (typeof rows)[number]) => boolean][] = [
          [{ kind: 'repair' }, (r) => r.kind === 'repair'],
          [{ kind: 'return', status: 'new' }, (r) => r.kind === 'return'],
          [{ q: '1234ab' }, () => true],
        ];
        for (const [q, keep] of cases) expect((await h.listAll({ ...q, sort, order, limit: 2 })).map((c) => c.id)).toEqual(expected(sort, order, keep));
        const own = new Set(rows.filter((_, i) => i % 2 === 0).map((r) => r.id));
        const theirs = (await h.listAll({ sort, order, limit: 2 }, partner.auth)).map((c) => c.id);
        expect(theirs).toEqual(expected(sort, order).filter((id) => own.has(id)));
      });
    }
  }
});
