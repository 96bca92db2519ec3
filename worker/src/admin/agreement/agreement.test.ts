import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { agreementAcceptances, agreements, auditLog, notices } from '../../db/schema.js';
import { AuditWriter } from '../../audit/log.js';
import { makeAdminHarness, type AdminHarness, type As } from '../../testing/admin-harness.js';
import type { AgreementAccepted, AgreementPublished, PlatformAgreementList, TenantAgreement } from '../../../../sdk/src/admin/agreement.js';
import { defaultAgreementText } from '../../agreements/default-text.js';
import { ensureDefaultAgreement } from '../../agreements/publish.js';
import { agreementHash } from '../../agreements/store.js';

/** R20: versions, the acceptance gate, and who may accept. */
let h: AdminHarness;
let now = Date.parse('2030-06-01T10:00:00Z');
let operator: As;
let owner: As;
let ownerId: string;
let auditor: As;
let staff: As;
let otherOwner: As;

beforeAll(async () => {
  h = await makeAdminHarness({ clock: { now: () => now }, ip: '198.51.100.23' });
  operator = (await h.as('operator')).auth;
  const o = await h.as('owner');
  owner = o.auth;
  ownerId = o.user.id;
  auditor = (await h.as('auditor')).auth;
  staff = (await h.as('staff')).auth;
  otherOwner = (await h.as('owner', { tenantId: h.other.tenantId })).auth;
}, 60_000);
afterAll(() => h?.dispose());

const get = async (as: As) => (await (await h.admin('/agreement', { as })).json()) as TenantAgreement;
const accept = (as: As, body: unknown) => h.admin('/agreement/accept', { as, body });
const errorsOf = async (res: Response) => Object.fromEntries(((await res.json()) as { errors: { path: string; code: string }[] }).errors.map((e) => [e.path, e.code]));
const acceptanceCount = async () => (await h.db.select({ n: sql<number>`count(*)` }).from(agreementAcceptances))[0]!.n;

describe('before any version is published', () => {
  it('nothing to accept: agreementRequired is false', async () => {
    expect(await get(owner)).toEqual({ current: null, accepted: null, history: [], agreementRequired: false, canAccept: true });
  });
});

describe('version 1 (the built-in text)', () => {
  it('ensureDefaultAgreement publishes it once, with its hash and a notice for every tenant', async () => {
    const audit = new AuditWriter(h.db);
    const [first, second] = await Promise.all([ensureDefaultAgreement(h.db, audit, now), ensureDefaultAgreement(h.db, new AuditWriter(h.db), now)]);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    expect(await ensureDefaultAgreement(h.db, audit, now)).toEqual({ created: false, version: 1 });
    const rows = await h.db.select().from(agreements);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: 1, sha256: agreementHash(defaultAgreementText()), publishedAt: now });
    const sent = await h.db.select().from(notices).where(and(eq(notices.kind, 'agreement'), eq(notices.refId, rows[0]!.id)));
    expect(sent.map((n) => n.tenantId).sort()).toEqual([h.tenant.tenantId, h.other.tenantId].sort());
  });

  it('the text covers the processor terms in both languages', () => {
    const { nl, en } = defaultAgreementText();
    for (const word of ['Onderwerp', 'Duur', 'Aard en doel', 'Categorieën', 'Sub-verwerkers', '48 uur', 'Audits', 'Einde']) expect(nl).toContain(word);
    for (const word of ['Subject', 'Duration', 'Nature and purpose', 'Categories', 'Sub-processors', '48 hours', 'Audits', 'End']) expect(en).toContain(word);
  });

  it('gate: required for owner and auditor until the owner accepts; only the owner can accept', async () => {
    const mine = await get(owner);
    expect(mine).toMatchObject({ agreementRequired: true, canAccept: true, accepted: null, current: { version: 1, sha256: agreementHash(defaultAgreementText()), text: defaultAgreementText() } });
    expect(await get(auditor)).toMatchObject({ agreementRequired: true, canAccept: false });
    expect((await h.admin('/agreement', { as: staff })).status).toBe(403);
    expect((await h.admin('/agreement', { as: operator })).status).toBe(403);
  });

  it('staff, auditor, operator and an owner API key cannot accept (403); nothing written', async () => {
    const body = { version: 1, sha256: agreementHash(defaultAgreementText()) };
    const key = await h.keyFor({ role: 'owner' });
    for (const as of [staff, auditor, operator, key]) {
      const res = await accept(as, body);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('"forbidden"');
    }
    expect(await acceptanceCount()).toBe(0);
  });

  it('422 per field: wrong hash, unknown version, wrong types; nothing written', async () => {
    const hash = agreementHash(defaultAgreementText());
    const cases: [unknown, Record<string, string>][] = [
      [{ version: 1, sha256: 'a'.repeat(64) }, { sha256: 'mismatch' }],
      [{ version: 2, sha256: hash }, { version: 'unknown_version' }],
      [{ version: 0, sha256: 'xyz' }, { version: 'invalid_value', sha256: 'invalid_format' }],
      [{ version: '1', sha256: hash, ip: '1.2.3.4' }, { version: 'invalid_type', ip: 'unknown_field' }],
      [{}, { version: 'required', sha256: 'required' }],
    ];
    for (const [body, expected] of cases) {
      const res = await accept(owner, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(await errorsOf(res), JSON.stringify(body)).toEqual(expected);
    }
    expect(await acceptanceCount()).toBe(0);
  });

  it('the owner accepts: version, time, user and IP recorded; the gate opens for this tenant only', async () => {
    const hash = agreementHash(defaultAgreementText());
    const res = await accept(owner, { version: 1, sha256: hash.toUpperCase() });
    expect(res.status).toBe(201);
    expect((await res.json()) as AgreementAccepted).toEqual({ version: 1, sha256: hash, at: new Date(now).toISOString(), userId: ownerId, user: 'Test owner', ip: '198.51.100.23' });
    const [row] = await h.db.select().from(agreementAcceptances);
    expect(row).toMatchObject({ tenantId: h.tenant.tenantId, userId: ownerId, ip: '198.51.100.23', acceptedAt: now });
    const mine = await get(auditor);
    expect(mine).toMatchObject({ agreementRequired: false, accepted: { at: new Date(now).toISOString(), user: 'Test owner', ip: '198.51.100.23' } });
    expect(mine.history).toHaveLength(1);
    expect((await get(otherOwner)).agreementRequired).toBe(true);
    const [entry] = await h.db.select().from(auditLog).where(eq(auditLog.action, 'agreement.accepted'));
    expect(entry).toMatchObject({ tenantId: h.tenant.tenantId, actorId: ownerId, entityId: row!.agreementId });
    // Accepting again is a conflict; the table is append-only.
    expect((await accept(owner, { version: 1, sha256: hash })).status).toBe(409);
    await expect(h.db.delete(agreementAcceptances)).rejects.toThrow();
    expect(await acceptanceCount()).toBe(1);
  });
});

