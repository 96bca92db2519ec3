import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditWriter } from '../worker/src/audit/log.js';
import { createTenant } from '../worker/src/tenants/create.js';
import { applyLocalD1Migrations, withLocalD1 } from '../worker/src/hosts/cloudflare-local.js';
import { ORIGIN, PRIVACY_URL } from '../worker/src/testing/harness.js';
import { startLocalWorker, WRANGLER_TOML, type LocalWorker } from './workerd/local-worker.js';
import { users } from '../worker/src/db/schema.js';
import { hashPassword } from '../worker/src/admin/auth/password.js';
import { ACCOUNT } from '../worker/src/admin/auth/throttle.js';
import { newTotpSecret, totpAt } from '../worker/src/admin/auth/totp.js';
import { uuidv7 } from '../worker/src/lib/ids.js';

/**
 * Issue 9 item 1 in real workerd with local D1 (started by wrangler as in workerd.test.ts):
 * parallel wrong TOTP codes used to be checked far beyond the budget (29 of 300 where 5 are
 * allowed; 81 and 253 of 300 here), because the lock was read before and the failure written after
 * each check. workerd has no clock a test can hold: past the budget each further check needs
 * the previous lock (1, 2, 4 … s) to have run out, so within the test's 90 s at most 7 more
 * (1 + 2 + … + 64 > 90) can be checked on a slow machine, whatever its speed.
 */
const BURST = 300;
const TEST_TIMEOUT_S = 90;
const RAN_OUT = Math.floor(Math.log2(TEST_TIMEOUT_S + 1)) + 1;
const PASSWORD = 'workerd-totp-wachtwoord';
const SECRET = newTotpSecret();

describe('the Worker in workerd brakes parallel guesses (local D1)', () => {
  let persistTo: string;
  let worker: LocalWorker | undefined;
  let slug = '';
  const local = { configPath: WRANGLER_TOML, get persistTo() { return persistTo; } };

  beforeAll(async () => {
    persistTo = mkdtempSync(path.join(tmpdir(), 'aftercare-workerd-throttle-'));
    await applyLocalD1Migrations(local);
    const tenant = await withLocalD1(local, (db) => createTenant(db, new AuditWriter(db), Date.now(), { name: 'Fietsenwinkel Workerd', origins: [ORIGIN], privacyUrl: PRIVACY_URL }));
    slug = tenant.slug;
    const passwordHash = await hashPassword(PASSWORD);
    await withLocalD1(local, (db) =>
      db.insert(users).values({
        id: uuidv7(), tenantId: tenant.tenantId, loginCode: 'workerd-totp', displayName: 'Medewerker', role: 'staff', partnerOrgId: null, passwordHash,
        totpSecret: SECRET, totpEnabledAt: Date.now(), totpLastStep: null, locale: 'nl', createdAt: Date.now(), updatedAt: Date.now(), lastLoginAt: null, disabledAt: null,
      }),
    );
    worker = await startLocalWorker(persistTo);
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    if (persistTo) rmSync(persistTo, { recursive: true, force: true });
  }, 60_000);

  const post = (p: string, body: unknown, cookie?: string) =>
    fetch(`${worker!.url}/v1/admin/auth${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: worker!.url, 'x-aftercare-csrf': '1', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });

  it(`${BURST} parallel wrong TOTP codes: at most the budget checked (plus locks run out), the rest 429`, async () => {
    const login = await post('/login', { loginCode: `workerd-totp@${slug}`, password: PASSWORD });
    expect(login.status, await login.clone().text()).toBe(200);
    expect(await login.json()).toEqual({ stage: 'totp' });
    const mfa = login.headers.get('set-cookie')!.split(';')[0]!;
    const right = totpAt(SECRET, Date.now());
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
    const all = await Promise.all(Array.from({ length: BURST }, () => post('/totp', { code: wrong }, mfa)));
    const bodies = await Promise.all(all.map((r) => r.text()));
    // wrangler's dev proxy now and then answers a request itself when workerd restarts under the
    // burst; that answer is not ours and no code was checked for it.
    const ours = all.map((r, i) => ({ status: r.status, body: bodies[i]!, retryAfter: r.headers.get('retry-after') })).filter((r) => !r.body.includes('restarted mid-request'));
    expect(ours.length).toBeGreaterThan(BURST - 20);
    const checked = ours.filter((r) => r.status === 401).length;
    expect(checked, String(ours.map((r) => r.status))).toBeGreaterThanOrEqual(ACCOUNT.free);
    expect(checked).toBeLessThanOrEqual(ACCOUNT.free + RAN_OUT);
    const refused = ours.filter((r) => r.status !== 401);
    expect(refused.length).toBe(ours.length - checked);
    for (const r of refused) {
      expect(r.status).toBe(429);
      expect((JSON.parse(r.body) as { code: string }).code).toBe('rate_limited');
      expect(r.retryAfter).toMatch(/^\d+$/);
    }
  }, TEST_TIMEOUT_S * 1000);
});
