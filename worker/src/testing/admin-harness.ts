import { eq } from 'drizzle-orm';
import { apiKeys, cases, partnerOrgs, tenants, users } from '../db/schema.js';
import { AuditWriter } from '../audit/log.js';
import { createTenant } from '../tenants/create.js';
import { uuidv7 } from '../lib/ids.js';
import { hashPassword, TEST_PARAMS } from '../admin/auth/password.js';
import { createSession } from '../admin/sessions.js';
import { secretKey, tokenHash } from '../admin/tokens.js';
import type { PartnerType, Role } from '../../../sdk/src/admin/roles.js';
import type { CaseKind } from '../../../sdk/src/schemas/index.js';
import { makeHarness, ORIGIN, PRIVACY_URL, validCase } from './harness.js';

/** How a test calls the admin API: a session cookie, an sk_ key, or nothing. */
export type As = { cookie: string } | { bearer: string } | null;

/** `app.request` runs at http://localhost, so the admin's own origin is this. */
export const ADMIN_ORIGIN = 'http://localhost';

/**
 * The real app on a real database with two tenants (`tenant`, `other`), and helpers to add
 * users, partner organisations, sessions and sk_ keys directly, and to call the admin API
 * as any of them. Passwords use cheap argon2 parameters unless a test asks otherwise.
 */
