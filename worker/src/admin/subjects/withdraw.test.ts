import { afterEach, describe, expect, it } from 'vitest';
import type { SubjectConsent, SubjectDetail } from '../../../../sdk/src/admin/subjects.js';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import { json, personalState, rows, writeCounts, type Problem } from './test-kit.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

const consentOf = async (subjectId: string, as: Parameters<AdminHarness['admin']>[1]) =>
  (await json<SubjectDetail>(await h.admin(`/subjects/${subjectId}`, as))).consents[0]!;

describe('POST /v1/admin/subjects/:id/consents/:consentId/withdraw (R6)', () => {
  it('records when and by whom, keeps the evidence, audits it, and refuses a second withdrawal', async () => {
    let now = Date.now();
    h = await makeAdminHarness({ clock: { now: () => now } });
    const c = await h.submitCase();
    const { user, auth } = await h.as('staff');
    const consent = await consentOf(c.subjectId, { as: auth });
    now += 60_000;
    const res = await h.admin(`/subjects/${c.subjectId}/consents/${consent.id}/withdraw`, { as: auth, body: {} });
    expect(res.status).toBe(200);
    expect(await json<SubjectConsent>(res)).toEqual({ ...consent, withdrawnAt: now, withdrawnBy: user.id });
    expect(await consentOf(c.subjectId, { as: auth })).toEqual({ ...consent, withdrawnAt: now, withdrawnBy: user.id });
    expect(await rows(h, 'consents')).toHaveLength(1);
    const audit = await rows<{ action: string; entity_id: string; actor_id: string; fields: string }>(h, "audit_log WHERE action = 'consent.withdrawn'");
    expect(audit).toEqual([expect.objectContaining({ entity_id: consent.id, actor_id: user.id, fields: '["consent.withdrawnAt","consent.withdrawnBy"]' })]);

    const before = [await personalState(h), await writeCounts(h)];
    const again = await h.admin(`/subjects/${c.subjectId}/consents/${consent.id}/withdraw`, { as: (await h.as('owner')).auth, body: {} });
    expect(again.status).toBe(409);
    expect((await json<Problem>(again)).code).toBe('conflict');
    expect([await personalState(h), await writeCounts(h)]).toEqual(before);
  });

  it("is 404 for another tenant's consent or a consent of another subject, 403 without subjects.manage; nothing written", async () => {
    h = await makeAdminHarness();
    const a = await h.submitCase();
    const b = await h.submitCase();
    const theirs = await h.submitOtherCase();
    const owner = await h.as('owner');
    const consentA = await consentOf(a.subjectId, { as: owner.auth });
    const [theirConsent] = await rows<{ id: string }>(h, `consents WHERE subject_id = '${theirs.subjectId}'`);
    const before = [await personalState(h), await writeCounts(h)];
    for (const path of [
      `/subjects/${theirs.subjectId}/consents/${theirConsent!.id}/withdraw`,
      `/subjects/${a.subjectId}/consents/${theirConsent!.id}/withdraw`,
      `/subjects/${b.subjectId}/consents/${consentA.id}/withdraw`,
      `/subjects/${a.subjectId}/consents/nope/withdraw`,
    ]) {
      const res = await h.admin(path, { as: owner.auth, body: {} });
      expect(res.status, path).toBe(404);
    }
    expect((await h.admin(`/subjects/${a.subjectId}/consents/${consentA.id}/withdraw`, { as: (await h.as('owner', { tenantId: h.other.tenantId })).auth, body: {} })).status).toBe(404);
    expect((await h.admin(`/subjects/${a.subjectId}/consents/${consentA.id}/withdraw`, { as: (await h.as('auditor')).auth, body: {} })).status).toBe(403);
    expect([await personalState(h), await writeCounts(h)]).toEqual(before);
  });
});
