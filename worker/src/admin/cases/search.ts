import { and, eq, exists, gte, inArray, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias, QueryBuilder } from 'drizzle-orm/sqlite-core';
import { cases, products, subjects } from '../../db/schema.js';
import type { SearchTerms } from './search-terms.js';

const qb = new QueryBuilder();
const sc = alias(cases, 'search_case');
const ss = alias(subjects, 'search_subject');
const sp = alias(products, 'search_product');

/** The greatest code point: `p <= x < p + MAX` is "x starts with p" in SQLite's BINARY order. */
const MAX = '\u{10FFFF}';
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** Subjects matching email, postcode or name: each disjunct carries the tenant so each uses its own index. */
function subjectMatch(tenantId: string, t: SearchTerms): SQL | undefined {
  const own = eq(ss.tenantId, tenantId);
  const parts: (SQL | undefined)[] = [];
  if (t.email) parts.push(and(own, eq(ss.email, t.email)));
  if (t.postcodes.length) parts.push(and(own, inArray(ss.postcode, t.postcodes)));
  for (const n of t.names) {
    const first = n.first ? sql`${ss.firstName} LIKE ${`${likeEscape(n.first)}%`} ESCAPE '\\'` : undefined;
    for (const last of n.last) parts.push(and(own, gte(ss.lastName, last), lt(ss.lastName, last + MAX), first));
  }
  return parts.length ? or(...parts) : undefined;
}

/**
 * `cases.id IN (…)`: the ids of the tenant's cases that `terms` find, each meaning by an index
 * (cases by reference; subjects by email, postcode, last name → cases by subject; products by
 * serial → cases by subject). Cases of anonymised subjects are never found (R10).
 * Undefined when the text can mean nothing searchable (the caller then finds nothing).
 */
export function searchCondition(tenantId: string, t: SearchTerms): SQL | undefined {
  const branches = [];
  if (t.reference) branches.push(qb.select({ id: sc.id }).from(sc).where(and(eq(sc.tenantId, tenantId), eq(sc.reference, t.reference))));
  const who = subjectMatch(tenantId, t);
  if (who) {
    const ids = qb.select({ id: ss.id }).from(ss).where(who);
    branches.push(qb.select({ id: sc.id }).from(sc).where(and(eq(sc.tenantId, tenantId), inArray(sc.subjectId, ids))));
  }
  if (t.serials.length) {
    // Products by serial → their subjects' cases (cases has no product index), then the product itself.
    const serial = and(eq(sp.tenantId, tenantId), inArray(sp.serialNumber, t.serials));
    branches.push(
      qb.select({ id: sc.id }).from(sc).where(and(
        eq(sc.tenantId, tenantId),
        inArray(sc.subjectId, qb.select({ id: sp.subjectId }).from(sp).where(serial)),
        inArray(sc.productId, qb.select({ id: sp.id }).from(sp).where(serial)),
      )),
    );
  }
  const [head, ...rest] = branches;
  if (!head) return undefined;
  const union = rest.reduce((u, b) => u.union(b) as never, head.$dynamic());
  const notErased = exists(qb.select({ one: sql`1` }).from(subjects).where(and(eq(subjects.id, cases.subjectId), isNull(subjects.anonymizedAt))));
  return and(inArray(cases.id, union), notErased);
}
