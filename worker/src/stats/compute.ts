import { CASE_KINDS, type CaseKind } from '../../../sdk/src/schemas/case.js';
import { ADMIN_CASE_STATUSES } from '../../../sdk/src/admin/workflow.js';
import { STATS_MIN_COUNT, type CaseStatistics, type PlatformStatistics } from '../../../sdk/src/admin/stats.js';
import type { Db } from '../db/types.js';
import { rawStats, tenantTotals, type RawStats } from './query.js';
import { cell, hidden, shown, suppressList, suppressModels } from './suppress.js';

const DAY_MS = 86_400_000;

/** `YYYY-MM` of the `months` calendar months ending with the later of `now`'s month and `latest`. */
export function monthWindow(now: number, months: number, latest?: string): string[] {
  const d = new Date(now);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth() + 1;
  if (latest && latest > `${y}-${String(m).padStart(2, '0')}`) [y, m] = latest.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 0; i < months; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    if (--m === 0) [y, m] = [y - 1, 12];
  }
  return out;
}

const countOf = (rows: { key: string; n: number }[], key: string) => rows.find((r) => r.key === key)?.n ?? 0;

/** Raw counts → the suppressed, shaped statistics. Pure (tests feed it random data). */
export function shapeStats(raw: RawStats, o: { now: number; months: number }): CaseStatistics {
  const total = raw.byKind.reduce((s, r) => s + r.n, 0);
  const kinds = suppressList(CASE_KINDS.map((k) => countOf(raw.byKind, k)));
  const statuses = suppressList(ADMIN_CASE_STATUSES.map((s) => countOf(raw.byStatus, s)));
  const latest = raw.byMonth.reduce<string | undefined>((a, r) => (!a || r.key > a ? r.key : a), undefined);
  const window = monthWindow(o.now, o.months, latest);
  const earlier = raw.byMonth.filter((r) => r.key < window[0]!).reduce((s, r) => s + r.n, 0);
  const months = suppressList([earlier, ...window.map((m) => countOf(raw.byMonth, m))]);
  const models = suppressModels(raw.byModel.map((r) => ({ brand: r.brand, model: r.model, count: r.n })));
  return {
    generatedAt: new Date(o.now).toISOString(),
    minCount: STATS_MIN_COUNT,
    total: cell(total),
    byKind: CASE_KINDS.map((kind, i) => ({ kind, ...kinds[i]! })),
    byStatus: ADMIN_CASE_STATUSES.map((status, i) => ({ status, ...statuses[i]! })),
    byMonth: window.map((month, i) => ({ month, ...months[i + 1]! })),
    earlier: months[0]!,
    byModel: models.byModel.map((m) => ({ brand: m.brand, model: m.model, ...shown(m.count) })),
    otherModels: cell(models.other),
    resolution: CASE_KINDS.map((kind: CaseKind) => {
      const median = raw.resolution.find((r) => r.kind === kind)?.medianMs ?? null;
      return median === null ? { kind, medianDays: null, suppressed: true } : { kind, medianDays: Math.round((median / DAY_MS) * 10) / 10, suppressed: false };
    }),
  };
}

/** R23 for one tenant. */
export async function tenantStats(db: Db, tenantId: string, o: { now: number; months: number }): Promise<CaseStatistics> {
  return shapeStats(await rawStats(db, tenantId), o);
}

/** R23 across tenants (operator): the same shape over every case, plus each tenant's total only. */
export async function platformStats(db: Db, o: { now: number; months: number }): Promise<PlatformStatistics> {
  const [raw, totals] = await Promise.all([rawStats(db, null), tenantTotals(db)]);
  const cells = suppressList(totals.map((t) => t.n));
  return { ...shapeStats(raw, o), tenants: totals.map((t, i) => ({ tenantId: t.tenantId, name: t.name, ...(cells[i] ?? hidden) })) };
}
