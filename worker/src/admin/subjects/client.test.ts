import { afterEach, describe, expect, it } from 'vitest';
import { createAdminClient } from '../../../../sdk/src/admin-client/index.js';
import { ADMIN_ORIGIN, makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

const clientFor = (apiKey: string) =>
  createAdminClient({ baseUrl: ADMIN_ORIGIN, apiKey, fetch: ((input: string, init: RequestInit = {}) => h.app.request(input, init)) as typeof fetch });

describe('admin.subjects (typed client) against the real app', () => {
  it('searches, reads, rectifies, exports, withdraws consent and anonymises', async () => {
    h = await makeAdminHarness();
    const c = await h.submitCase('repair');
    const owner = await h.keyFor({ role: 'owner' });
    const admin = clientFor('bearer' in owner! ? owner.bearer : '');

    const found = await admin.subjects.search('Jan de Vries');
    expect(found.data?.items.map((i) => i.id)).toEqual([c.subjectId]);
    const detail = await admin.subjects.get(c.subjectId);
    expect(detail.data?.cases[0]?.reference).toBe(c.reference);

    const bad = await admin.subjects.rectify(c.subjectId, { postcode: 'nope' });
    expect(bad.error).toMatchObject({ code: 'validation_failed', status: 422, errors: [expect.objectContaining({ path: 'postcode', code: 'invalid_postcode' })] });
    const fixed = await admin.subjects.rectify(c.subjectId, { city: 'Amersfoort', phone: null });
    expect(fixed.data).toMatchObject({ changed: ['city', 'phone'], subject: { city: 'Amersfoort', phone: null } });

    const doc = await admin.subjects.accessExport(c.subjectId);
    expect(doc.data).toMatchObject({ format: 'aftercare.subject-access.v1', subject: { id: c.subjectId, city: 'Amersfoort' } });
    expect(doc.data?.exports.map((e) => e.kind)).toEqual(['subject_access']);

    const consentId = detail.data!.consents[0]!.id;
    expect((await admin.subjects.withdrawConsent(c.subjectId, consentId)).data?.withdrawnAt).toBeTypeOf('number');
    expect((await admin.subjects.withdrawConsent(c.subjectId, consentId)).error?.code).toBe('conflict');

    expect((await admin.subjects.anonymise(c.subjectId)).data).toMatchObject({ subjectId: c.subjectId, cases: 1 });
    expect((await admin.subjects.anonymise(c.subjectId)).error?.code).toBe('conflict');
    expect((await admin.subjects.search('Jan de Vries')).data?.items).toEqual([]);
    expect((await admin.subjects.get('nope')).error?.code).toBe('not_found');

    const staff = await h.keyFor({ role: 'staff' });
    expect((await clientFor('bearer' in staff! ? staff.bearer : '').subjects.anonymise(c.subjectId)).error?.code).toBe('forbidden');
  });
});
