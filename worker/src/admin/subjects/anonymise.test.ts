import { afterEach, describe, expect, it } from 'vitest';
import type { AnonymiseResult, SubjectDetail } from '../../../../sdk/src/admin/subjects.js';
import { ERASED, ERASED_FIELDS } from '../../anonymise/index.js';
import { makeAdminHarness, type AdminHarness, type As } from '../../testing/admin-harness.js';
import { json, personalState, rows, tableText, writeCounts, type Problem } from './test-kit.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

const erase = (id: string, as: As, body: unknown = { confirm: true }) => h.admin(`/subjects/${id}/anonymise`, { as, body });

describe('POST /v1/admin/subjects/:id/anonymise (R10)', () => {
  it('lets an owner erase a subject: fields replaced, kind/status/brand/dates kept, audited by field name', async () => {
    h = await makeAdminHarness();
    const c = await h.submitCase('warranty');
    const { user, auth } = await h.as('owner');
    const before = await json<SubjectDetail>(await h.admin(`/subjects/${c.subjectId}`, { as: auth }));
    const res = await erase(c.subjectId, auth);
    expect(res.status).toBe(200);
    const out = await json<AnonymiseResult>(res);
    expect(out).toEqual({ subjectId: c.subjectId, anonymizedAt: expect.any(Number), cases: 1, products: 1, consents: 1, notes: 0, checkpoint: 'truncated' });

    const after = await json<SubjectDetail>(await h.admin(`/subjects/${c.subjectId}`, { as: auth }));
    expect(after.subject).toMatchObject({ firstName: ERASED, lastName: ERASED, email: ERASED, phone: null, country: 'NL', anonymizedAt: out.anonymizedAt, createdAt: before.subject.createdAt });
    expect(after.cases).toEqual(before.cases);
    // Model and retailer are free text: erased (the brand stays); the page URL keeps its origin only.
    expect(after.products).toEqual([{ ...before.products[0], model: ERASED, retailer: null, serialNumber: null, proofOfPurchaseRef: null }]);
    expect(after.consents).toEqual([{ ...before.consents[0], ip: '203.0.113.0', userAgent: '', pageUrl: 'https://shop.example' }]);
    const [caseRow] = await rows<{ details: string }>(h, `cases WHERE id = '${c.id}'`);
    expect(JSON.parse(caseRow!.details)).toEqual({ mode: 'claim', faultDescription: ERASED });

    const audit = await rows<{ actor_id: string; entity_id: string; fields: string }>(h, "audit_log WHERE action = 'subject.anonymised'");
    expect(audit).toEqual([expect.objectContaining({ actor_id: user.id, entity_id: c.subjectId, fields: JSON.stringify(ERASED_FIELDS) })]);
    const logs = (await tableText(h, 'audit_log')) + (await tableText(h, 'export_log'));
    for (const v of ['de Vries', 'Dorpsstraat', 'jan@example.nl', '+31612345678', 'GZ-123456', 'scherm', '1234 AB']) expect(logs).not.toContain(v);

    const again = await erase(c.subjectId, auth);
    expect(again.status).toBe(409);
    expect((await json<Problem>(again)).code).toBe('conflict');
    expect(await rows(h, "audit_log WHERE action = 'subject.anonymised'")).toHaveLength(1);
  });

  it('is for owners only (staff, auditors, partners, staff keys: 403), needs confirm: true (422), and writes nothing when refused', async () => {
    h = await makeAdminHarness();
    const c = await h.submitCase();
    const theirs = await h.submitOtherCase();
    const org = await h.addOrg(h.tenant.tenantId, 'technician');
    const owner = await h.as('owner');
    const before = [await personalState(h), await writeCounts(h)];
    for (const as of [(await h.as('staff')).auth, (await h.as('auditor')).auth, (await h.as('partner', { partnerOrgId: org })).auth, await h.keyFor({ role: 'staff' })]) {
      const res = await erase(c.subjectId, as);
      expect(res.status).toBe(403);
      expect((await json<Problem>(res)).code).toBe('forbidden');
    }
    for (const body of [{}, { confirm: false }, { confirm: 'yes' }, { confirm: true, reason: 'x' }]) {
      const res = await erase(c.subjectId, owner.auth, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      const p = await json<Problem>(res);
      expect(p.errors?.[0]?.path).toBe('confirm' in body && body.confirm === true ? 'reason' : 'confirm');
    }
    expect((await erase(theirs.subjectId, owner.auth)).status).toBe(404);
    expect((await erase('nope', owner.auth)).status).toBe(404);
    expect((await erase(c.subjectId, (await h.as('owner', { tenantId: h.other.tenantId })).auth)).status).toBe(404);
    expect([await personalState(h), await writeCounts(h)]).toEqual(before);
    expect((await erase(c.subjectId, await h.keyFor({ role: 'owner' }))).status).toBe(200);
  });
});
