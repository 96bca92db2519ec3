import { afterEach, describe, expect, it } from 'vitest';
import { AuditWriter } from '../../audit/log.js';
import { createTenant } from '../../tenants/create.js';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import type { SettingsOutput } from '../../../../sdk/src/admin/settings.js';
import type { PublicConfig } from '../../../../sdk/src/schemas/index.js';
import { auditAfter, auditHead, json, paths, snapshot, type Problem } from './testing.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

let now = Date.now();
const clock = { now: () => now };
const publicConfig = (origin = h.ORIGIN) => h.app.request('/v1/config', { headers: { authorization: `Bearer ${h.tenant.publishableKey}`, origin } });

describe('owner settings (GET/PATCH /v1/admin/settings)', () => {
  it('shows the settings and the publishable keys with their origins', async () => {
    h = await makeAdminHarness({ clock });
    const { auth } = await h.as('owner');
    const { status, body } = await json<SettingsOutput>(h.admin('/settings', { as: auth }));
    expect(status).toBe(200);
    expect(body).toMatchObject({ tenantId: h.tenant.tenantId, name: 'Fietsenwinkel Test', privacyUrl: h.PRIVACY_URL, allowedOrigins: [h.ORIGIN], locales: ['nl', 'en', 'de', 'fr'], defaultLocale: 'nl', theme: {}, requireTotpForOwners: false });
    expect(body.kinds).toHaveLength(7);
    expect(body.publishableKeys).toEqual([expect.objectContaining({ key: h.tenant.publishableKey, origins: [h.ORIGIN] })]);
    // An owner's sk_ key may too.
    expect((await h.admin('/settings', { as: await h.keyFor({ role: 'owner' }) })).status).toBe(200);
  });

  it('is refused (403) to staff, auditors, partners, the operator and non-owner keys; 401 without a session', async () => {
    h = await makeAdminHarness({ clock });
    const org = await h.addOrg(h.tenant.tenantId, 'carrier');
    const callers = [
      (await h.as('staff')).auth, (await h.as('auditor')).auth, (await h.as('partner', { partnerOrgId: org })).auth, (await h.as('operator')).auth,
      await h.keyFor({ role: 'staff' }),
    ];
    const before = await snapshot(h);
    for (const as of callers) {
      for (const [method, path, body] of [['GET', '/settings'], ['PATCH', '/settings', { name: 'Overgenomen' }], ['GET', '/settings/consent-texts'], ['POST', '/settings/consent-texts', { locale: 'nl', text: 'Een nieuwe toestemmingstekst van voldoende lengte.' }]] as const) {
        const res = await json<Problem>(h.admin(path, { as, method, body }));
        expect([method, path, res.status, res.body.code]).toEqual([method, path, 403, 'forbidden']);
      }
    }
    expect((await h.admin('/settings', { as: null })).status).toBe(401);
    expect(await snapshot(h)).toEqual(before);
  });

  it('saves an edit with one value-free audit entry, and /v1/config shows it once the 5 s key cache has passed', async () => {
    h = await makeAdminHarness({ clock });
    const { user, auth } = await h.as('owner');
    expect((await publicConfig()).status).toBe(200); // the key is now cached
    const seq = await auditHead(h, h.tenant.tenantId);
    const patch = {
      name: 'Fietsenwinkel Nieuw', privacyUrl: 'https://shop.example/privacy-2026', allowedOrigins: [h.ORIGIN, 'https://www.shop.example'],
      kinds: ['repair', 'return'], locales: ['nl', 'en'], defaultLocale: 'en',
      theme: { primary: '#c00000', 'font-family': '"Helvetica Neue", Arial, sans-serif', radius: '0.5em', background: 'rgb(250, 250, 250)' },
      requireTotpForOwners: true,
    };
    const { status, body } = await json<SettingsOutput>(h.admin('/settings', { as: auth, method: 'PATCH', body: patch }));
    expect(status).toBe(200);
    expect(body).toMatchObject({ ...patch, allowedOrigins: ['https://shop.example', 'https://www.shop.example'] });
    expect(body.publishableKeys[0]!.origins).toEqual(['https://shop.example', 'https://www.shop.example']);

    const audit = await auditAfter(h, h.tenant.tenantId, seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'settings.updated', entity_type: 'tenant', entity_id: h.tenant.tenantId, actor_type: 'user', actor_id: user.id });
    expect(JSON.parse(audit[0]!.fields)).toEqual(['name', 'privacyUrl', 'allowedOrigins', 'kinds', 'locales', 'defaultLocale', 'theme', 'requireTotpForOwners']);
    for (const value of ['Nieuw', 'privacy-2026', 'www.shop', '#c00000', 'Helvetica']) expect(JSON.stringify(audit)).not.toContain(value);

    // Within the cache period a process may still answer the old settings; after it, the new ones.
    expect(((await (await publicConfig()).json()) as PublicConfig).tenant.name).toBe('Fietsenwinkel Test');
    now += 5_001;
    const cfg = (await (await publicConfig()).json()) as PublicConfig;
    expect(cfg).toMatchObject({ tenant: { name: 'Fietsenwinkel Nieuw' }, privacyUrl: patch.privacyUrl, kinds: patch.kinds, locales: patch.locales, defaultLocale: 'en', theme: patch.theme });
    expect(Object.keys(cfg.consentTexts).sort()).toEqual(['en', 'nl']);
    expect((await publicConfig('https://www.shop.example')).status).toBe(200);
  });

  it('refuses a removed origin (403) once the cache period has passed', async () => {
    h = await makeAdminHarness({ clock });
    const { auth } = await h.as('owner');
    expect((await publicConfig()).status).toBe(200);
    const res = await h.admin('/settings', { as: auth, method: 'PATCH', body: { allowedOrigins: ['https://new.example'] } });
    expect(res.status).toBe(200);
    now += 5_001;
    const refused = await json<Problem>(publicConfig());
    expect([refused.status, refused.body.code]).toEqual([403, 'origin_not_allowed']);
    const submit = await h.submit(h.validCase('repair'));
    expect(submit.status).toBe(403);
    expect((await publicConfig('https://new.example')).status).toBe(200);
  });

  it('after the cache period the intake follows the new settings: a disabled kind and the old privacy URL are refused', async () => {
    h = await makeAdminHarness({ clock });
    const { auth } = await h.as('owner');
    const before = h.validCase('return'); // built from the config as a page loaded it before the edit
    const repair = h.validCase('repair');
    expect((await h.admin('/settings', { as: auth, method: 'PATCH', body: { kinds: ['return'], privacyUrl: 'https://shop.example/privacy-v2' } })).status).toBe(200);
    now += 5_001;
    const disabled = await json<Problem>(h.submit(repair));
    expect([disabled.status, disabled.body.code]).toEqual([422, 'kind_not_enabled']);
    // The consent names the privacy statement that was shown; an old page showed the old one.
    const stale = await json<Problem>(h.submit(before));
    expect([stale.status, stale.body.code]).toEqual([422, 'consent_mismatch']);
    before.consent.privacyUrl = 'https://shop.example/privacy-v2';
    expect((await h.submit(before)).status).toBe(201);
  });

  it('answers 422 with an error per field and writes nothing', async () => {
    h = await makeAdminHarness({ clock });
    const { auth } = await h.as('owner');
    const before = await snapshot(h);
    const bad = {
      name: '  ', privacyUrl: 'http://shop.example/privacy', allowedOrigins: ['https://shop.example/path', 'shop.example', h.ORIGIN], kinds: ['teleport'], locales: ['nl', 'nl'],
      theme: {
        primary: 'url(https://evil.example/x.png)', 'font-family': 'a;b', nope: 'red', text: 'x'.repeat(101), background: 'expression(alert(1))', border: 'red}',
        error: 'red</style>', spacing: '1em\\', radius: '"unclosed', 'focus-ring': '/* x */ red',
      },
      requireTotpForOwners: 'yes', extra: 1,
    };
    const { status, body } = await json<Problem>(h.admin('/settings', { as: auth, method: 'PATCH', body: bad }));
    expect([status, body.code]).toEqual([422, 'validation_failed']);
    expect(paths(body)).toEqual([
      'allowedOrigins.0:invalid_format', 'allowedOrigins.1:invalid_format', 'extra:unknown_field', 'kinds.0:invalid_value', 'locales:duplicate', 'name:required', 'privacyUrl:invalid_url',
      'requireTotpForOwners:invalid_type', 'theme.background:invalid_format', 'theme.border:invalid_format', 'theme.error:invalid_format', 'theme.focus-ring:invalid_format',
      'theme.font-family:invalid_format', 'theme.nope:invalid_value', 'theme.primary:invalid_format', 'theme.radius:invalid_format', 'theme.spacing:invalid_format', 'theme.text:too_long',
    ]);
    const noDefault = await json<Problem>(h.admin('/settings', { as: auth, method: 'PATCH', body: { locales: ['en'] } }));
    expect(paths(noDefault.body)).toEqual(['defaultLocale:required']);
    const wrongDefault = await json<Problem>(h.admin('/settings', { as: auth, method: 'PATCH', body: { locales: ['nl'], defaultLocale: 'en' } }));
    expect(paths(wrongDefault.body)).toEqual(['defaultLocale:invalid_value']);
    expect((await h.admin('/settings', { as: auth, method: 'PATCH', body: 'not json' })).status).toBe(400);
    expect(await snapshot(h)).toEqual(before);
  });

  it('refuses a language without a consent text, and accepts it once a text exists', async () => {
    h = await makeAdminHarness({ clock });
    const small = await createTenant(h.db, new AuditWriter(h.db), now, { name: 'Klein', origins: ['https://klein.example'], privacyUrl: 'https://klein.example/privacy', locales: ['nl'] });
    const owner = await h.addUser({ tenantId: small.tenantId, role: 'owner' });
    const auth = await h.sessionFor(owner.id);
    const refused = await json<Problem>(h.admin('/settings', { as: auth, method: 'PATCH', body: { locales: ['nl', 'en'] } }));
    expect([refused.status, ...paths(refused.body)]).toEqual([422, 'locales.1:consent_text_missing']);
    const text = 'I allow Klein to use my details to handle this request.';
    expect((await h.admin('/settings/consent-texts', { as: auth, body: { locale: 'en', text } })).status).toBe(201);
    const ok = await json<SettingsOutput>(h.admin('/settings', { as: auth, method: 'PATCH', body: { locales: ['nl', 'en'] } }));
    expect([ok.status, ok.body.locales]).toEqual([200, ['nl', 'en']]);
  });

  it('an edit that changes nothing writes nothing', async () => {
    h = await makeAdminHarness({ clock });
    const { auth } = await h.as('owner');
    const before = await snapshot(h);
    for (const body of [{}, { name: 'Fietsenwinkel Test', allowedOrigins: [h.ORIGIN], theme: {} }]) {
      expect((await h.admin('/settings', { as: auth, method: 'PATCH', body })).status).toBe(200);
    }
    expect(await snapshot(h)).toEqual(before);
  });

  it("an owner of the other tenant sees and edits only their own tenant", async () => {
    h = await makeAdminHarness({ clock });
    const { auth } = await h.as('owner', { tenantId: h.other.tenantId });
    const { body } = await json<SettingsOutput>(h.admin('/settings', { as: auth, method: 'PATCH', body: { name: 'Andere Naam' } }));
    expect(body.tenantId).toBe(h.other.tenantId);
    now += 5_001;
    expect(((await (await publicConfig()).json()) as PublicConfig).tenant.name).toBe('Fietsenwinkel Test');
  });
});
