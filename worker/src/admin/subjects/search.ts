import { and, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { SubjectSearchItem, SubjectSearchResult } from '../../../../sdk/src/admin/subjects.js';
import { subjects } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import { prefixEnd, type SearchTerms } from './search-terms.js';

export const SEARCH_LIMIT = 50;

const likePrefix = (s: string) => `${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/**
 * The WHERE clause of a subject search: one OR arm per term, each repeating the tenant so
 * SQLite answers every arm from an index (a MULTI-INDEX OR over subjects_tenant_email,
 * _phone, _postcode, _last_name: no table scan; search.test.ts checks the plan).
 */
export function searchWhere(tenantId: string, terms: SearchTerms): SQL | undefined {
  const tenant = eq(subjects.tenantId, tenantId);
  const arms: (SQL | undefined)[] = [];
  if (terms.email) arms.push(and(tenant, eq(subjects.email, terms.email)));
  if (terms.phones.length) arms.push(and(tenant, inArray(subjects.phone, terms.phones)));
  if (terms.postcodes.length) arms.push(and(tenant, inArray(subjects.postcode, terms.postcodes)));
  for (const name of terms.names) {
    const first = name.firstPrefix ? sql`${subjects.firstName} LIKE ${likePrefix(name.firstPrefix)} ESCAPE '\\'` : undefined;
    for (const p of name.lastPrefixes) arms.push(and(tenant, gte(subjects.lastName, p), lt(subjects.lastName, prefixEnd(p)), first));
  }
  if (!arms.length) return undefined;
  return and(or(...arms), isNull(subjects.anonymizedAt));
}

/** Up to SEARCH_LIMIT subjects of the tenant matching the terms, never anonymised ones, by name. */
export async function searchSubjects(db: Db, tenantId: string, terms: SearchTerms): Promise<SubjectSearchResult> {
  const where = searchWhere(tenantId, terms);
  if (!where) return { items: [], truncated: false };
  const rows = await searchQuery(db, where).limit(SEARCH_LIMIT + 1);
  const items: SubjectSearchItem[] = rows.slice(0, SEARCH_LIMIT).map((r) => ({
    id: r.id, name: `${r.firstName} ${r.lastName}`, email: r.email, phone: r.phone, postcode: r.postcode, city: r.city,
    caseCount: Number(r.caseCount), createdAt: r.createdAt,
  }));
  items.sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.createdAt - b.createdAt);
  return { items, truncated: rows.length > SEARCH_LIMIT };
}

/** The select, without limit (the plan test explains it). No ORDER BY: sorting would read every match. */
export function searchQuery(db: Db, where: SQL) {
  return db
    .select({
      id: subjects.id, firstName: subjects.firstName, lastName: subjects.lastName, email: subjects.email, phone: subjects.phone,
      postcode: subjects.postcode, city: subjects.city, createdAt: subjects.createdAt,
      // Written out: drizzle leaves columns unqualified here, which inside the subquery would bind to `cases`.
      caseCount: sql<number>`(SELECT count(*) FROM "cases" WHERE "cases"."tenant_id" = "subjects"."tenant_id" AND "cases"."subject_id" = "subjects"."id")`,
    })
    .from(subjects)
    .where(where);
}
