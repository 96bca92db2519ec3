import { and, eq, isNull, like, or } from 'drizzle-orm';
import { tenants, users } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import type { UserRow } from './view.js';

/**
 * R13/R15 sign-in names. Login codes are unique per tenant only (so creating a user never tells
 * an owner whether a code exists at another tenant); a tenant user therefore signs in as
 * `<code>@<tenant slug>` in the one login-code field, e.g. `demo-eigenaar@demo`. Platform
 * operators belong to no tenant and sign in with the plain code. See README.md, "Sign-in".
 */

/** A slug: 1–40 of `a-z 0-9 -`, starting and ending with a letter or digit. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const SLUG_MAX = 40;

/** What is typed, split: `tenantSlug` null for an operator's plain code. Already lowercased by the caller or here. */
export type SignInName = { loginCode: string; tenantSlug: string | null };

/**
 * Splits at the last `@`: `jan@demo` → code `jan` at tenant `demo`. Codes made before slugs
 * existed may hold an `@` themselves (`jan@shop@demo` still works). When what follows the last
 * `@` cannot be a slug (`ops@example.com`: slugs have no dot), the whole is an operator's code.
 */
export function parseSignInName(typed: string): SignInName {
  const name = typed.trim().toLowerCase();
  const at = name.lastIndexOf('@');
  if (at <= 0) return { loginCode: name, tenantSlug: null };
  const slug = name.slice(at + 1);
  if (!/^[a-z0-9-]{1,63}$/.test(slug)) return { loginCode: name, tenantSlug: null };
  return { loginCode: name.slice(0, at), tenantSlug: slug };
}

/** The name a user signs in with: `code@slug`, or the plain code for an operator. */
export const signInNameOf = (loginCode: string, tenantSlug: string | null) => (tenantSlug ? `${loginCode}@${tenantSlug}` : loginCode);

/**
 * The user a typed sign-in name belongs to, or undefined. One indexed lookup either way; the
 * caller still spends its one password hash on a miss, so timing tells nothing.
 */
export async function findUserBySignInName(db: Db, typed: string): Promise<UserRow | undefined> {
  const { loginCode, tenantSlug } = parseSignInName(typed);
  if (tenantSlug === null) {
    const [op] = await db.select().from(users).where(and(isNull(users.tenantId), eq(users.loginCode, loginCode))).limit(1);
    return op;
  }
  const [row] = await db
    .select({ user: users })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(eq(tenants.slug, tenantSlug), eq(users.loginCode, loginCode)))
    .limit(1);
  return row?.user;
}

/** A tenant's slug (null for none: operators). */
export async function tenantSlugOf(db: Db, tenantId: string | null): Promise<string | null> {
  if (!tenantId) return null;
  const [t] = await db.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  return t?.slug ?? null;
}

/**
 * A URL-safe slug from a tenant's name: accents dropped (`Café` → `cafe`), lowercase, every run
 * of other characters one `-`, at most 40 characters; `tenant` when nothing is left.
 */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
  return base || 'tenant';
}

/**
 * A free slug for a new tenant: `wanted` (checked) or the name's slug, with `-2`, `-3`, …
 * appended while another tenant has it. The unique index decides a race (the caller retries).
 */
export async function freeSlug(db: Db, name: string, wanted?: string): Promise<string> {
  const base = wanted ?? slugify(name);
  const rows = await db
    .select({ slug: tenants.slug })
    .from(tenants)
    .where(or(eq(tenants.slug, base), like(tenants.slug, `${base}-%`)));
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
