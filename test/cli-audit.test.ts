import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CompactSign } from 'jose';
import { runNode } from './spawn.js';
import { makeAdminHarness, type AdminHarness, type As } from '../worker/src/testing/admin-harness.js';
import { generateSigningKeyJwk, importSigningKey, type SigningKey } from '../worker/src/audit/signing-key.js';
import { chain } from '../worker/src/audit/chain.js';
import type { AuditBundle } from '../sdk/src/admin/audit.js';
import { changeOneByte, rewriteChain } from '../worker/src/admin/audit/test-tamper.js';

/** R17: `npm run aftercare -- audit …` as a process, on bundles downloaded through the API. */
const dir = mkdtempSync(path.join(tmpdir(), 'aftercare-cli-audit-'));
// Offline: a database URL that cannot be opened proves `audit verify` never touches one.
const offline = { DATABASE_URL: 'file:/nonexistent/aftercare/none.db', AFTERCARE_SIGNING_KEY: '' };
const cli = (args: string[], env: Record<string, string> = offline) => runNode('dist/node/cli.js', args, env);

let h: AdminHarness;
let auditor: As;
let operator: As;
let key: SigningKey;
let pinned: string;
let n = 0;

beforeAll(async () => {
  const jwk = await generateSigningKeyJwk();
  process.env.AFTERCARE_SIGNING_KEY = jwk;
  key = await importSigningKey(jwk);
  pinned = path.join(dir, 'operator.jwk');
  writeFileSync(pinned, JSON.stringify(key.publicJwk));
  h = await makeAdminHarness();
  auditor = (await h.as('auditor')).auth;
  operator = (await h.as('operator')).auth;
  for (const kind of ['repair', 'return', 'warranty'] as const) await h.submitCase(kind);
  expect((await h.admin('/audit/checkpoints/run', { as: operator, body: {} })).status).toBe(200);
}, 60_000);
afterAll(async () => {
  delete process.env.AFTERCARE_SIGNING_KEY;
  await h?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** Downloads the bundle through the API; writes it (optionally changed) to a file. */
async function download(change: (b: AuditBundle) => void = () => {}, from: { h: AdminHarness; as: As } = { h, as: auditor }): Promise<{ file: string; bundle: AuditBundle }> {
  const res = await from.h.admin('/audit/export', { as: from.as });
  expect(res.status).toBe(200);
  const bundle = (await res.json()) as AuditBundle;
  change(bundle);
  const file = path.join(dir, `bundle-${++n}.json`);
  writeFileSync(file, JSON.stringify(bundle));
  return { file, bundle };
}

describe('audit verify (offline)', () => {
  it('an intact bundle: exit 0, "OK: N entries, M checkpoints, head …", with the pinned key; exit 3 "UNPROVEN" without', async () => {
    const { file, bundle } = await download();
    const r = await cli(['audit', 'verify', '--file', file, '--public-key', pinned]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const head = bundle.entries.at(-1)!;
    expect(r.stdout).toContain(`OK: ${bundle.entries.length} entries, 1 checkpoints, head seq ${head.seq} ${head.entryHash}`);
    // Without --public-key: consistent with the bundle's own key, which proves nothing: exit 3, said so.
    const own = await cli(['audit', 'verify', '--file', file]);
    expect(own.code).toBe(3);
    expect(own.stdout).toMatch(/^UNPROVEN: .*proves nothing about who signed it/);
    expect(own.stdout).not.toContain('OK');
    expect(own.stderr).toContain('--public-key');
    const asJson = await cli(['audit', 'verify', '--file', file, '--public-key', pinned, '--json']);
    expect(JSON.parse(asJson.stdout)).toMatchObject({ ok: true, keySource: 'pinned', entries: bundle.entries.length });
  });

  it('one byte of one entry changed in the file: exit 1 at that seq', async () => {
    const { file } = await download((b) => {
      b.entries[2]!.actorId = b.entries[2]!.actorId.slice(0, -1) + (b.entries[2]!.actorId.endsWith('0') ? '1' : '0');
    });
    const r = await cli(['audit', 'verify', '--file', file, '--public-key', pinned]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^BROKEN at seq 3: entry_hash_mismatch/);
  });

  it('one entry removed from the file: exit 1 where it was', async () => {
    const { file } = await download((b) => b.entries.splice(1, 1));
    const r = await cli(['audit', 'verify', '--file', file, '--public-key', pinned]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^BROKEN at seq 3: seq_gap/);
  });

  it('a byte changed in the database (triggers dropped) shows in the next download', async () => {
    const local = await makeAdminHarness();
    try {
      await changeOneByte(local.db, local.tenant.tenantId, 2);
      const res = await local.admin('/audit/export', { as: (await local.as('owner')).auth });
      const file = path.join(dir, 'db-tampered.json');
      writeFileSync(file, await res.text());
      const r = await cli(['audit', 'verify', '--file', file]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^BROKEN at seq 2: entry_hash_mismatch/);
    } finally {
      await local.dispose();
    }
  });

  it('the WHOLE chain rewritten consistently after a checkpoint (in the database): exit 1 at the checkpoint', async () => {
    const { bundle: before } = await download();
    const checkpointSeq = before.checkpoints.at(-1)!.seq;
    await rewriteChain(h.db, h.tenant.tenantId, 2);
    const { file, bundle } = await download();
    const r = await cli(['audit', 'verify', '--file', file, '--public-key', pinned]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^BROKEN at seq ${checkpointSeq}: checkpoint_hash_mismatch`));
    // The same bundle without its checkpoints: the chain alone is consistent, but nothing signed it.
    const bare = path.join(dir, 'no-checkpoints.json');
    writeFileSync(bare, JSON.stringify({ ...bundle, checkpoints: [] }));
    const r2 = await cli(['audit', 'verify', '--file', bare, '--public-key', pinned]);
    expect(r2.code).toBe(1);
    expect(r2.stdout).toMatch(/^BROKEN at seq 1: head_unsigned/);
  });

  it("a forger who re-signs the checkpoints with their own key and swaps the bundle's key is caught by --public-key", async () => {
    const forger = await importSigningKey(await generateSigningKeyJwk());
    const { file } = await download((b) => {
      b.publicKey = forger.publicJwk;
      b.checkpoints = [];
    });
    const bundle = JSON.parse((await import('node:fs')).readFileSync(file, 'utf8')) as AuditBundle;
    // Rewrite one entry and re-chain everything, then sign a fresh checkpoint of the new head.
    let prev = bundle.entries[0]!.prevHash;
    for (const [i, e] of bundle.entries.entries()) {
      const { prevHash: _p, entryHash: _h, ...plain } = e;
      const next = await chain({ ...plain, actorType: plain.actorType as 'user', action: i === 1 ? 'case.viewed' : plain.action }, prev);
      bundle.entries[i] = next;
      prev = next.entryHash;
    }
    const head = bundle.entries.at(-1)!;
    const payload = { tenantId: bundle.tenantId, seq: head.seq, hash: head.entryHash, at: Date.now() };
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', kid: forger.kid }).sign(forger.privateKey);
    bundle.checkpoints = [{ id: 'forged', seq: head.seq, hash: head.entryHash, at: payload.at, jws }];
    writeFileSync(file, JSON.stringify(bundle));
    // Consistent with its own (swapped) key: that proves nothing, so not OK and not exit 0…
    const unpinned = await cli(['audit', 'verify', '--file', file]);
    expect(unpinned.code).toBe(3);
    expect(unpinned.stdout).toMatch(/^UNPROVEN: .*proves nothing about who signed it/);
    const r = await cli(['audit', 'verify', '--file', file, '--public-key', pinned]);
    expect(r.code).toBe(1); // …and broken with the operator's
    expect(r.stdout).toMatch(new RegExp(`^BROKEN at seq ${head.seq}: checkpoint_unknown_key`));
  });

  /** A tenant of its own (earlier tests rewrite `h`'s chain) with an hourly checkpoint and entries after it. */
  async function withTail<T>(run: (from: { h: AdminHarness; as: As }) => Promise<T>): Promise<T> {
    const local = await makeAdminHarness();
    try {
      await local.submitCase('repair');
      expect((await local.admin('/audit/checkpoints/run', { as: (await local.as('operator')).auth, body: {} })).status).toBe(200);
      await local.submitCase('complaint'); // entries after the hourly checkpoint: the tail
      return await run({ h: local, as: (await local.as('auditor')).auth });
    } finally {
      await local.dispose();
    }
  }

  it('the tail after the last hourly checkpoint rewritten in the file and re-chained: caught with the pinned key', () => withTail(async (from) => {
    const { bundle } = await download(undefined, from);
    const hourly = bundle.checkpoints.filter((cp) => cp.seq < bundle.entries.at(-1)!.seq).at(-1)!;
    expect(hourly, 'an hourly checkpoint before the head').toBeTruthy();
    // The export signed the head: the last checkpoint is the last entry.
    expect(bundle.checkpoints.at(-1)!.seq).toBe(bundle.entries.at(-1)!.seq);
    const forged = structuredClone(bundle);
    let prev = forged.entries.find((e) => e.seq === hourly.seq)!.entryHash;
    for (const [i, e] of forged.entries.entries()) {
      if (e.seq <= hourly.seq) continue;
      const { prevHash: _p, entryHash: _h, ...plain } = e;
      forged.entries[i] = await chain({ ...plain, actorType: plain.actorType as 'user', action: e.seq === hourly.seq + 1 ? 'case.viewed' : plain.action }, prev);
      prev = forged.entries[i]!.entryHash;
    }
    const tampered = path.join(dir, 'tail-rewritten.json');
    writeFileSync(tampered, JSON.stringify(forged));
    const r = await cli(['audit', 'verify', '--file', tampered, '--public-key', pinned]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^BROKEN at seq ${forged.entries.at(-1)!.seq}: checkpoint_hash_mismatch`));
    // Dropping the head's checkpoint as well leaves the tail unsigned: still broken.
    const dropped = path.join(dir, 'tail-rewritten-unsigned.json');
    writeFileSync(dropped, JSON.stringify({ ...forged, checkpoints: forged.checkpoints.filter((cp) => cp.seq <= hourly.seq) }));
    const r2 = await cli(['audit', 'verify', '--file', dropped, '--public-key', pinned]);
    expect(r2.code).toBe(1);
    expect(r2.stdout).toMatch(new RegExp(`^BROKEN at seq ${hourly.seq + 1}: head_unsigned`));
  }));

  it('--public-key takes the JSON of GET /v1/admin/audit/public-key as-is (and a bare JWK)', () => withTail(async (from) => {
    const res = await from.h.admin('/audit/public-key', { as: from.as });
    expect(res.status).toBe(200);
    const answer = path.join(dir, 'public-key-answer.json');
    writeFileSync(answer, await res.text());
    const { file, bundle } = await download(undefined, from);
    const r = await cli(['audit', 'verify', '--file', file, '--public-key', answer]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`OK: ${bundle.entries.length} entries`);
    expect((await cli(['audit', 'verify', '--file', file, '--public-key', pinned])).code).toBe(0);
    // A host without a key answers configured: false: refused as unreadable, never OK.
    const none = path.join(dir, 'public-key-none.json');
    writeFileSync(none, JSON.stringify({ configured: false, key: null, kid: null }));
    const n2 = await cli(['audit', 'verify', '--file', file, '--public-key', none]);
    expect(n2.code).toBe(2);
    expect(n2.stderr).toContain('no signing key configured');
  }));

  it('refuses a missing or unreadable file with exit 2 and a message on stderr', async () => {
    expect((await cli(['audit', 'verify'])).code).toBe(2);
    const missing = await cli(['audit', 'verify', '--file', path.join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read bundle');
    const notBundle = path.join(dir, 'not-a-bundle.json');
    writeFileSync(notBundle, JSON.stringify({ hello: 'world' }));
    const r = await cli(['audit', 'verify', '--file', notBundle]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not an audit bundle/);
    expect(r.stdout).toBe('');
  });
});

describe('audit checkpoint (local database)', () => {
  it('makes the key file once (mode 600, beside the database) and signs only chains that grew', async () => {
    const env = { DATABASE_URL: `file:${path.join(dir, 'local', 'aftercare.db')}`, AFTERCARE_SIGNING_KEY: '' };
    const made = await runNode('dist/node/cli.js', ['tenant', 'create', '--name', 'Keukens BV', '--origin', 'https://keukens.example', '--privacy-url', 'https://keukens.example/privacy', '--json'], env);
    expect(made.code).toBe(0);
    const first = await runNode('dist/node/cli.js', ['audit', 'checkpoint', '--json'], env);
    expect(first.stderr).toBe('');
    const run = JSON.parse(first.stdout) as { created: number; kid: string };
    expect(run.created).toBeGreaterThanOrEqual(1);
    const keyFile = path.join(dir, 'local', 'signing-key.json');
    expect(existsSync(keyFile)).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const again = JSON.parse((await runNode('dist/node/cli.js', ['audit', 'checkpoint', '--json'], env)).stdout) as { created: number; kid: string };
    expect(again).toMatchObject({ created: 0, kid: run.kid });
  });
});
