import { afterAll, describe, expect, it } from 'vitest';
import { createAdminClient } from '../../../../sdk/src/admin-client/index.js';
import { makeAdminHarness, ADMIN_ORIGIN, type AdminHarness, type As } from '../../testing/admin-harness.js';
import { HOUR, validBreach } from './testing.js';

let h: AdminHarness;
afterAll(() => h?.dispose());

/** The typed client against the real app, with a session cookie (the admin page's way). */
function client(as: As) {
  const cookie = as && 'cookie' in as ? as.cookie : '';
  const fetch = ((input: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    headers.set('origin', ADMIN_ORIGIN);
    return h.app.request(input, { ...init, headers });
  }) as typeof globalThis.fetch;
  return createAdminClient({ baseUrl: ADMIN_ORIGIN, fetch });
}

describe('typed admin client: breaches, agreement, notices', () => {
  it('the operator records a breach and publishes the agreement; the owner reads, follows up, accepts and marks the notice read', async () => {
    h = await makeAdminHarness();
    const operator = client((await h.as('operator')).auth);
    const owner = client((await h.as('owner')).auth);

    const bad = await operator.breaches.platform.record({ ...validBreach({ discoveredAt: Date.now() - HOUR, tenantIds: ['nope'] }), dataCategories: [] });
    expect(bad.error).toMatchObject({ code: 'validation_failed', status: 422 });
    expect(bad.error?.errors?.map((e) => e.path).sort()).toEqual(['dataCategories', 'tenantIds.0']);
    const made = await operator.breaches.platform.record(validBreach({ discoveredAt: Date.now() - HOUR, tenantIds: [h.tenant.tenantId] }));
    expect(made.data).toMatchObject({ noticesCreated: 1, pendingTenants: 0 });
    const id = made.data!.id;
    expect((await operator.breaches.platform.update(id, { measures: 'Meer maatregelen.' })).data?.measures).toBe('Meer maatregelen.');
    expect((await operator.breaches.platform.notify(id)).data?.noticesCreated).toBe(0);
    expect((await operator.breaches.platform.list()).data?.items.map((b) => b.id)).toEqual([id]);
    expect((await operator.breaches.platform.exportCsv({ delimiter: 'semicolon' })).data).toContain(id);

    expect((await owner.breaches.list()).data?.items[0]).toMatchObject({ id, deadline: 'met' });
    expect((await owner.breaches.get('unknown')).error).toMatchObject({ code: 'not_found', status: 404 });
    const fu = await owner.breaches.setFollowUp(id, { reportedToAuthority: false, note: 'Geen risico: alleen versleutelde gegevens.' });
    expect(fu.data?.followUp).toMatchObject({ reportedToAuthority: false, reportedAt: null });
    expect((await owner.breaches.exportJson()).data?.items).toHaveLength(1);
    expect(owner.breaches.csvUrl({ delimiter: 'semicolon' })).toBe(`${ADMIN_ORIGIN}/v1/admin/breaches/export.csv?delimiter=semicolon`);

    const template = (await operator.agreement.platform.list()).data!.template;
    expect((await operator.agreement.platform.publish({ text: template })).data).toMatchObject({ version: 1, noticesCreated: 2 });
    const gate = (await owner.agreement.get()).data!;
    expect(gate).toMatchObject({ agreementRequired: true, canAccept: true });
    expect((await owner.agreement.accept({ version: 1, sha256: gate.current!.sha256 })).data).toMatchObject({ version: 1, user: 'Test owner' });
    expect((await owner.agreement.get()).data?.agreementRequired).toBe(false);

    const notices = (await owner.notices.list()).data!;
    expect(notices).toMatchObject({ unread: 2 });
    expect((await owner.notices.markRead(notices.items[0]!.id)).data?.readBy).toBe('Test owner');
    expect((await owner.notices.list()).data?.unread).toBe(1);
  });
});
