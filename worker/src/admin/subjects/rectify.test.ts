import { afterEach, describe, expect, it } from 'vitest';
import type { RectifyResult } from '../../../../sdk/src/admin/subjects.js';
import { makeAdminHarness, type AdminHarness, type As } from '../../testing/admin-harness.js';
import { json, personalState, rows, tableText, writeCounts, type Problem } from './test-kit.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

const patch = (id: string, body: unknown, as: As) => h.admin(`/subjects/${id}`, { as, method: 'PATCH', body });

describe('PATCH /v1/admin/subjects/:id (rectify, R9)', () => {
  it('normalises like the intake, writes only changed fields, and audits their names, never a value', async () => {
    h = await makeAdminHarness();
    const c = await h.submitCase();
    const { user, auth } = await h.as('staff');
    const res = await patch(c.subjectId, { lastName: ' Bakker-Smit ', postcode: '3511ab', phone: '06 8765 4321', email: 'J.Bakker@Example.NL', city: 'Utrecht', houseNumberAddition: null }, auth);
    expect(res.status).toBe(200);
    const out = await json<RectifyResult>(res);
    expect(out.changed.sort()).toEqual(['email', 'houseNumberAddition', 'lastName', 'phone', 'postcode']);
    expect(out.subject).toMatchObject({ lastName: 'Bakker-Smit', postcode: '3511 AB', phone: '+31687654321', email: 'j.bakker@example.nl', houseNumberAddition: null, city: 'Utrecht' });

    const [row] = await rows<Record<string, unknown>>(h, `subjects WHERE id = '${c.subjectId}'`);
    expect(row).toMatchObject({ last_name: 'Bakker-Smit', postcode: '3511 AB', phone: '+31687654321', email: 'j.bakker@example.nl', house_number_addition: null, first_name: 'Jan' });

    const audit = await rows<{ action: string; actor_id: string; entity_id: string; fields: string }>(h, "audit_log WHERE action = 'subject.rectified'");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: user.id, entity_id: c.subjectId });
    expect(JSON.parse(audit[0]!.fields).sort()).toEqual(['subject.email', 'subject.houseNumberAddition', 'subject.lastName', 'subject.phone', 'subject.postcode']);
    const auditText = await tableText(h, 'audit_log');
    for (const value of ['de Vries', 'Bakker', '1234 AB', '3511', '+31612345678', '+31687654321', 'jan@example.nl', 'j.bakker', 'example.nl']) expect(auditText).not.toContain(value);

    const same = await patch(c.subjectId, { city: 'Utrecht' }, auth);
    expect((await json<RectifyResult>(same)).changed).toEqual([]);
    expect(await rows(h, "audit_log WHERE action = 'subject.rectified'")).toHaveLength(1);
  });

  it('checks the postcode against the resulting country and clears the phone with null', async () => {
    h = await makeAdminHarness();
    const c = await h.submitCase();
    const { auth } = await h.as('owner');
    const wrong = await patch(c.subjectId, { country: 'BE' }, auth);
    expect(wrong.status).toBe(422);
    expect((await json<Problem>(wrong)).errors).toEqual([expect.objectContaining({ path: 'postcode', code: 'invalid_postcode' })]);
    const ok = await patch(c.subjectId, { country: 'BE', postcode: '1000', phone: null }, auth);
    expect(ok.status).toBe(200);
    expect((await json<RectifyResult>(ok)).subject).toMatchObject({ country: 'BE', postcode: '1000', phone: null });
  });

  it('refuses bad fields with 422 per field and writes nothing', async () => {
    h = await makeAdminHarness();
    const c = await h.submitCase();
    const { auth } = await h.as('owner');
    const before = [await personalState(h), await writeCounts(h)];
    const bad: [unknown, { path: string; code: string }[]][] = [
      [{ email: 'not-an-email', postcode: '12', firstName: '' }, [{ path: 'firstName', code: 'required' }, { path: 'postcode', code: 'invalid_postcode' }, { path: 'email', code: 'invalid_email' }]],
      [{ phone: '12' }, [{ path: 'phone', code: 'invalid_phone' }]],
      [{ country: 'US' }, [{ path: 'country', code: 'invalid_country' }]],
      [{ houseNumber: '#12' }, [{ path: 'houseNumber', code: 'invalid_format' }]],
      [{ lastName: 'x'.repeat(101) }, [{ path: 'lastName', code: 'too_long' }]],
      [{ nickname: 'Jantje' }, [{ path: 'nickname', code: 'unknown_field' }]],
      [{}, [{ path: '', code: 'required' }]],
      [[], [{ path: '', code: 'invalid_type' }]],
    ];
    for (const [body, errors] of bad) {
      const res = await patch(c.subjectId, body, auth);
      expect(res.status, JSON.stringify(body)).toBe(422);
      const p = await json<Problem>(res);
      expect(p.code).toBe('validation_failed');
      expect(p.errors?.map(({ path, code }) => ({ path, code })).sort((a, b) => a.path.localeCompare(b.path))).toEqual(errors.sort((a, b) => a.path.localeCompare(b.path)));
    }
    expect((await patch(c.subjectId, '{nope', auth)).status).toBe(400);
    expect([await personalState(h), await writeCounts(h)]).toEqual(before);
  });

  it("is 404 for another tenant's subject, 403 without subjects.manage, 409 once anonymised — writing nothing", async () => {
    h = await makeAdminHarness();
    const c = await h.submitCase();
    const theirs = await h.submitOtherCase();
    const owner = await h.as('owner');
    const before = [await personalState(h), await writeCounts(h)];
    expect((await patch(theirs.subjectId, { city: 'Delft' }, owner.auth)).status).toBe(404);
    expect((await patch(c.subjectId, { city: 'Delft' }, (await h.as('owner', { tenantId: h.other.tenantId })).auth)).status).toBe(404);
    expect((await patch(c.subjectId, { city: 'Delft' }, (await h.as('auditor')).auth)).status).toBe(403);
    expect((await patch(c.subjectId, { city: 'Delft' }, await h.keyFor({ role: 'partner', partnerOrgId: await h.addOrg(h.tenant.tenantId, 'carrier') }))).status).toBe(403);
    expect([await personalState(h), await writeCounts(h)]).toEqual(before);

    expect((await h.admin(`/subjects/${c.subjectId}/anonymise`, { as: owner.auth, body: { confirm: true } })).status).toBe(200);
    const after = [await personalState(h), await writeCounts(h)];
    const res = await patch(c.subjectId, { city: 'Delft' }, owner.auth);
    expect(res.status).toBe(409);
    expect((await json<Problem>(res)).code).toBe('conflict');
    expect([await personalState(h), await writeCounts(h)]).toEqual(after);
  });
});