export async function makeAdminHarness(opts: Parameters<typeof makeHarness>[0] = {}) {
  const h = await makeHarness(opts);
  const db = h.db;
  const now = () => Date.now();
  const clockNow = () => (opts.clock ?? { now }).now();
  const other = await createTenant(db, new AuditWriter(db), clockNow(), { name: 'Andere Winkel', origins: ['https://other.example'], privacyUrl: 'https://other.example/privacy' });

  async function addOrg(tenantId: string, type: PartnerType, name = `${type} BV`) {
    const id = uuidv7(clockNow());
    await db.insert(partnerOrgs).values({ id, tenantId, name, type, createdAt: clockNow(), disabledAt: null });
    return id;
  }

  let n = 0;
  async function addUser(o: { tenantId: string | null; role: Role; partnerOrgId?: string | null; loginCode?: string; password?: string; totpSecret?: string | null; owaspHash?: boolean }) {
    const id = uuidv7(clockNow());
    const password = o.password ?? 'paarse-olifant-fietst-snel';
    const loginCode = o.loginCode ?? `${o.role}-${++n}-${id.slice(-6)}`;
    const t = clockNow();
    await db.insert(users).values({
      id, tenantId: o.tenantId, loginCode, displayName: `Test ${o.role}`, role: o.role, partnerOrgId: o.partnerOrgId ?? null,
      passwordHash: await hashPassword(password, o.owaspHash ? undefined : TEST_PARAMS),
      totpSecret: o.totpSecret ?? null, totpEnabledAt: o.totpSecret ? t : null, totpLastStep: null,
      locale: 'nl', createdAt: t, updatedAt: t, lastLoginAt: null, disabledAt: null,
    });
    const [t2] = o.tenantId ? await db.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.id, o.tenantId)) : [];
    /** What the user types at sign-in: `code@slug` (operators: the code). */
    const signIn = t2 ? `${loginCode}@${t2.slug}` : loginCode;
    return { id, loginCode, password, signIn };
  }

  /** A full session for a user, as its cookie. */
  async function sessionFor(userId: string): Promise<As> {
    const [u] = await db.select().from(users).where(eq(users.id, userId));
    const { token } = await createSession(db, { userId, tenantId: u!.tenantId, stage: 'full', now: clockNow(), ip: '203.0.113.7' });
    return { cookie: `aftercare_session=${token}` };
  }

  /** A user of `role` with a session in one go. */
  async function as(role: Role, o: { tenantId?: string | null; partnerOrgId?: string | null } = {}) {
    const tenantId = o.tenantId !== undefined ? o.tenantId : role === 'operator' ? null : h.tenant.tenantId;
    const user = await addUser({ tenantId, role, partnerOrgId: o.partnerOrgId ?? null });
    return { user, auth: await sessionFor(user.id) };
  }

  /**
   * An sk_ key, created by `createdBy` (default: a new owner of the key's tenant, so the key
   * acts with its own role; see worker/src/admin/key-rights.ts).
   */
  async function keyFor(o: { tenantId?: string; role: Role; partnerOrgId?: string | null; name?: string; createdBy?: string; expiresAt?: number | null }): Promise<As> {
    const tenantId = o.tenantId ?? h.tenant.tenantId;
    const createdBy = o.createdBy ?? (await addUser({ tenantId, role: 'owner' })).id;
    const key = secretKey();
    await db.insert(apiKeys).values({
      id: uuidv7(clockNow()), tenantId, name: o.name ?? 'test key', prefix: key.slice(0, 12), secretHash: tokenHash(key),
      role: o.role, partnerOrgId: o.partnerOrgId ?? null, createdBy, createdAt: clockNow(), expiresAt: o.expiresAt ?? null, lastUsedAt: null, revokedAt: null,
    });
    return { bearer: key };
  }

  /**
   * Calls the admin API (`path` under /v1/admin). State-changing calls with a cookie carry the
   * CSRF header and the admin origin unless `headers` overrides them.
   */
  function admin(path: string, o: { as: As; method?: string; body?: unknown; headers?: Record<string, string> } = { as: null }) {
    const method = o.method ?? (o.body === undefined ? 'GET' : 'POST');
    const headers: Record<string, string> = {};
    if (o.as && 'cookie' in o.as) {
      headers.cookie = o.as.cookie;
      if (!['GET', 'HEAD'].includes(method)) Object.assign(headers, { origin: ADMIN_ORIGIN, 'x-aftercare-csrf': '1' });
    }
    if (o.as && 'bearer' in o.as) headers.authorization = `Bearer ${o.as.bearer}`;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    return h.app.request(`/v1/admin${path}`, {
      method,
      headers: { ...headers, ...o.headers },
      body: o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body),
    });
  }

  /** Submits a case through the public API (the widget's path); returns its id and reference. */
  async function submitCase(kind: CaseKind = 'repair', change: (c: ReturnType<typeof validCase>) => void = () => {}) {
    const body = validCase(kind, h.config);
    change(body);
    const res = await h.submit(body);
    if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${await res.text()}`);
    const { reference } = (await res.json()) as { reference: string };
    const [row] = await db.select({ id: cases.id, subjectId: cases.subjectId }).from(cases).where(eq(cases.reference, reference));
    return { id: row!.id, subjectId: row!.subjectId, reference };
  }

  /** Submits a case for the other tenant, through its own key and origin. */
  async function submitOtherCase(kind: CaseKind = 'repair') {
    const cfgRes = await h.app.request('/v1/config', { headers: { authorization: `Bearer ${other.publishableKey}`, origin: 'https://other.example' } });
    const cfg = (await cfgRes.json()) as Parameters<typeof validCase>[1];
    const body = validCase(kind, cfg);
    body.pageUrl = 'https://other.example/service';
    const res = await h.app.request('/v1/cases', {
      method: 'POST',
      headers: { authorization: `Bearer ${other.publishableKey}`, origin: 'https://other.example', 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), 'user-agent': 'vitest' },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${await res.text()}`);
    const { reference } = (await res.json()) as { reference: string };
    const [row] = await db.select({ id: cases.id, subjectId: cases.subjectId }).from(cases).where(eq(cases.reference, reference));
    return { id: row!.id, subjectId: row!.subjectId, reference };
  }

  return { ...h, other, addOrg, addUser, sessionFor, as, keyFor, admin, submitCase, submitOtherCase, ORIGIN, PRIVACY_URL };
}
export type AdminHarness = Awaited<ReturnType<typeof makeAdminHarness>>;
