import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calculateJwkThumbprint, compactVerify, decodeProtectedHeader } from 'jose';
import { makeAdminHarness, type AdminHarness } from '../testing/admin-harness.js';
import { auditCheckpoints } from '../db/schema.js';
import { createCheckpoints, readCheckpoints } from './checkpoints.js';
import { runAuditCheckpointJob } from './checkpoint-job.js';
import { generateSigningKeyJwk, importPublicKey, importSigningKey, SigningKeyError, type SigningKey } from './signing-key.js';
import { readChain, AuditWriter } from './log.js';

let h: AdminHarness;
let now: number;
let key: SigningKey;
beforeEach(async () => {
  now = Date.UTC(2026, 0, 10, 9, 0);
  h = await makeAdminHarness({ clock: { now: () => now } });
  key = await importSigningKey(await generateSigningKeyJwk());
});
afterEach(() => h.dispose());

const headOf = async (tenantId: string) => (await readChain(h.db, tenantId)).at(-1)!;

describe('signing key', () => {
  it('is an Ed25519 JWK whose kid is its thumbprint; the public half has no private part', async () => {
    const jwk = JSON.parse(await generateSigningKeyJwk()) as Record<string, string>;
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
    const k = await importSigningKey(JSON.stringify(jwk));
    expect(k.kid).toBe(await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: jwk.x! }));
    expect(k.publicJwk).not.toHaveProperty('d');
    expect(Object.keys(k.publicJwk).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
  });

  it('refuses what is not a private Ed25519 JWK, without echoing it', async () => {
    await expect(importSigningKey('not json {secret}')).rejects.toThrow(SigningKeyError);
    await expect(importSigningKey('not json {secret}')).rejects.not.toThrow(/secret/);
    await expect(importSigningKey(JSON.stringify({ kty: 'RSA', n: 'x', e: 'AQAB' }))).rejects.toThrow(/Ed25519/);
    const { d: _d, ...publicOnly } = JSON.parse(await generateSigningKeyJwk()) as Record<string, string>;
    await expect(importSigningKey(JSON.stringify(publicOnly))).rejects.toThrow(/private/);
  });
});

describe('createCheckpoints (R17)', () => {
  it('signs each chain head once, as a compact JWS over {tenantId, seq, hash, at} that verifies with the public key', async () => {
    await h.submitCase('repair');
    const run = await createCheckpoints(h.db, key, now);
    expect(run.more).toBe(false);
    const cps = await readCheckpoints(h.db, h.tenant.tenantId);
    expect(cps).toHaveLength(1);
    const head = await headOf(h.tenant.tenantId);
    expect(cps[0]).toMatchObject({ seq: head.seq, hash: head.entryHash, at: now });
    expect(decodeProtectedHeader(cps[0]!.jws)).toEqual({ alg: 'EdDSA', kid: key.kid });
    const { payload } = await compactVerify(cps[0]!.jws, (await importPublicKey(key.publicJwk)).key, { algorithms: ['EdDSA'] });
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({ tenantId: h.tenant.tenantId, seq: head.seq, hash: head.entryHash, at: now });
    // The other tenant's chain got its own checkpoint.
    expect((await readCheckpoints(h.db, h.other.tenantId)).map((c) => c.seq)).toEqual([(await headOf(h.other.tenantId)).seq]);
    expect(run.created).toBe(run.tenants);
  });

  it('only chains with new entries since their last checkpoint get a new one', async () => {
    await createCheckpoints(h.db, key, now);
    now += 3_600_000;
    expect(await createCheckpoints(h.db, key, now)).toMatchObject({ created: 0 });
    await h.submitCase('return');
    now += 3_600_000;
    expect(await createCheckpoints(h.db, key, now)).toMatchObject({ created: 1, tenants: 1 });
    const cps = await readCheckpoints(h.db, h.tenant.tenantId);
    expect(cps).toHaveLength(2);
    expect(cps[1]!.seq).toBe((await headOf(h.tenant.tenantId)).seq);
    expect(await readCheckpoints(h.db, h.other.tenantId)).toHaveLength(1);
  });

  it('two runs at once leave one checkpoint per head; the table is append-only', async () => {
    const runs = await Promise.all([createCheckpoints(h.db, key, now), createCheckpoints(h.db, key, now)]);
    expect(runs.map((r) => r.created).reduce((a, b) => a + b)).toBeGreaterThan(0);
    expect(await readCheckpoints(h.db, h.tenant.tenantId)).toHaveLength(1);
    await expect(h.database.client.execute('UPDATE audit_checkpoints SET seq = 1')).rejects.toThrow(/append-only/);
    await expect(h.database.client.execute('DELETE FROM audit_checkpoints')).rejects.toThrow(/append-only/);
  });

  it('is bounded per run and says when more is left', async () => {
    // Chains exist for (at least) the two harness tenants: sign one at a time.
    const first = await createCheckpoints(h.db, key, now, { maxTenants: 1 });
    expect(first).toMatchObject({ created: 1, more: true });
    let rest = first;
    while (rest.more) rest = await createCheckpoints(h.db, key, now, { maxTenants: 1 });
    expect(await createCheckpoints(h.db, key, now)).toMatchObject({ created: 0, more: false });
    const all = await h.db.select().from(auditCheckpoints);
    expect(new Set(all.map((c) => c.tenantId)).size).toBe(all.length);
  });
});

describe('the periodic job', () => {
  it('signs with AFTERCARE_SIGNING_KEY from its env, and skips (with a warning) without it', async () => {
    const deps = { db: h.db, clock: { now: () => now }, audit: new AuditWriter(h.db), holder: 'test' };
    expect(await runAuditCheckpointJob({ ...deps, env: {} })).toEqual({});
    expect(await readCheckpoints(h.db, h.tenant.tenantId)).toHaveLength(0);
    const report = await runAuditCheckpointJob({ ...deps, env: { AFTERCARE_SIGNING_KEY: await generateSigningKeyJwk() } });
    expect(report.counts?.checkpoints).toBeGreaterThanOrEqual(2);
    expect(await readCheckpoints(h.db, h.tenant.tenantId)).toHaveLength(1);
  });
});
