import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { CompactSign } from 'jose';
import { makeAdminHarness, type AdminHarness, type As } from '../../testing/admin-harness.js';
import { auditCheckpoints, exportLog } from '../../db/schema.js';
import type { AuditBundle, AuditCheckpointPage, AuditCheckpointRun, AuditPublicKey, AuditVerification } from '../../../../sdk/src/admin/audit.js';
import { generateSigningKeyJwk, importSigningKey } from '../../audit/signing-key.js';
import { parseBundle, verifyBundle } from '../../audit/bundle.js';
import { readChain } from '../../audit/log.js';
import { changeOneByte, removeEntry, rewriteChain } from './test-tamper.js';

let h: AdminHarness;
let now: number;
let auditor: As;
let operator: As;
let jwk: string;
beforeEach(async () => {
  now = Date.UTC(2026, 2, 2, 8, 0);
  jwk = await generateSigningKeyJwk();
  vi.stubEnv('AFTERCARE_SIGNING_KEY', jwk);
  h = await makeAdminHarness({ clock: { now: () => now } });
  auditor = (await h.as('auditor')).auth;
  operator = (await h.as('operator')).auth;
  for (const kind of ['repair', 'return', 'warranty'] as const) await h.submitCase(kind);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await h.dispose();
});

const json = async <T>(res: Response | Promise<Response>) => (await (await res).json()) as T;
const verify = () => json<AuditVerification>(h.admin('/audit/verify', { as: auditor }));
const checkpointNow = () => json<AuditCheckpointRun>(h.admin('/audit/checkpoints/run', { as: operator, body: {} }));
const headSeq = async () => (await readChain(h.db, h.tenant.tenantId)).at(-1)!.seq;

describe('GET /audit/public-key', () => {
  it('serves the public JWK (never d) with kid = thumbprint, to auditors and operators alike', async () => {
    const expected = await importSigningKey(jwk);
    for (const as of [auditor, operator]) {
      const body = await json<AuditPublicKey>(h.admin('/audit/public-key', { as }));
      expect(body).toEqual({ configured: true, kid: expected.kid, key: expected.publicJwk });
      expect(JSON.stringify(body)).not.toContain('"d"');
    }
    expect((await h.admin('/audit/public-key', { as: (await h.as('staff')).auth })).status).toBe(403);
  });

  it('says so when the host has no key, and then signs nothing', async () => {
    vi.stubEnv('AFTERCARE_SIGNING_KEY', '');
    expect(await json(h.admin('/audit/public-key', { as: auditor }))).toEqual({ configured: false, key: null, kid: null });
    expect(await checkpointNow()).toMatchObject({ configured: false, created: 0 });
    expect(await h.db.select().from(auditCheckpoints)).toEqual([]);
  });
});

