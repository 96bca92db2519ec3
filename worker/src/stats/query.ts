import { count, eq, sql, type SQL } from 'drizzle-orm';
import { cases, products, tenants } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { STATS_MIN_COUNT } from '../../../sdk/src/admin/stats.js';

/**
 * R23: the raw counts behind the statistics, each one GROUP BY over non-personal columns only
 * (cases.kind/status/created_at/closed_at, products.brand/model). `tenantId` null = every
 * tenant (the operator's view). Suppression happens in compute.ts.
 */
export type RawStats = {
  byKind: { key: string; n: number }[];
  byStatus: { key: string; n: number }[];
  byMonth: { key: string; n: number }[];
  byModel: { brand: string; model: string; n: number }[];
  /** Closed cases per kind; `medianMs` only where n ≥ 5 (the database never returns a median of fewer). */
  resolution: { kind: string; n: number; medianMs: number | null }[];
};

const num = (v: unknown) => Number(v ?? 0);

export async function rawStats(db: Db, tenantId: string | null): Promise<RawStats> {
  const scope = tenantId === null ? undefined : eq(cases.tenantId, tenantId);
  const scopeSql: SQL = tenantId === null ? sql`1 = 1` : sql`tenant_id = ${tenantId}`;
  const month = sql<string>`strftime('%Y-%m', ${cases.createdAt} / 1000, 'unixepoch')`;
  const [byKind, byStatus, byMonth, byModel, resolution] = await Promise.all([
    db.select({ key: cases.kind, n: count() }).from(cases).where(scope).groupBy(cases.kind),
    db.select({ key: cases.status, n: count() }).from(cases).where(scope).groupBy(cases.status),
    db.select({ key: month, n: count() }).from(cases).where(scope).groupBy(month),
    db.select({ brand: products.brand, model: products.model, n: count() }).from(cases).innerJoin(products, eq(products.id, cases.productId)).where(scope).groupBy(products.brand, products.model),
    db.all<{ kind: string; n: number; median_ms: number | null }>(sql`
      WITH d AS (
        SELECT kind, closed_at - created_at AS dur,
          ROW_NUMBER() OVER (PARTITION BY kind ORDER BY closed_at - created_at) AS rn,
          COUNT(*) OVER (PARTITION BY kind) AS n
        FROM cases WHERE ${scopeSql} AND status = 'closed' AND closed_at IS NOT NULL)
      SELECT kind, n, CASE WHEN n >= ${STATS_MIN_COUNT} THEN AVG(dur) END AS median_ms
      FROM d WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY kind, n`),
  ]);
  return {
    byKind: byKind.map((r) => ({ key: r.key, n: num(r.n) })),
    byStatus: byStatus.map((r) => ({ key: r.key, n: num(r.n) })),
    byMonth: byMonth.map((r) => ({ key: String(r.key), n: num(r.n) })),
    byModel: byModel.map((r) => ({ brand: r.brand, model: r.model, n: num(r.n) })),
    resolution: resolution.map((r) => ({ kind: r.kind, n: num(r.n), medianMs: r.median_ms === null ? null : Number(r.median_ms) })),
  };
}

/** Every tenant with its number of cases (zero included), for the operator's view. */
export async function tenantTotals(db: Db): Promise<{ tenantId: string; name: string; n: number }[]> {
  const rows = await db
    .select({ tenantId: tenants.id, name: tenants.name, n: sql<number>`COUNT(${cases.id})` })
    .from(tenants)
    .leftJoin(cases, eq(cases.tenantId, tenants.id))
    .groupBy(tenants.id, tenants.name)
    .orderBy(tenants.name, tenants.id);
  return rows.map((r) => ({ tenantId: r.tenantId, name: r.name, n: num(r.n) }));
}
