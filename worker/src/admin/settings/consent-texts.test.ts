import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import { sha256Hex } from '../../lib/hash.js';
import type { ConsentTextList, ConsentTextVersion } from '../../../../sdk/src/admin/settings.js';
import type { PublicConfig } from '../../../../sdk/src/schemas/index.js';
import { auditAfter, auditHead, json, paths, snapshot, type Problem } from './testing.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

const TEXT = '  Ik geef toestemming voor het afhandelen van mijn aanvraag, zoals beschreven.\n';

describe('consent texts (R5): an edit is a new version, old ones stay as evidence', () => {
  it('lists every version per locale with its SHA-256 and marks the current one', async () => {
    h = await makeAdminHarness();
    const { auth } = await h.as('owner');
    const { status, body } = await json<ConsentTextList>(h.admin('/settings/consent-texts', { as: auth }));
    expect(status).toBe(200);
    expect(body.items.map((t) => `${t.locale}@${t.version}:${t.current}`)).toEqual(['de@1:true', 'en@1:true', 'fr@1:true', 'nl@1:true']);
    for (const t of body.items) expect(t.sha256).toBe(sha256Hex(t.text));
  });

  it('adds version 2 with the hash of the exact text, audited without the text; /v1/config offers it at once', async () => {
    h = await makeAdminHarness();
    const { user, auth } = await h.as('owner');
    const old = h.config.consentTexts.nl!;
    const seq = await auditHead(h, h.tenant.tenantId);
    const { status, body } = await json<ConsentTextVersion>(h.admin('/settings/consent-texts', { as: auth, body: { locale: 'nl', text: TEXT } }));
    expect(status).toBe(201);
    expect(body).toMatchObject({ locale: 'nl', version: 2, text: TEXT, sha256: sha256Hex(TEXT), current: true });

    const list = await json<ConsentTextList>(h.admin('/settings/consent-texts', { as: auth }));
    expect(list.body.items.filter((t) => t.locale === 'nl').map((t) => [t.version, t.current, t.id])).toEqual([[2, true, body.id], [1, false, old.id]]);

    const audit = await auditAfter(h, h.tenant.tenantId, seq);
    expect(audit.map((a) => [a.action, a.entity_id, a.actor_id, JSON.parse(a.fields)])).toEqual([['consent_text.created', body.id, user.id, ['locale', 'version', 'text']]]);
    expect(JSON.stringify(audit)).not.toContain('toestemming');

    // The text list is read per request (not cached), so the new version is offered immediately.
    const cfg = (await (await h.app.request('/v1/config', { headers: h.headers() })).json()) as PublicConfig;
    expect(cfg.consentTexts.nl).toEqual({ id: body.id, hash: sha256Hex(TEXT), text: TEXT });

    // A third version counts on.
    const third = await json<ConsentTextVersion>(h.admin('/settings/consent-texts', { as: auth, body: { locale: 'nl', text: `${TEXT} (3)` } }));
    expect(third.body.version).toBe(3);
  });

  it("still accepts a submission that names the OLD version with its hash (a page loaded before the edit): it is a text this tenant published", async () => {
    h = await makeAdminHarness();
    const { auth } = await h.as('owner');
    const oldCase = h.validCase('repair'); // built from the config before the edit
    const res = await h.admin('/settings/consent-texts', { as: auth, body: { locale: 'nl', text: TEXT } });
    const created = (await res.json()) as ConsentTextVersion;
    const submit = await h.submit(oldCase);
    expect(submit.status).toBe(201);
    const [row] = await h.db.all<{ consent_text_id: string; text_hash: string }>(sql`SELECT consent_text_id, text_hash FROM consents`);
    expect(row).toEqual({ consent_text_id: h.config.consentTexts.nl!.id, text_hash: h.config.consentTexts.nl!.hash });
    // The new version with the old hash does not match.
    const mixed = h.validCase('repair');
    mixed.consent.textId = created.id;
    const refused = await json<Problem>(h.submit(mixed));
    expect([refused.status, refused.body.code]).toEqual([422, 'consent_mismatch']);
  });

  it('refuses a short text, an unknown locale and unknown fields with 422 per field, writing nothing', async () => {
    h = await makeAdminHarness();
    const { auth } = await h.as('owner');
    const before = await snapshot(h);
    const bad = await json<Problem>(h.admin('/settings/consent-texts', { as: auth, body: { locale: 'xx', text: '   te kort, spaties       ', version: 9 } }));
    expect([bad.status, ...paths(bad.body)]).toEqual([422, 'locale:invalid_value', 'text:too_short', 'version:unknown_field']);
    const missing = await json<Problem>(h.admin('/settings/consent-texts', { as: auth, body: {} }));
    expect(paths(missing.body)).toEqual(['locale:required', 'text:required']);
    const long = await json<Problem>(h.admin('/settings/consent-texts', { as: auth, body: { locale: 'nl', text: 'x'.repeat(4001) } }));
    expect(paths(long.body)).toEqual(['text:too_long']);
    expect(await snapshot(h)).toEqual(before);
  });

  it("never shows or versions another tenant's texts", async () => {
    h = await makeAdminHarness();
    const { auth } = await h.as('owner', { tenantId: h.other.tenantId });
    const created = await json<ConsentTextVersion>(h.admin('/settings/consent-texts', { as: auth, body: { locale: 'nl', text: TEXT } }));
    expect(created.body.version).toBe(2);
    const mine = await json<ConsentTextList>(h.admin('/settings/consent-texts', { as: (await h.as('owner')).auth }));
    expect(mine.body.items.every((t) => t.version === 1)).toBe(true);
  });
});
