import { Hono, type Context } from 'hono';
import { FollowUpPutSchema, type TenantBreachExport, type TenantBreachList, type TenantBreachView } from '../../../../sdk/src/admin/breaches.js';
import { problem } from '../../lib/problem.js';
import { tenantBreachCsv } from '../../breaches/csv.js';
import { recordFollowUp } from '../../breaches/follow-up.js';
import { tenantBreaches } from '../../breaches/store.js';
import { tenantView } from '../../breaches/views.js';
import type { AdminEnv } from '../env.js';
import { requirePermission, requireTenant } from '../guards.js';
import { actorOf, tenantOf } from '../principal.js';
import { readBody } from '../http/body.js';
import { breachDownload } from './export.js';
import { instantErrors } from './input.js';

const read = [requirePermission('registers.read'), requireTenant] as const;
const manage = [requirePermission('registers.manage'), requireTenant] as const;

/**
 * R18, the tenant's side under /v1/admin/breaches: the breaches this tenant was notified of
 * (read: owner, auditor), never with other tenants' names, and the owner's follow-up. A breach
 * that does not affect this tenant, or of which it was not notified yet, is 404.
 */
export function breachRoutes() {
  const r = new Hono<AdminEnv>();
  const mine = async (c: Context<AdminEnv>, id?: string): Promise<TenantBreachView[]> =>
    (await tenantBreaches(c.var.deps.db, tenantOf(c.var.principal), id)).map((x) => tenantView(x.breach, x.mine));

  r.get('/', ...read, async (c) => c.json({ items: await mine(c) } satisfies TenantBreachList));

  /** Logged as `breaches_json` before it is sent. */
  r.get('/export.json', ...read, async (c) => {
    const items = await mine(c);
    return breachDownload(c, {
      format: 'json', kind: 'breaches_json', logTenant: tenantOf(c.var.principal), filename: 'breaches', rowCount: items.length,
      body: (exportId, now) => JSON.stringify({ items, exportId, exportedAt: new Date(now).toISOString() } satisfies TenantBreachExport),
    });
  });

  /** One row per breach; logged as `breaches_csv` before it is sent. */
  r.get('/export.csv', ...read, async (c) => {
    const items = await mine(c);
    return breachDownload(c, {
      format: 'csv', kind: 'breaches_csv', logTenant: tenantOf(c.var.principal), filename: 'breaches', rowCount: items.length,
      body: (_id, _now, d) => tenantBreachCsv(items, d),
    });
  });

  r.get('/:id', ...read, async (c) => {
    const [b] = await mine(c, c.req.param('id'));
    return b ? c.json(b) : problem('not_found');
  });

  /** The owner's follow-up: reported to the authority or not, when, why. Replaces the previous one; audited. */
  r.put('/:id/follow-up', ...manage, async (c) => {
    const { db, clock } = c.var.deps;
    const tenantId = tenantOf(c.var.principal);
    const [x] = await tenantBreaches(db, tenantId, c.req.param('id'));
    if (!x) return problem('not_found');
    const now = clock.now();
    const body = await readBody(c, FollowUpPutSchema, (raw) => (raw.reportedToAuthority === true ? instantErrors(raw.reportedAt, 'reportedAt', now, x.breach.discoveredAt) : []));
    if (!body.ok) return body.res;
    const { reportedToAuthority, reportedAt, note } = body.data;
    await recordFollowUp(db, c.var.audit, { tenantId, breachId: x.breach.id, actor: actorOf(c.var.principal), reportedToAuthority, reportedAt: reportedAt ?? null, note, now });
    const [b] = await mine(c, x.breach.id);
    return c.json(b!);
  });
  return r;
}