describe('a new version', () => {
  const v2 = { nl: 'Verwerkersovereenkomst versie 2: de sub-verwerkers staan voortaan in Aftercare zelf. '.repeat(4).trim(), en: 'Processor agreement version 2: the sub-processors are now listed in Aftercare itself. '.repeat(4).trim() };

  it('the operator publishes it (422 per field first); the gate closes again; the old version can no longer be accepted', async () => {
    for (const [body, expected] of [
      [{ text: { nl: 'kort', en: v2.en } }, { 'text.nl': 'too_short' }],
      [{ text: { nl: v2.nl } }, { 'text.en': 'required' }],
      [{ text: v2, version: 5 }, { version: 'unknown_field' }],
    ] as const) {
      const res = await h.admin('/platform-agreements', { as: operator, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(await errorsOf(res)).toEqual(expected);
    }
    expect((await h.admin('/platform-agreements', { as: operator, body: { text: defaultAgreementText() } })).status).toBe(409);
    now += 60_000;
    const res = await h.admin('/platform-agreements', { as: operator, body: { text: v2 } });
    expect(res.status).toBe(201);
    const published = (await res.json()) as AgreementPublished;
    expect(published).toMatchObject({ version: 2, sha256: agreementHash(v2), noticesCreated: 2 });
    const mine = await get(owner);
    expect(mine).toMatchObject({ agreementRequired: true, accepted: null, current: { version: 2 } });
    expect(mine.history.map((a) => a.version)).toEqual([1]);
    expect((await accept(owner, { version: 1, sha256: agreementHash(defaultAgreementText()) })).status).toBe(409);
    expect((await accept(owner, { version: 2, sha256: agreementHash(v2) })).status).toBe(201);
    expect((await get(owner)).history.map((a) => a.version)).toEqual([2, 1]);
  });

  it('the operator sees versions with acceptance counts and each tenant\'s latest accepted version', async () => {
    const list = (await (await h.admin('/platform-agreements', { as: operator })).json()) as PlatformAgreementList;
    expect(list.items.map((v) => [v.version, v.acceptances])).toEqual([[2, 1], [1, 1]]);
    expect(list.tenants.find((t) => t.tenantId === h.tenant.tenantId)).toMatchObject({ acceptedVersion: 2 });
    expect(list.tenants.find((t) => t.tenantId === h.other.tenantId)).toMatchObject({ acceptedVersion: null, acceptedAt: null });
    expect(list.template).toEqual(defaultAgreementText());
  });
});
