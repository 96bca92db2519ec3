import { afterEach, describe, expect, it } from 'vitest';
import type { SubjectDetail } from '../../../../sdk/src/admin/subjects.js';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import { json, type Problem } from './test-kit.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

describe('GET /v1/admin/subjects/:id', () => {
  it('shows the subject, its cases, products and consent evidence', async () => {
    h = await makeAdminHarness();
    const c = await h.submitCase('return');
    for (const role of ['owner', 'staff'] as const) {
      const res = await h.admin(`/subjects/${c.subjectId}`, { as: (await h.as(role)).auth });
      expect(res.status).toBe(200);
      const d = await json<SubjectDetail>(res);
      expect(d.subject).toMatchObject({ id: c.subjectId, firstName: 'Jan', lastName: 'de Vries', postcode: '1234 AB', phone: '+31612345678', country: 'NL', anonymizedAt: null });
      expect(d.subject).not.toHaveProperty('tenantId');
      expect(d.cases).toEqual([{ id: c.id, reference: c.reference, kind: 'return', status: 'new', productId: d.products[0]!.id, createdAt: expect.any(Number), updatedAt: expect.any(Number), closedAt: null }]);
      expect(d.products[0]).toMatchObject({ brand: 'Gazelle', model: 'Ultimate C380', serialNumber: 'GZ-123456', purchaseDate: '2024-04-01' });
      expect(d.consents[0]).toMatchObject({ caseId: c.id, ip: '203.0.113.7', userAgent: 'vitest', pageUrl: 'https://shop.example/service', locale: 'nl', withdrawnAt: null, withdrawnBy: null });
    }
  });

  it("is 404 for another tenant's subject or an unknown id, 403 for roles without subjects.manage", async () => {
    h = await makeAdminHarness();
    const mine = await h.submitCase();
    const theirs = await h.submitOtherCase();
    const { auth } = await h.as('owner');
    for (const id of [theirs.subjectId, 'nope', theirs.id]) {
      const res = await h.admin(`/subjects/${id}`, { as: auth });
      expect(res.status).toBe(404);
      expect((await json<Problem>(res)).code).toBe('not_found');
    }
    const otherOwner = await h.as('owner', { tenantId: h.other.tenantId });
    expect((await h.admin(`/subjects/${mine.subjectId}`, { as: otherOwner.auth })).status).toBe(404);
    const org = await h.addOrg(h.tenant.tenantId, 'technician');
    for (const who of [await h.as('auditor'), await h.as('partner', { partnerOrgId: org })]) {
      expect((await h.admin(`/subjects/${mine.subjectId}`, { as: who.auth })).status).toBe(403);
    }
    expect((await h.admin(`/subjects/${mine.subjectId}`, { as: await h.keyFor({ role: 'auditor' }) })).status).toBe(403);
    expect((await h.admin(`/subjects/${mine.subjectId}`, { as: await h.keyFor({ role: 'staff' }) })).status).toBe(200);
  });
});
