import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { SubjectAccessExport } from '../../../../sdk/src/admin/subjects.js';
import { caseNotes } from '../../db/schema.js';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import { recordExport } from '../exports/record.js';
import type { Principal } from '../principal.js';
import { json, rows, writeCounts, type Problem } from './test-kit.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

type LogRow = { id: string; kind: string; actor_id: string; ip: string; filter: string; row_count: number };

describe('GET /v1/admin/subjects/:id/export (access and portability, R11)', () => {
  it('sends everything held about the subject as one JSON download, logged as an export', async () => {
    h = await makeAdminHarness();
    const c1 = await h.submitCase('return');
    const other = await h.submitCase('repair'); // same person, separate subject: not included
    const { user, auth } = await h.as('staff');
    await h.db.insert(caseNotes).values({ id: 'note-1', tenantId: h.tenant.tenantId, caseId: c1.id, authorId: user.id, body: 'Klant belt terug', shared: false, createdAt: Date.now() });
    const principal: Principal = { type: 'user', id: user.id, tenantId: h.tenant.tenantId, role: 'staff', partnerOrgId: null, partnerType: null, sessionId: null, displayName: 'x', locale: 'nl' };
    const earlier = await recordExport(h.db, { principal, tenantId: h.tenant.tenantId, ip: '198.51.100.1', kind: 'cases_csv', filter: {}, rowCount: 2, subjectIds: [c1.subjectId, other.subjectId], now: Date.now() - 1000 });

    const res = await h.admin(`/subjects/${c1.subjectId}/export`, { as: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="subject-${c1.subjectId}.json"`);
    const doc = await json<SubjectAccessExport>(res);

    const log = await rows<LogRow>(h, "export_log WHERE kind = 'subject_access'");
    expect(log).toEqual([expect.objectContaining({ id: doc.exportId, actor_id: user.id, ip: '203.0.113.7', filter: JSON.stringify({ subjectId: c1.subjectId }), row_count: 1 })]);
    expect(await rows(h, `export_subjects WHERE export_id = '${doc.exportId}'`)).toEqual([expect.objectContaining({ subject_id: c1.subjectId })]);

    expect(doc.format).toBe('aftercare.subject-access.v1');
    expect(doc.subject).toMatchObject({ id: c1.subjectId, firstName: 'Jan', lastName: 'de Vries', email: 'jan@example.nl', phone: '+31612345678', street: 'Dorpsstraat' });
    expect(doc.cases).toEqual([expect.objectContaining({
      id: c1.id, reference: c1.reference, kind: 'return', status: 'new',
      details: { reason: 'changed_mind', orderNumber: 'ORD-2024-001', preferredResolution: 'refund' },
      notes: [expect.objectContaining({ id: 'note-1', body: 'Klant belt terug', authorId: user.id, shared: false })],
    })]);
    expect(doc.products).toEqual([expect.objectContaining({ brand: 'Gazelle', model: 'Ultimate C380', serialNumber: 'GZ-123456' })]);
    expect(doc.consents).toEqual([expect.objectContaining({ caseId: c1.id, ip: '203.0.113.7', userAgent: 'vitest', version: 1, text: expect.any(String) })]);
    expect(doc.consents[0]!.text!.length).toBeGreaterThan(10);
    expect(doc.exports.map((e) => [e.id, e.kind, e.actorId])).toEqual([[earlier, 'cases_csv', user.id], [doc.exportId, 'subject_access', user.id]]);
    expect(JSON.stringify(doc)).not.toContain(other.id);
  });

  it('writes the log row before reading the data: a failed export still leaves it', async () => {
    h = await makeAdminHarness();
    const c = await h.submitCase();
    const { auth } = await h.as('owner');
    // Fault injection on the real database: the notes table vanishes mid-export.
    await h.db.run(sql.raw('ALTER TABLE case_notes RENAME TO case_notes_away'));
    try {
      const res = await h.admin(`/subjects/${c.subjectId}/export`, { as: auth });
      expect(res.status).toBe(500);
      expect(await res.text()).not.toContain('de Vries');
    } finally {
      await h.db.run(sql.raw('ALTER TABLE case_notes_away RENAME TO case_notes'));
    }
    expect(await rows(h, "export_log WHERE kind = 'subject_access'")).toHaveLength(1);
  });

  it("is 404 for another tenant's subject and 403 without subjects.manage, logging nothing", async () => {
    h = await makeAdminHarness();
    const mine = await h.submitCase();
    const theirs = await h.submitOtherCase();
    const before = await writeCounts(h);
    const res = await h.admin(`/subjects/${theirs.subjectId}/export`, { as: (await h.as('owner')).auth });
    expect(res.status).toBe(404);
    expect((await json<Problem>(res)).code).toBe('not_found');
    expect((await h.admin(`/subjects/${mine.subjectId}/export`, { as: (await h.as('owner', { tenantId: h.other.tenantId })).auth })).status).toBe(404);
    const org = await h.addOrg(h.tenant.tenantId, 'carrier');
    for (const who of [await h.as('auditor'), await h.as('partner', { partnerOrgId: org })]) {
      expect((await h.admin(`/subjects/${mine.subjectId}/export`, { as: who.auth })).status).toBe(403);
    }
    expect(await writeCounts(h)).toEqual(before);
  });
});
