import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { apiKeys, auditLog } from '../../db/schema.js';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import { tokenHash } from '../tokens.js';
import { codeOf } from './test-helpers.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

type Key = { id: string; name: string; prefix: string; role: string; partnerOrgId: string | null; createdAt: string; expiresAt: string | null; expired: boolean; lastUsedAt: string | null; revokedAt: string | null; key?: string };

describe('/v1/admin/api-keys (R13 sk_ keys)', () => {
  it('creates a key shown once, stores only its hash, lists it, records use, and revokes it', async () => {
    let now = Date.UTC(2026, 0, 5, 9);
    h = await makeAdminHarness({ clock: { now: () => now } });
    const { user, auth } = await h.as('owner');
    const res = await h.admin('/api-keys', { as: auth, body: { name: 'Webshop koppeling', role: 'staff' } });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Key;
    expect(created.key).toMatch(/^sk_live_[0-9A-Za-z]{40}$/);
    expect(created).toMatchObject({ name: 'Webshop koppeling', role: 'staff', partnerOrgId: null, prefix: created.key!.slice(0, 12), expiresAt: null, expired: false, lastUsedAt: null, revokedAt: null });
    const [row] = await h.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row!.secretHash).toBe(tokenHash(created.key!));
    expect(JSON.stringify(row)).not.toContain(created.key!);
    expect(row!.createdBy).toBe(user.id);

    // The key works for its role; its use is recorded.
    now += 5000;
    const me = await h.admin('/me', { as: { bearer: created.key! } });
    expect(await me.json()).toMatchObject({ type: 'api_key', id: created.id, role: 'staff' });
    const list = (await (await h.admin('/api-keys', { as: auth })).json()) as { items: Key[] };
    expect(list.items).toEqual([{ ...created, key: undefined, lastUsedAt: new Date(now).toISOString() }].map(({ key: _k, ...rest }) => rest));
    expect(JSON.stringify(list)).not.toMatch(/sk_live_[0-9A-Za-z]{40}|secretHash/);

    const del = await h.admin(`/api-keys/${created.id}`, { as: auth, method: 'DELETE' });
    expect(del.status).toBe(204);
    expect(await codeOf(await h.admin('/me', { as: { bearer: created.key! } }))).toBe('unauthorized');
    const after = (await (await h.admin('/api-keys', { as: auth })).json()) as { items: Key[] };
    expect(after.items[0]!.revokedAt).toBe(new Date(now).toISOString());
    // Revoking twice is harmless and writes nothing more.
    expect((await h.admin(`/api-keys/${created.id}`, { as: auth, method: 'DELETE' })).status).toBe(204);

    const audit = await h.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit.map((a) => [a.action, a.actorId, a.fields])).toEqual([
      ['api_key.created', user.id, '["name","role","partnerOrgId","expiresAt"]'],
      ['api_key.revoked', user.id, '["revokedAt"]'],
    ]);
    expect(JSON.stringify(audit)).not.toContain('Webshop');
  });

  it('needs a partner organisation of the same tenant for a partner key, and none for other roles', async () => {
    h = await makeAdminHarness();
    const { auth } = await h.as('owner');
    const own = await h.addOrg(h.tenant.tenantId, 'carrier');
    const foreign = await h.addOrg(h.other.tenantId, 'carrier');
    const refused = async (body: unknown) => {
      const res = await h.admin('/api-keys', { as: auth, body });
      expect(res.status).toBe(422);
      return ((await res.json()) as { errors: { path: string; code: string }[] }).errors.map((e) => `${e.path}:${e.code}`);
    };
    expect(await refused({ name: 'Koerier', role: 'partner' })).toEqual(['partnerOrgId:required']);
    expect(await refused({ name: 'Koerier', role: 'partner', partnerOrgId: foreign })).toEqual(['partnerOrgId:invalid_value']);
    expect(await refused({ name: 'Koerier', role: 'partner', partnerOrgId: 'no-such-org' })).toEqual(['partnerOrgId:invalid_value']);
    expect(await refused({ name: 'Staff', role: 'staff', partnerOrgId: own })).toEqual(['partnerOrgId:invalid_value']);
    expect(await refused({ name: 'Op', role: 'operator' })).toEqual(['role:invalid_value']);
    expect(await refused({ name: '', role: 'staff' })).toEqual(['name:required']);
    expect(await h.db.select().from(apiKeys)).toEqual([]);

    const ok = await h.admin('/api-keys', { as: auth, body: { name: 'Koerier', role: 'partner', partnerOrgId: own } });
    expect(ok.status).toBe(201);
    const key = (await ok.json()) as Key;
    expect(key.partnerOrgId).toBe(own);
    expect(await (await h.admin('/me', { as: { bearer: key.key! } })).json()).toMatchObject({ role: 'partner', partnerOrg: { id: own, type: 'carrier' } });
  });

  it('is for owners of a tenant only; another tenant\'s key id is 404', async () => {
    h = await makeAdminHarness();
    const otherOwner = await h.as('owner', { tenantId: h.other.tenantId });
    const theirs = (await (await h.admin('/api-keys', { as: otherOwner.auth, body: { name: 'Theirs', role: 'staff' } })).json()) as Key;
    const { auth } = await h.as('owner');
    expect(await codeOf(await h.admin(`/api-keys/${theirs.id}`, { as: auth, method: 'DELETE' }))).toBe('not_found');
    expect(((await (await h.admin('/api-keys', { as: auth })).json()) as { items: Key[] }).items).toEqual([]);
    expect((await h.db.select().from(apiKeys).where(eq(apiKeys.id, theirs.id)))[0]!.revokedAt).toBeNull();

    for (const role of ['staff', 'auditor', 'operator'] as const) {
      const p = await h.as(role);
      expect(await codeOf(await h.admin('/api-keys', { as: p.auth }))).toBe('forbidden');
      expect(await codeOf(await h.admin('/api-keys', { as: p.auth, body: { name: 'x', role: 'staff' } }))).toBe('forbidden');
    }
    const staffKey = await h.keyFor({ role: 'staff' });
    expect(await codeOf(await h.admin('/api-keys', { as: staffKey }))).toBe('forbidden');
  });
});
