import { afterEach, describe, expect, it } from 'vitest';
import { createAdminClient } from '../../../../sdk/src/admin-client/index.js';
import { makeAdminHarness, ADMIN_ORIGIN, type AdminHarness } from '../../testing/admin-harness.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

/** The typed client against the real app: an sk_ key, or a session cookie (the admin page's way). */
function client(o: { apiKey?: string; cookie?: string }) {
  const fetch = ((input: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (o.cookie) {
      headers.set('cookie', o.cookie);
      headers.set('origin', ADMIN_ORIGIN);
    }
    return h.app.request(input, { ...init, headers });
  }) as typeof globalThis.fetch;
  return createAdminClient({ baseUrl: ADMIN_ORIGIN, apiKey: o.apiKey, fetch });
}

describe('typed admin client: register and platform', () => {
  it('the operator announces a sub-processor; the owner sets its details, reads the register and objects', async () => {
    h = await makeAdminHarness();
    const op = await h.as('operator');
    const operator = client({ cookie: 'cookie' in op.auth! ? op.auth.cookie : '' });
    const ownerKey = await h.keyFor({ role: 'owner', name: 'DPO tooling' });
    const owner = client({ apiKey: ownerKey && 'bearer' in ownerKey ? ownerKey.bearer : '' });

    expect((await operator.platform.profile()).data?.isDefault).toBe(true);
    const saved = await operator.platform.setProfile({ name: 'Aftercare BV', contact: { name: 'Aftercare BV', address: 'Keizersgracht 1', email: 'privacy@aftercare.example' }, dpo: null, securityMeasures: { nl: 'Maatregel.', en: 'Measure.' } });
    expect(saved.data).toMatchObject({ name: 'Aftercare BV', isDefault: false });
    const bad = await operator.platform.addSubprocessor({ name: 'Mailer Inc.', purpose: 'E-mail', location: 'US', startDate: '2099-01-01' });
    expect(bad.error).toMatchObject({ code: 'validation_failed', status: 422, errors: [{ path: 'safeguards', code: 'required' }] });
    const added = await operator.platform.addSubprocessor({ name: 'Mailer Inc.', purpose: 'E-mail', location: 'US', safeguards: 'SCCs', startDate: '2099-01-01' });
    expect(added.data).toMatchObject({ eea: false, upcoming: true, noticesCreated: 2 });

    expect((await owner.register.setController({ contact: { name: 'Fietsenwinkel', address: 'Damrak 1', email: 'privacy@fiets.example' }, dpo: null })).data).toMatchObject({ name: 'Fietsenwinkel Test' });
    const reg = await owner.register.get({ lang: 'en' });
    expect(reg.data?.transfers).toEqual([{ subprocessorId: added.data!.id, recipient: 'Mailer Inc.', country: 'US', safeguards: 'SCCs' }]);
    expect(reg.data?.processor.name).toBe('Aftercare BV');
    expect((await owner.register.csv({ lang: 'nl', delimiter: 'semicolon' })).data).toContain('controller;contact;email;privacy@fiets.example');
    expect(owner.register.printUrl({ lang: 'en' })).toBe(`${ADMIN_ORIGIN}/v1/admin/register/print?lang=en`);
    expect(owner.register.csvUrl()).toBe(`${ADMIN_ORIGIN}/v1/admin/register.csv`);

    const objection = await owner.register.object(added.data!.id, { reason: 'Geen doorgifte naar de VS, graag.' });
    expect(objection.data).toMatchObject({ subprocessorId: added.data!.id, userName: null });
    expect((await owner.register.subprocessors()).data?.items[0]?.objections).toHaveLength(1);
    expect((await operator.platform.subprocessors()).data?.items[0]?.objections[0]).toMatchObject({ tenantName: 'Fietsenwinkel Test', reason: 'Geen doorgifte naar de VS, graag.' });
    expect((await operator.platform.endSubprocessor(added.data!.id)).data?.endedAt).toBeTruthy();
    expect((await operator.platform.endSubprocessor(added.data!.id)).error).toMatchObject({ code: 'conflict', status: 409 });
    expect((await owner.register.get()).data?.transfers).toEqual([]);
    expect((await owner.platform.profile()).error).toMatchObject({ code: 'forbidden', status: 403 });
  });
});
