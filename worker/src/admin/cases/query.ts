import { and, asc, desc, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { CaseFilter } from '../../../../sdk/src/admin/cases.js';
import { cases } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import { tenantOf, type Principal } from '../principal.js';
import { decodeCursor, encodeCursor, type Cursor } from './cursor.js';
import { startOfDay } from './dates.js';
import { searchCondition } from './search.js';
import { searchTerms, type SearchTerms } from './search-terms.js';
import { audienceOf, maysee } from '../projection.js';

export { CursorError } from './cursor.js';
export { caseDocuments } from './documents.js';

/** A row of `cases` as the list pages through them. */
export type CaseRow = typeof cases.$inferSelect;

/**
 * Which index serves a list. SQLite has no statistics here (no ANALYZE) and would sometimes
 * sort a whole kind's cases instead of walking the date index, so the choice is made here and
 * every term the chosen index does not serve is written `+col` (unary plus: not indexable).
 * - `search`: the ids the search finds (each meaning by its own index), then sorted — small.
 * - `kind_status`: kind and status both given, sort by created → (tenant, kind, status, created, id).
 * - `org`: partner scope or org filter, sort by created → (tenant, org, created, id).
 * - `created` / `updated`: (tenant, created|updated, id), other filters checked per row.
 */
type Plan = 'search' | 'kind_status' | 'org' | 'created' | 'updated';

function planOf(principal: Principal, f: CaseFilter): Plan {
  if (f.q) return 'search';
  if (f.sort === 'updated') return 'updated';
  if (f.kind && f.status) return 'kind_status';
  if (principal.role === 'partner' || f.org) return 'org';
  return 'created';
}

/** `col`, or `+col` when the chosen index must not be bypassed through it. */
const col = (c: AnyColumn, indexed: boolean) => (indexed ? sql`${c}` : sql`+${c}`);

const NOTHING = sql`0`;

/**
 * The WHERE condition of a case list for `principal`: its tenant (never from the request),
 * a partner's own organisation only (R22), and every filter of `filter` including the search.
 * Use it with `listCaseRows`' ORDER BY (it marks which terms may use an index for that order).
 * Auditors and operators never reach it (routes check `cases.read` first).
 */
export function caseWhere(principal: Principal, filter: CaseFilter): SQL {
  const tenantId = tenantOf(principal);
  const plan = planOf(principal, filter);
  const terms: (SQL | undefined)[] = [sql`${col(cases.tenantId, plan !== 'search')} = ${tenantId}`];
  if (principal.role === 'partner') {
    terms.push(principal.partnerOrgId ? sql`${col(cases.assignedOrgId, plan === 'org')} = ${principal.partnerOrgId}` : NOTHING);
  }
  if (filter.org === 'none') terms.push(sql`${col(cases.assignedOrgId, plan === 'org' && principal.role !== 'partner')} IS NULL`);
  else if (filter.org) terms.push(sql`${col(cases.assignedOrgId, plan === 'org' && principal.role !== 'partner')} = ${filter.org}`);
  if (filter.kind) terms.push(sql`${col(cases.kind, plan === 'kind_status')} = ${filter.kind}`);
  if (filter.status) terms.push(sql`${col(cases.status, plan === 'kind_status')} = ${filter.status}`);
  const datesIndexed = plan === 'created' || plan === 'kind_status' || plan === 'org';
  if (filter.from) terms.push(sql`${col(cases.createdAt, datesIndexed)} >= ${startOfDay(filter.from)}`);
  if (filter.to) terms.push(sql`${col(cases.createdAt, datesIndexed)} < ${startOfDay(filter.to, 1)}`);
  if (filter.q) terms.push(searchCondition(tenantId, searchableBy(principal, searchTerms(filter.q))) ?? NOTHING);
  return and(...terms)!;
}

/**
 * R22: a search may only match on fields the caller may see — otherwise a carrier could test
 * whether an e-mail address belongs to one of its cases. Meanings on hidden fields are dropped.
 */
export function searchableBy(principal: Principal, t: SearchTerms): SearchTerms {
  const audience = audienceOf(principal);
  if (!audience) return { postcodes: [], serials: [], names: [] };
  return {
    reference: t.reference,
    email: maysee(audience, 'subject.email') ? t.email : undefined,
    postcodes: maysee(audience, 'subject.postcode') ? t.postcodes : [],
    serials: maysee(audience, 'product.serialNumber') ? t.serials : [],
    names: maysee(audience, 'subject.lastName') ? t.names : [],
  };
}

/** The keyset condition after `cursor` for the filter's sort and order. */
function after(cursor: Cursor, plan: Plan): SQL {
  const sortCol = cursor.sort === 'updated' ? cases.updatedAt : cases.createdAt;
  const indexed = plan !== 'search';
  const op = cursor.order === 'desc' ? sql`<` : sql`>`;
  return sql`(${col(sortCol, indexed)}, ${col(cases.id, indexed)}) ${op} (${cursor.value}, ${cursor.id})`;
}

/**
 * The page query itself (up to `limit` rows after `cursor`), exposed so tests and the bench can
 * EXPLAIN QUERY PLAN exactly what the list runs. Throws `CursorError` for a foreign cursor.
 */
export function caseListQuery(db: Db, principal: Principal, filter: CaseFilter, opts: { limit: number; cursor?: string | null }) {
  const plan = planOf(principal, filter);
  const cursor = opts.cursor ? decodeCursor(opts.cursor, filter.sort, filter.order) : null;
  const sortCol = filter.sort === 'updated' ? cases.updatedAt : cases.createdAt;
  const dir = filter.order === 'asc' ? asc : desc;
  const where = and(caseWhere(principal, filter), cursor ? after(cursor, plan) : undefined);
  return db.select().from(cases).where(where).orderBy(dir(sortCol), dir(cases.id)).limit(opts.limit);
}

/**
 * One keyset page of the cases `principal` may see that match `filter`, sorted by
 * `filter.sort` then id (stable with equal timestamps). `opts` override the filter's own
 * `limit`/`cursor` (exports pass a larger limit and follow `nextCursor` until it is null).
 * Throws `CursorError` for a cursor that is not valid for this sort and order.
 */
export async function listCaseRows(
  db: Db,
  principal: Principal,
  filter: CaseFilter,
  opts: { limit?: number; cursor?: string | null } = {},
): Promise<{ rows: CaseRow[]; nextCursor: string | null }> {
  const limit = opts.limit ?? filter.limit;
  const rows = await caseListQuery(db, principal, filter, { limit: limit + 1, cursor: opts.cursor !== undefined ? opts.cursor : filter.cursor });
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  const nextCursor = more && last
    ? encodeCursor({ sort: filter.sort, order: filter.order, value: filter.sort === 'updated' ? last.updatedAt : last.createdAt, id: last.id })
    : null;
  return { rows: page, nextCursor };
}

/** One case of the principal's tenant (and, for a partner, assigned to its organisation); null otherwise. */
export async function findCaseRow(db: Db, principal: Principal, id: string): Promise<CaseRow | null> {
  const scope = principal.role === 'partner' ? (principal.partnerOrgId ? eq(cases.assignedOrgId, principal.partnerOrgId) : NOTHING) : undefined;
  const [row] = await db.select().from(cases).where(and(eq(cases.id, id), eq(cases.tenantId, tenantOf(principal)), scope)).limit(1);
  return row ?? null;
}
