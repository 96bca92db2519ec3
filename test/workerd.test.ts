import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../sdk/src/index.js';
import type { PublicConfig } from '../sdk/src/schemas/index.js';
import { AuditWriter } from '../worker/src/audit/log.js';
import { createTenant } from '../worker/src/tenants/create.js';
import { applyLocalD1Migrations, withLocalD1 } from '../worker/src/hosts/cloudflare-local.js';
import { ORIGIN, PRIVACY_URL, validCase } from '../worker/src/testing/harness.js';
import { startLocalWorker, WRANGLER_TOML, type LocalWorker } from './workerd/local-worker.js';
import { users } from '../worker/src/db/schema.js';
import { hashPassword } from '../worker/src/admin/auth/password.js';
import { uuidv7 } from '../worker/src/lib/ids.js';

/**
 * The Worker (worker/src/hosts/cloudflare.ts) in real workerd, started by wrangler from
 * wrangler.toml with a local D1 database: migrations applied by `wrangler d1 migrations apply`,
 * a tenant seeded from Node, then the SDK client talks to it over HTTP. Nothing is mocked.
 */

const OWNER_PASSWORD = 'workerd-eigenaar-wachtwoord';

type Seen = { status: number; body: string; headers: Headers };

describe('the Worker in workerd (wrangler, local D1)', () => {
  let persistTo: string;
  let worker: LocalWorker | undefined;
  let tenant: { tenantId: string; slug: string; publishableKey: string };
  let config: PublicConfig;
  /** Every response the SDK client received, in order (the SDK returns data, not statuses). */
  const seen: Seen[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    seen.push({ status: res.status, body: await res.clone().text(), headers: res.headers });
    return res;
  };
  const client = (origin: string) =>
    createClient({ publishableKey: tenant.publishableKey, baseUrl: worker!.url, origin, fetch: recordingFetch, retry: { attempts: 1 } });
  const local = { configPath: WRANGLER_TOML, get persistTo() { return persistTo; } };

  const idempotencyKey = crypto.randomUUID();
  let created: { id: string; reference: string } | undefined;

  beforeAll(async () => {
    persistTo = mkdtempSync(path.join(tmpdir(), 'aftercare-workerd-'));
    await applyLocalD1Migrations(local);
    tenant = await withLocalD1(local, (db) =>
      createTenant(db, new AuditWriter(db), Date.now(), { name: 'Fietsenwinkel Workerd', origins: [ORIGIN], privacyUrl: PRIVACY_URL }),
    );
    // An owner whose password hash (argon2id, OWASP parameters) the Worker must verify itself.
    const passwordHash = await hashPassword(OWNER_PASSWORD);
    await withLocalD1(local, (db) =>
      db.insert(users).values({
        id: uuidv7(), tenantId: tenant.tenantId, loginCode: 'workerd-owner', displayName: 'Eigenaar', role: 'owner', partnerOrgId: null, passwordHash,
        totpSecret: null, totpEnabledAt: null, totpLastStep: null, locale: 'nl', createdAt: Date.now(), updatedAt: Date.now(), lastLoginAt: null, disabledAt: null,
      }),
    );
    worker = await startLocalWorker(persistTo);
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    if (persistTo) rmSync(persistTo, { recursive: true, force: true });
  }, 60_000);

  it('serves the tenant config to an allowed origin', async () => {
    const res = await client(ORIGIN).getConfig();
    expect(res.error).toBeUndefined();
    config = res.data!;
    expect(config.tenant.name).toBe('Fietsenwinkel Workerd');
    expect(config.privacyUrl).toBe(PRIVACY_URL);
    expect(config.consentTexts.nl?.hash).toMatch(/^[0-9a-f]{64}$/);
    const last = seen.at(-1)!;
    expect(last.status).toBe(200);
    expect(last.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  }, 30_000);

  it('opens a case end to end: 201 with id and reference', async () => {
    const res = await client(ORIGIN).submitCase(validCase('repair', config), { idempotencyKey });
    expect(res.error).toBeUndefined();
    expect(res.data).toMatchObject({ kind: 'repair', status: 'new' });
    expect(res.data!.reference).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(seen.at(-1)!.status).toBe(201);
    created = res.data!;
  }, 30_000);

  it('replays the same Idempotency-Key with the identical status and body', async () => {
    const first = seen.at(-1)!;
    const res = await client(ORIGIN).submitCase(validCase('repair', config), { idempotencyKey });
    expect(res.data).toEqual(created);
    const replay = seen.at(-1)!;
    expect(replay.status).toBe(first.status);
    expect(replay.body).toBe(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  }, 30_000);

  it('refuses an origin the key does not allow with 403', async () => {
    const res = await client('https://evil.example').submitCase(validCase('repair', config));
    expect(res.error).toMatchObject({ code: 'origin_not_allowed', status: 403 });
    expect(seen.at(-1)!.status).toBe(403);
    expect(seen.at(-1)!.headers.get('access-control-allow-origin')).toBeNull();
  }, 30_000);

  it('routes /v1/* to the Worker next to the static assets', async () => {
    const res = await fetch(`${worker!.url}/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { openapi: string }).openapi).toBe('3.1.0');
  }, 30_000);

  it('signs an owner in (argon2id verified in workerd) who then finds the case in the admin API', async () => {
    const login = await fetch(`${worker!.url}/v1/admin/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: worker!.url, 'x-aftercare-csrf': '1' },
      body: JSON.stringify({ loginCode: `workerd-owner@${tenant.slug}`, password: OWNER_PASSWORD }),
    });
    expect(login.status, await login.clone().text()).toBe(200);
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = setCookie.split(';')[0]!;
    const list = await fetch(`${worker!.url}/v1/admin/cases`, { headers: { cookie } });
    expect(list.status).toBe(200);
    const page = (await list.json()) as { items: { id: string; reference: string; subject?: { email?: string } }[] };
    expect(page.items.map((i) => i.reference)).toEqual([created!.reference]);
    const logout = await fetch(`${worker!.url}/v1/admin/auth/logout`, { method: 'POST', headers: { cookie, origin: worker!.url, 'x-aftercare-csrf': '1' } });
    expect(logout.status).toBe(204);
    expect((await fetch(`${worker!.url}/v1/admin/cases`, { headers: { cookie } })).status).toBe(401);
  }, 60_000);

  it('stored case, consent evidence and audit entry in D1, whose audit triggers refuse changes', async () => {
    expect(created).toBeDefined();
    // Stop workerd first so only one process has the D1 files open, then read them from Node.
    await worker!.stop();
    await withLocalD1(local, async (_db, d1) => {
      const one = async <T>(sql: string, ...params: unknown[]) => (await d1.prepare(sql).bind(...params).all<T>()).results;

      const cases = await one<{ id: string; reference: string; kind: string; status: string }>(
        'SELECT id, reference, kind, status FROM cases WHERE tenant_id = ?', tenant.tenantId);
      expect(cases).toEqual([{ id: created!.id, reference: created!.reference, kind: 'repair', status: 'new' }]);

      const consents = await one<Record<string, unknown>>(
        'SELECT consent_text_id, text_hash, locale, privacy_url, ip, user_agent, page_url FROM consents WHERE case_id = ?', created!.id);
      expect(consents).toHaveLength(1);
      expect(consents[0]).toMatchObject({
        consent_text_id: config.consentTexts.nl!.id,
        text_hash: config.consentTexts.nl!.hash,
        locale: 'nl',
        privacy_url: PRIVACY_URL,
        page_url: `${ORIGIN}/service`,
      });
      // CF-Connecting-IP, which wrangler's local proxy sets from the socket as Cloudflare would.
      expect(consents[0]!.ip).toMatch(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);

      const subjects = await one<{ postcode: string }>('SELECT postcode FROM subjects WHERE tenant_id = ?', tenant.tenantId);
      expect(subjects).toEqual([{ postcode: '1234 AB' }]);

      const audit = await one<{ seq: number; action: string; entity_id: string; fields: string; prev_hash: string; entry_hash: string }>(
        "SELECT seq, action, entity_id, fields, prev_hash, entry_hash FROM audit_log WHERE tenant_id = ? AND action = 'case.created'", tenant.tenantId);
      expect(audit).toHaveLength(1);
      expect(audit[0]!.entity_id).toBe(created!.id);
      expect(audit[0]!.entry_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(audit[0]!.fields).not.toContain('Jan'); // field names only, no personal data

      const idem = await one<{ n: number }>('SELECT count(*) AS n FROM idempotency_keys WHERE tenant_id = ?', tenant.tenantId);
      expect(idem).toEqual([{ n: 1 }]);

      const triggers = await one<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log' ORDER BY name");
      expect(triggers.map((t) => t.name)).toEqual(['audit_log_no_delete', 'audit_log_no_update']);
      await expect(d1.prepare("UPDATE audit_log SET actor_id = 'x' WHERE tenant_id = ?").bind(tenant.tenantId).run()).rejects.toThrow(/append-only/);
      await expect(d1.prepare('DELETE FROM audit_log WHERE tenant_id = ?').bind(tenant.tenantId).run()).rejects.toThrow(/append-only/);
    });
  }, 90_000);
});
