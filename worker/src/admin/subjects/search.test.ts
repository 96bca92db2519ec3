import { afterEach, describe, expect, it } from 'vitest';
import type { InValue } from '@libsql/client';
import type { SubjectSearchResult } from '../../../../sdk/src/admin/subjects.js';
import { makeAdminHarness, type AdminHarness, type As } from '../../testing/admin-harness.js';
import { searchQuery, searchWhere } from './search.js';
import { searchTerms } from './search-terms.js';
import { json, type Problem } from './test-kit.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

const search = async (q: string, as: As) => {
  const res = await h.admin(`/subjects?q=${encodeURIComponent(q)}`, { as });
  expect(res.status, q).toBe(200);
  return json<SubjectSearchResult>(res);
};

describe('GET /v1/admin/subjects?q= (find a subject)', () => {
  it('finds by email (any case), phone as typed nationally, name and postcode, with case counts', async () => {
    h = await makeAdminHarness();
    const jan = await h.submitCase('repair');
    await h.submitCase('return', (b) => Object.assign(b.subject, { email: 'JAN@example.nl' }));
    const piet = await h.submitCase('complaint', (b) => Object.assign(b.subject, { firstName: 'Piet', lastName: 'Jansen', email: 'piet@example.nl', phone: '+32 470 12 34 56', country: 'BE', postcode: '1000' }));
    const { auth } = await h.as('staff');

    const byEmail = await search('Jan@Example.nl', auth);
    expect(byEmail.items).toHaveLength(2); // two submissions, two subjects
    expect(byEmail.items[0]).toEqual({
      id: expect.any(String), name: 'Jan de Vries', email: 'jan@example.nl', phone: '+31612345678', postcode: '1234 AB', city: 'Utrecht', caseCount: 1, createdAt: expect.any(Number),
    });
    expect(byEmail.items.map((i) => i.id)).toContain(jan.subjectId);

    expect((await search('06 1234 5678', auth)).items).toHaveLength(2);
    expect((await search('0470/12.34.56', auth)).items.map((i) => i.id)).toEqual([piet.subjectId]);
    for (const q of ['Jan de Vries', 'jan de vries', 'de vries', 'De Vr', 'J de Vries']) expect((await search(q, auth)).items, q).toHaveLength(2);
    expect((await search('Piet Jansen', auth)).items.map((i) => i.id)).toEqual([piet.subjectId]);
    expect((await search('jans', auth)).items.map((i) => i.id)).toEqual([piet.subjectId]);
    expect((await search('Kees de Vries', auth)).items).toEqual([]);
    expect((await search('1234ab', auth)).items).toHaveLength(2);
    expect((await search('nobody@example.nl', auth)).items).toEqual([]);
  });

  it("never returns another tenant's subjects, nor anonymised ones", async () => {
    h = await makeAdminHarness();
    await h.submitOtherCase();
    const { auth } = await h.as('owner');
    expect((await search('jan@example.nl', auth)).items).toEqual([]);
    const mine = await h.submitCase('repair');
    expect((await search('jan@example.nl', auth)).items).toHaveLength(1);
    expect((await h.admin(`/subjects/${mine.subjectId}/anonymise`, { as: auth, body: { confirm: true } })).status).toBe(200);
    for (const q of ['jan@example.nl', '0612345678', 'Jan de Vries', '1234 AB', '[anonymised]']) expect((await search(q, auth)).items, q).toEqual([]);
  });

  it('is refused to auditors, partners and operators (403) and without a query (422 on q)', async () => {
    h = await makeAdminHarness();
    const org = await h.addOrg(h.tenant.tenantId, 'carrier');
    for (const who of [await h.as('auditor'), await h.as('partner', { partnerOrgId: org }), await h.as('operator')]) {
      const res = await h.admin('/subjects?q=jan', { as: who.auth });
      expect(res.status).toBe(403);
      expect((await json<Problem>(res)).code).toBe('forbidden');
    }
    const { auth } = await h.as('owner');
    for (const path of ['/subjects', '/subjects?q=', '/subjects?q=j', `/subjects?q=${'x'.repeat(201)}`]) {
      const res = await h.admin(path, { as: auth });
      expect(res.status, path).toBe(422);
      expect((await json<Problem>(res)).errors?.[0]?.path).toBe('q');
    }
  });

  it('answers every kind of term from an index (no table scan)', async () => {
    h = await makeAdminHarness();
    for (const q of ['jan@example.nl', '06-12345678', 'Jan de Vries', '1234ab']) {
      const query = searchQuery(h.db, searchWhere('t', searchTerms(q))!).limit(51).toSQL();
      const plan = await h.database.client.execute({ sql: `EXPLAIN QUERY PLAN ${query.sql}`, args: query.params as InValue[] });
      const details = plan.rows.map((r) => String(r.detail));
      expect(details.join('\n'), q).toMatch(/USING (COVERING )?INDEX subjects_tenant_/);
      expect(details.filter((d) => /^SCAN /.test(d)), q).toEqual([]);
    }
  });
});
