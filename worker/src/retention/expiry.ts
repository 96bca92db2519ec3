import { sql, type SQL } from 'drizzle-orm';
import { CASE_KINDS, type CaseKind } from '../../../sdk/src/schemas/case.js';
import { DEFAULT_WARRANTY_MONTHS, type RetentionPolicy } from '../../../sdk/src/admin/retention.js';

/** `'+N months'` for SQLite's date functions; `n` is a checked integer (1..600), bound as a parameter. */
const plus = (n: number) => sql`'+' || ${Math.trunc(n)} || ' months'`;
/** A `YYYY-MM-DD` (UTC midnight) plus `n` months, as epoch ms; NULL when the date is not a date. */
const dayPlus = (day: SQL, n: number) => sql`(CAST(strftime('%s', ${day}, ${plus(n)}) AS INTEGER) * 1000)`;
/** An epoch-ms column plus `n` months, as epoch ms (seconds precision); NULL when the column is NULL. */
const msPlus = (col: SQL, n: number) => sql`(CAST(strftime('%s', ${col} / 1000, 'unixepoch', ${plus(n)}) AS INTEGER) * 1000)`;

/** The warranty's end day: the case's `warrantyEndDate` answer if it is a date, else purchase + 24 months. */
const warrantyEnd = sql`COALESCE(date(json_extract(c.details, '$.warrantyEndDate')), date(p.purchase_date, ${plus(DEFAULT_WARRANTY_MONTHS)}))`;

function basisEnd(p: RetentionPolicy): SQL {
  switch (p.basis) {
    case 'purchase':
      return dayPlus(sql`p.purchase_date`, p.months);
    case 'warranty_end':
      return dayPlus(warrantyEnd, p.months);
    case 'closed':
      return msPlus(sql`c.closed_at`, p.months); // NULL while open: never expires
    case 'created':
      return msPlus(sql`c.created_at`, p.months);
  }
}

/**
 * SQL for the moment a case's retention ends (epoch ms), or NULL for "not while it is open":
 * the case's own `retention_until` when set, else its kind's policy. Expects the case as `c`
 * and its product as `p`. A kind not in {@link CASE_KINDS} never expires.
 */
export function caseExpirySql(policies: Record<CaseKind, RetentionPolicy>): SQL {
  const whens = CASE_KINDS.map((k) => sql`WHEN c.kind = ${k} THEN ${basisEnd(policies[k])}`);
  return sql`(CASE WHEN c.retention_until IS NOT NULL THEN c.retention_until ${sql.join(whens, sql` `)} ELSE NULL END)`;
}

/**
 * Per case of the tenant's not-yet-anonymised subjects: reference, kind, status, subject, its
 * expiry (`exp`), and over ALL the subject's cases: the latest expiry (`due`) and whether
 * every case has one (`n_exp = n`). A subject is due at `due` only when `n_exp = n`.
 */
export function casesWithExpiry(tenantId: string, policies: Record<CaseKind, RetentionPolicy>): SQL {
  return sql`
    SELECT e.*, MAX(e.exp) OVER w AS due, COUNT(e.exp) OVER w AS n_exp, COUNT(*) OVER w AS n
    FROM (
      SELECT c.id AS case_id, c.reference, c.kind, c.status, c.subject_id, ${caseExpirySql(policies)} AS exp
      FROM cases c
      JOIN products p ON p.id = c.product_id AND p.tenant_id = c.tenant_id
      JOIN subjects s ON s.id = c.subject_id AND s.tenant_id = c.tenant_id
      WHERE c.tenant_id = ${tenantId} AND s.anonymized_at IS NULL
    ) e
    WINDOW w AS (PARTITION BY e.subject_id)`;
}
