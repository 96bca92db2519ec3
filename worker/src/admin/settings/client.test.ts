import { afterEach, describe, expect, it } from 'vitest';
import { createAdminClient } from '../../../../sdk/src/admin-client/index.js';
import { makeAdminHarness, ADMIN_ORIGIN, type AdminHarness, type As } from '../../testing/admin-harness.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

/** The typed client against the real app: an sk_ key, or a session cookie as the admin page sends it. */
function client(as: As) {
  const fetch = ((input: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (as && 'cookie' in as) headers.set('cookie', as.cookie), headers.set('origin', ADMIN_ORIGIN);
    return h.app.request(input, { ...init, headers });
  }) as typeof globalThis.fetch;
  return createAdminClient({ baseUrl: ADMIN_ORIGIN, apiKey: as && 'bearer' in as ? as.bearer : undefined, fetch });
}

describe('typed admin client: settings, users, organisations, tenants', () => {
  it('covers every settings endpoint with { data } | { error }', async () => {
    h = await makeAdminHarness();
    // A key acts as at most its creator's current role: an owner of the tenant stands behind it.
    const creator = await h.addUser({ tenantId: h.tenant.tenantId, role: 'owner' });
    const admin = client(await h.keyFor({ role: 'owner', createdBy: creator.id }));

    const settings = await admin.settings.get();
    expect(settings.data?.publishableKeys[0]?.key).toBe(h.tenant.publishableKey);
    expect((await admin.settings.update({ theme: { primary: '#123456' } })).data?.theme).toEqual({ primary: '#123456' });
    const refused = await admin.settings.update({ privacyUrl: 'http://plain.example' });
    expect(refused.error).toMatchObject({ code: 'validation_failed', status: 422, errors: [{ path: 'privacyUrl', code: 'invalid_url' }] });

    const text = await admin.settings.addConsentText({ locale: 'en', text: 'I agree that my details are used for this request.' });
    expect(text.data?.version).toBe(2);
    expect((await admin.settings.consentTexts()).data?.items.filter((t) => t.locale === 'en')).toHaveLength(2);

    const org = await admin.organisations.create({ name: 'Koerier BV', type: 'carrier' });
    expect((await admin.organisations.list()).data?.items.map((o) => o.id)).toEqual([org.data!.id]);
    expect((await admin.organisations.update(org.data!.id, { name: 'Koerier' })).data?.name).toBe('Koerier');

    const user = await admin.users.create({ loginCode: 'koerier.piet', displayName: 'Piet', role: 'partner', partnerOrgId: org.data!.id, password: 'oranje-kameel-loopt-ver' });
    expect(user.data).toMatchObject({ loginCode: 'koerier.piet', role: 'partner' });
    expect((await admin.users.list()).data?.items.map((u) => u.loginCode)).toEqual(['koerier.piet', creator.loginCode]);
    expect((await admin.users.update(user.data!.id, { displayName: 'Piet K.' })).data?.displayName).toBe('Piet K.');
    expect((await admin.users.setPassword(user.data!.id, 'paarse-giraf-eet-taart')).data?.id).toBe(user.data!.id);
    expect((await admin.users.resetTotp(user.data!.id)).data?.totpEnabled).toBe(false);
    expect((await admin.users.update('someone-else', { disabled: true })).error).toMatchObject({ code: 'not_found', status: 404 });
    expect((await admin.tenants.list()).error).toMatchObject({ code: 'forbidden', status: 403 });
  });

  it('lets the operator (session cookie, CSRF header) list and create tenants', async () => {
    h = await makeAdminHarness();
    const admin = client((await h.as('operator')).auth);
    const created = await admin.tenants.create({
      name: 'Nieuwe Winkel', origins: ['https://nieuw.example'], privacyUrl: 'https://nieuw.example/privacy',
      owner: { loginCode: 'eigenaar.nieuw', displayName: 'Eigenaar', password: 'gele-zebra-danst-vrolijk' },
    });
    expect(created.data?.publishableKey).toMatch(/^pk_live_/);
    expect((await admin.tenants.list()).data?.items.map((t) => t.name)).toContain('Nieuwe Winkel');
    expect((await admin.settings.get()).error).toMatchObject({ code: 'forbidden' });
  });
});
