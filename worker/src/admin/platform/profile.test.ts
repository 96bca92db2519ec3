import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, platformProfile } from '../../db/schema.js';
import { makeAdminHarness, type AdminHarness, type As } from '../../testing/admin-harness.js';
import type { PlatformProfile } from '../../../../sdk/src/admin/platform.js';
import type { RegisterDocument } from '../../../../sdk/src/admin/register.js';

/** R16: the processor's profile, shown in every tenant's register. */
let h: AdminHarness;
let operator: As;
const profile = {
  name: 'Aftercare BV',
  contact: { name: 'Aftercare BV', address: 'Keizersgracht 1, 1015 CJ Amsterdam', email: 'Privacy@Aftercare.example', phone: '+31 20 765 4321' },
  dpo: { name: 'J. Jansen', email: 'fg@aftercare.example' },
  securityMeasures: { nl: 'Maatregel een.\nMaatregel twee.', en: 'Measure one.\nMeasure two.' },
};

beforeAll(async () => {
  h = await makeAdminHarness();
  operator = (await h.as('operator')).auth;
}, 60_000);
afterAll(() => h?.dispose());

describe('platform profile', () => {
  it('has defaults that describe the product until saved', async () => {
    const res = await h.admin('/platform/profile', { as: operator });
    const body = (await res.json()) as PlatformProfile;
    expect(body).toMatchObject({ isDefault: true, updatedAt: null, dpo: null });
    for (const words of ['argon2id', 'TOTP', 'hash-chained', 'secure_delete', 'anonymised', 'TLS', 'recorded']) expect(body.securityMeasures.en).toContain(words);
    for (const words of ['argon2id', 'TOTP', 'auditlog', 'secure_delete', 'geanonimiseerd', 'TLS', 'vastgelegd']) expect(body.securityMeasures.nl).toContain(words);
  });

  it('422 per field, nothing written', async () => {
    const res = await h.admin('/platform/profile', { as: operator, method: 'PUT', body: { ...profile, contact: { ...profile.contact, email: 'nee' }, securityMeasures: { nl: '' } } });
    expect(res.status).toBe(422);
    const { errors } = (await res.json()) as { errors: { path: string; code: string }[] };
    expect(Object.fromEntries(errors.map((e) => [e.path, e.code]))).toEqual({ 'contact.email': 'invalid_email', 'securityMeasures.nl': 'required', 'securityMeasures.en': 'required' });
    expect(await h.db.select().from(platformProfile)).toEqual([]);
  });

  it('PUT saves it (audited under _platform, field names only) and every register shows it at once', async () => {
    const res = await h.admin('/platform/profile', { as: operator, method: 'PUT', body: profile });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ...profile, contact: { ...profile.contact, email: 'privacy@aftercare.example' }, isDefault: false });
    const again = await h.admin('/platform/profile', { as: operator, method: 'PUT', body: { ...profile, dpo: null } });
    expect(again.status).toBe(200);
    const entries = await h.db.select().from(auditLog).where(eq(auditLog.action, 'platform.profile.updated'));
    expect(entries.map((e) => [e.tenantId, e.actorType, JSON.parse(e.fields)])).toEqual([
      ['_platform', 'operator', ['name', 'contact', 'dpo', 'securityMeasures']],
      ['_platform', 'operator', ['dpo']],
    ]);
    expect(JSON.stringify(entries)).not.toContain('Keizersgracht');
    const reg = (await (await h.admin('/register?lang=en', { as: (await h.as('auditor')).auth })).json()) as RegisterDocument;
    expect(reg.processor).toEqual({ name: 'Aftercare BV', contact: { ...profile.contact, email: 'privacy@aftercare.example' }, dpo: null });
    expect(reg.securityMeasures).toBe('Measure one.\nMeasure two.');
  });

  it('only the operator: owners and auditors get 403', async () => {
    for (const role of ['owner', 'auditor'] as const) {
      const as = (await h.as(role)).auth;
      expect((await h.admin('/platform/profile', { as })).status).toBe(403);
      expect((await h.admin('/platform/profile', { as, method: 'PUT', body: profile })).status).toBe(403);
    }
  });
});
