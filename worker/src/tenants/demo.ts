import { and, eq, isNull } from 'drizzle-orm';
import { keyOrigins, partnerOrgs, publishableKeys, users } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { AuditWriter, auditInsert } from '../audit/log.js';
import { uuidv7 } from '../lib/ids.js';
import { createUser, generatePassword } from '../admin/auth/create-user.js';
import { createTenant } from './create.js';
import { signInNameOf, tenantSlugOf } from '../admin/auth/login-code.js';

export const DEMO_TENANT_NAME = 'Demo Winkel';

/**
 * The demo tenant for a local run: created on first start with the server's own origins
 * allowed and the slug `demo` (its users sign in as `demo-eigenaar@demo`); on later starts
 * the existing key for that origin is reused.
 */
export async function ensureDemoTenant(db: Db, now: number, baseUrl: string): Promise<{ tenantId: string; slug: string; publishableKey: string; created: boolean }> {
  const origin = new URL(baseUrl).origin;
  const [existing] = await db
    .select({ tenantId: publishableKeys.tenantId, key: publishableKeys.key })
    .from(keyOrigins)
    .innerJoin(publishableKeys, eq(publishableKeys.id, keyOrigins.keyId))
    .where(and(eq(keyOrigins.origin, origin), isNull(publishableKeys.revokedAt)))
    .limit(1);
  if (existing) return { tenantId: existing.tenantId, slug: (await tenantSlugOf(db, existing.tenantId)) ?? '', publishableKey: existing.key, created: false };
  const port = new URL(baseUrl).port;
  const origins = [...new Set([origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`])];
  const t = await createTenant(db, new AuditWriter(db), now, {
    name: DEMO_TENANT_NAME,
    origins,
    privacyUrl: `${origin}/demo/privacy.html`,
    locales: ['nl', 'en', 'de', 'fr'],
  }, 'demo-setup', { slug: 'demo' });
  return { ...t, created: true };
}

/** The demo's admin users (R13/R15): one per role, a carrier partner among them. */
export const DEMO_CARRIER = 'Snelle Koeriers';
export const DEMO_USERS = [
  { loginCode: 'demo-eigenaar', role: 'owner', displayName: 'Demo Eigenaar' },
  { loginCode: 'demo-medewerker', role: 'staff', displayName: 'Demo Medewerker' },
  { loginCode: 'demo-koerier', role: 'partner', displayName: 'Demo Koerier' },
  { loginCode: 'demo-auditor', role: 'auditor', displayName: 'Demo Auditor' },
] as const;

/** `signInName` is what to type at sign-in: `<login code>@<tenant slug>`. */
export type DemoUser = { loginCode: string; signInName: string; role: string; password: string | null; created: boolean };

/**
 * Creates, once, the demo admin users of a tenant with generated passwords, and the carrier
 * organisation "Snelle Koeriers" for `demo-koerier`. `known` holds the passwords kept from an
 * earlier start (the host keeps them in a file; this module stays free of node: imports);
 * an existing user whose password is not known comes back with `password: null`.
 */
export async function ensureDemoUsers(db: Db, now: number, tenantId: string, known: Record<string, string> = {}): Promise<DemoUser[]> {
  const audit = new AuditWriter(db);
  const actor = { actorType: 'system' as const, actorId: 'demo-setup' };
  let [org] = await db.select({ id: partnerOrgs.id }).from(partnerOrgs).where(and(eq(partnerOrgs.tenantId, tenantId), eq(partnerOrgs.name, DEMO_CARRIER))).limit(1);
  if (!org) {
    org = { id: uuidv7(now) };
    const entry = { id: uuidv7(now), at: now, ...actor, action: 'partner_org.created', entityType: 'partner_org', entityId: org.id, fields: ['name', 'type'] };
    await audit.withAppend(tenantId, [entry], (rows) =>
      db.batch([db.insert(partnerOrgs).values({ id: org!.id, tenantId, name: DEMO_CARRIER, type: 'carrier', createdAt: now, disabledAt: null }), auditInsert(db, rows)]),
    );
  }
  const out: DemoUser[] = [];
  const slug = await tenantSlugOf(db, tenantId);
  for (const u of DEMO_USERS) {
    const signInName = signInNameOf(u.loginCode, slug);
    const [existing] = await db.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.loginCode, u.loginCode))).limit(1);
    if (existing) {
      out.push({ loginCode: u.loginCode, signInName, role: u.role, password: known[u.loginCode] ?? null, created: false });
      continue;
    }
    const password = generatePassword();
    await createUser(db, audit, now, { tenantId, role: u.role, loginCode: u.loginCode, displayName: u.displayName, password, partnerOrgId: u.role === 'partner' ? org.id : null }, actor);
    out.push({ loginCode: u.loginCode, signInName, role: u.role, password, created: true });
  }
  return out;
}
