import { Hono } from 'hono';
import { StatsQuerySchema, type CaseStatistics, type PlatformStatistics } from '../../../../sdk/src/admin/stats.js';
import { platformStats, tenantStats } from '../../stats/compute.js';
import type { AdminEnv } from '../env.js';
import { requirePermission, requireTenant } from '../guards.js';
import { tenantOf } from '../principal.js';
import { parseQuery, queryObject } from '../exports/query-params.js';

const DEFAULT_MONTHS = 24;

/**
 * R23 anonymised statistics ({@link CaseStatistics}: small counts suppressed, no personal values).
 * - `GET /?months=24` (owner, auditor: `registers.read`) → the caller's tenant
 * - `GET /platform?months=24` (operator: `platform.manage`) → every tenant together, plus each tenant's total
 * Staff are not given statistics: they see the cases themselves, and the figures are for the
 * privacy officer's and auditor's reports.
 */
export function statsRoutes() {
  const r = new Hono<AdminEnv>();

  r.get('/', requirePermission('registers.read'), requireTenant, async (c) => {
    const q = parseQuery(StatsQuerySchema, queryObject(c.req.url));
    if ('refusal' in q) return q.refusal;
    const { db, clock } = c.var.deps;
    return c.json<CaseStatistics>(await tenantStats(db, tenantOf(c.var.principal), { now: clock.now(), months: q.output.months ?? DEFAULT_MONTHS }));
  });

  r.get('/platform', requirePermission('platform.manage'), async (c) => {
    const q = parseQuery(StatsQuerySchema, queryObject(c.req.url));
    if ('refusal' in q) return q.refusal;
    const { db, clock } = c.var.deps;
    return c.json<PlatformStatistics>(await platformStats(db, { now: clock.now(), months: q.output.months ?? DEFAULT_MONTHS }));
  });
  return r;
}