describe('checkpoints and verify (R17)', () => {
  it('the operator runs checkpoints; auditors list them and verify chain + signatures', async () => {
    const run = await checkpointNow();
    expect(run).toMatchObject({ configured: true, more: false, kid: (await importSigningKey(jwk)).kid });
    expect(run.created).toBeGreaterThanOrEqual(2);
    const list = await json<AuditCheckpointPage>(h.admin('/audit/checkpoints', { as: auditor }));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ seq: await headSeq(), at: new Date(now).toISOString(), kid: run.kid });
    const v = await verify();
    expect(v).toMatchObject({ ok: true, checkpoints: 1, brokenAt: null, lastGoodCheckpoint: { seq: await headSeq() } });
    expect(v.head).toEqual({ seq: await headSeq(), hash: (await readChain(h.db, h.tenant.tenantId)).at(-1)!.entryHash });
  });

  it('pages the checkpoint list newest first and refuses bad paging with per-field errors', async () => {
    for (let i = 0; i < 3; i++) {
      await h.submitCase('repair');
      now += 60_000;
      await checkpointNow();
    }
    const first = await json<AuditCheckpointPage>(h.admin('/audit/checkpoints?limit=2', { as: auditor }));
    expect(first.items.map((c) => c.seq)).toEqual([...first.items.map((c) => c.seq)].sort((a, b) => b - a));
    const second = await json<AuditCheckpointPage>(h.admin(`/audit/checkpoints?limit=2&cursor=${first.nextCursor}`, { as: auditor }));
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const bad = await h.admin('/audit/checkpoints?limit=0&cursor=x&tenant=other', { as: auditor });
    expect(bad.status).toBe(422);
    const errors = ((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path).sort();
    expect(errors).toEqual(['cursor', 'limit', 'tenant']);
  });

  it('one byte of one entry changed (triggers dropped): broken at that seq', async () => {
    await checkpointNow();
    await changeOneByte(h.db, h.tenant.tenantId, 3);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: { seq: 3, code: 'entry_hash_mismatch' } });
  });

  it('one entry removed: broken where it was', async () => {
    await checkpointNow();
    await removeEntry(h.db, h.tenant.tenantId, 4);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: { seq: 5, code: 'seq_gap' } });
  });

  it('the last entries removed after a checkpoint: the chain alone looks fine, the checkpoint does not', async () => {
    await checkpointNow();
    const head = await headSeq();
    await removeEntry(h.db, h.tenant.tenantId, head);
    expect(await json(h.admin('/logs/audit/verify', { as: auditor }))).toMatchObject({ ok: true });
    expect(await verify()).toMatchObject({ ok: false, brokenAt: { seq: head, code: 'checkpoint_beyond_log' } });
  });

  it('the WHOLE chain rewritten consistently after a checkpoint: chain-only verify says OK, with checkpoints broken at the checkpoint', async () => {
    await checkpointNow();
    const first = await headSeq();
    await h.submitCase('complaint');
    now += 60_000;
    await checkpointNow();
    const second = await headSeq();
    await rewriteChain(h.db, h.tenant.tenantId, first + 1);
    expect(await json(h.admin('/logs/audit/verify', { as: auditor }))).toMatchObject({ ok: true });
    const v = await verify();
    expect(v).toMatchObject({ ok: false, brokenAt: { seq: second, code: 'checkpoint_hash_mismatch' }, lastGoodCheckpoint: { seq: first } });
    expect(v.brokenAt!.reason).toContain(`after seq ${first}`);
  });

  it('a checkpoint forged with another key is refused, whatever kid it claims', async () => {
    await checkpointNow();
    const forger = await importSigningKey(await generateSigningKeyJwk());
    const entries = await readChain(h.db, h.tenant.tenantId);
    const victim = entries[1]!;
    for (const kid of [forger.kid, (await importSigningKey(jwk)).kid]) {
      const payload = { tenantId: h.tenant.tenantId, seq: victim.seq, hash: victim.entryHash, at: now };
      const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', kid }).sign(forger.privateKey);
      await h.db.insert(auditCheckpoints).values({ id: crypto.randomUUID(), tenantId: h.tenant.tenantId, seq: victim.seq, entryHash: victim.entryHash, at: now, jws }).onConflictDoNothing();
      const v = await verify();
      expect(v).toMatchObject({ ok: false, brokenAt: { seq: victim.seq, code: kid === forger.kid ? 'checkpoint_unknown_key' : 'checkpoint_signature_invalid' } });
      await h.database.client.execute('DROP TRIGGER IF EXISTS audit_checkpoints_no_delete');
      await h.db.delete(auditCheckpoints).where(and(eq(auditCheckpoints.tenantId, h.tenant.tenantId), eq(auditCheckpoints.seq, victim.seq)));
    }
  });

  it("a checkpoint of another tenant's chain copied in is refused", async () => {
    await checkpointNow();
    const [theirs] = await h.db.select().from(auditCheckpoints).where(eq(auditCheckpoints.tenantId, h.other.tenantId));
    await h.db.insert(auditCheckpoints).values({ ...theirs!, id: crypto.randomUUID(), tenantId: h.tenant.tenantId, seq: 1 });
    expect(await verify()).toMatchObject({ ok: false, brokenAt: { seq: 1, code: 'checkpoint_tenant_mismatch' } });
  });
});

describe('GET /audit/export: the bundle an auditor keeps', () => {
  it('is logged first, holds the whole log + checkpoints + public key, verifies offline, and nothing of the other tenant or personal', async () => {
    await checkpointNow();
    await h.submitCase('repair'); // after the checkpoint: in the bundle, and signed by the export's checkpoint of the head
    const res = await h.admin('/audit/export', { as: auditor });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="aftercare-audit-bundle-2026-03-02\.json"/);
    const text = await res.text();
    const bundle = JSON.parse(text) as AuditBundle;
    const entries = await readChain(h.db, h.tenant.tenantId);
    expect(bundle.entries).toEqual(entries);
    expect(bundle.checkpoints).toHaveLength(2);
    expect(bundle.checkpoints.at(-1)).toMatchObject({ seq: entries.at(-1)!.seq, hash: entries.at(-1)!.entryHash });
    expect(bundle.publicKey).toEqual((await importSigningKey(jwk)).publicJwk);
    const [logged] = await h.db.select().from(exportLog).where(eq(exportLog.kind, 'audit_log_bundle'));
    expect(logged).toMatchObject({ tenantId: h.tenant.tenantId, rowCount: entries.length });
    expect(res.headers.get('x-aftercare-export-id')).toBe(logged!.id);
    expect(await verifyBundle(parseBundle(text), (await importSigningKey(jwk)).publicJwk)).toMatchObject({ ok: true, entries: entries.length, checkpoints: 2, lastGoodCheckpoint: { seq: entries.at(-1)!.seq }, keySource: 'pinned' });
    for (const personal of ['Jan', 'de Vries', 'jan@example.nl', 'GZ-123456', 'Dorpsstraat', h.other.tenantId]) expect(text).not.toContain(personal);
  });

  it('is refused to staff and operators, and the chain of another tenant is never in it', async () => {
    expect((await h.admin('/audit/export', { as: (await h.as('staff')).auth })).status).toBe(403);
    expect((await h.admin('/audit/export', { as: operator })).status).toBe(403);
    const other = (await h.as('auditor', { tenantId: h.other.tenantId })).auth;
    const bundle = await json<AuditBundle>(h.admin('/audit/export', { as: other }));
    expect(bundle.tenantId).toBe(h.other.tenantId);
    expect(bundle.entries.every((e) => e.tenantId === h.other.tenantId)).toBe(true);
  });
});
