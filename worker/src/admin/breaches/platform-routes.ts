import { Hono, type Context } from 'hono';
import {
  BreachCreateSchema, BreachPatchSchema, type PlatformBreachChanged, type PlatformBreachExport, type PlatformBreachList,
} from '../../../../sdk/src/admin/breaches.js';
import { problem } from '../../lib/problem.js';
import { platformBreachCsv } from '../../breaches/csv.js';
import { affectedOf, findBreach, hookedTenants, platformBreaches } from '../../breaches/store.js';
import { platformView } from '../../breaches/views.js';
import { notifyPending, NotifyConflict, recordBreach, updateBreach, type BreachChanges, type Notified } from '../../breaches/write.js';
import { PLATFORM_CHAIN } from '../../registers/announce.js';
import type { AdminEnv } from '../env.js';
import { requirePermission } from '../guards.js';
import { readBody } from '../http/body.js';
import { breachDownload } from './export.js';
import { instantErrors, tenantIdErrors } from './input.js';

/**
 * R18, the operator's side: the data-breach register under /v1/admin/platform-breaches
 * (`platform.manage`). Recording a breach notifies its affected tenants at once (unless
 * `notify: false`); the notification time of each tenant is what its 48-hour deadline is
 * measured against. Nothing is ever deleted (a trigger refuses it, art. 33(5)).
 */
export function platformBreachRoutes() {
  const r = new Hono<AdminEnv>();
  r.use('*', requirePermission('platform.manage'));

  const list = async (c: Context<AdminEnv>) => (await platformBreaches(c.var.deps.db)).map((x) => platformView(x.breach, x.affected, c.var.deps.clock.now()));
  const one = async (c: Context<AdminEnv>, id: string, notified: Notified): Promise<PlatformBreachChanged> => {
    const [x] = await platformBreaches(c.var.deps.db, id);
    return { ...platformView(x!.breach, x!.affected, c.var.deps.clock.now()), ...notified };
  };
  const conflict = (err: unknown) => {
    if (err instanceof NotifyConflict) return problem('conflict', { detail: 'Another change to this breach was saved at the same time; reload it.' });
    throw err;
  };

  /** Every breach, newest discovery first, with per tenant: notifiedAt, deadline status, follow-up. */
  r.get('/', async (c) => c.json({ items: await list(c) } satisfies PlatformBreachList));

  /** The register as JSON (logged as `platform_breaches_json` before it is sent). */
  r.get('/export.json', async (c) => {
    const items = await list(c);
    return breachDownload(c, {
      format: 'json', kind: 'platform_breaches_json', logTenant: PLATFORM_CHAIN, filename: 'breaches', rowCount: items.length,
      body: (exportId, now) => JSON.stringify({ items, exportId, exportedAt: new Date(now).toISOString() } satisfies PlatformBreachExport),
    });
  });

  /** The register as CSV, one row per breach and affected tenant (logged as `platform_breaches_csv`). */
  r.get('/export.csv', async (c) => {
    const items = await list(c);
    const comma = platformBreachCsv(items, ',');
    return breachDownload(c, {
      format: 'csv', kind: 'platform_breaches_csv', logTenant: PLATFORM_CHAIN, filename: 'breaches', rowCount: comma.rows,
      body: (_id, _now, d) => (d === ',' ? comma.text : platformBreachCsv(items, d).text),
    });
  });

  r.post('/', async (c) => {
    const { db, clock } = c.var.deps;
    const now = clock.now();
    let tenantIds: string[] = [];
    const body = await readBody(c, BreachCreateSchema, async (raw) => {
      const known = await tenantIdErrors(db, raw.tenantIds, 'tenantIds');
      tenantIds = known.ids;
      return [...instantErrors(raw.discoveredAt, 'discoveredAt', now), ...known.errors];
    });
    if (!body.ok) return body.res;
    const { discoveredAt, description, dataCategories, approxSubjects, consequences, measures, notify } = body.data;
    try {
      const done = await recordBreach(db, c.var.audit, {
        breach: { discoveredAt, description, dataCategories, approxSubjects, consequences, measures }, tenantIds, notify, operatorId: c.var.principal.id, now, hooked: await hookedTenants(db),
      });
      return c.json(await one(c, done.row.id, done), 201);
    } catch (err) {
      return conflict(err);
    }
  });

  r.get('/:id', async (c) => {
    const [x] = await platformBreaches(c.var.deps.db, c.req.param('id'));
    if (!x) return problem('not_found');
    return c.json(platformView(x.breach, x.affected, c.var.deps.clock.now()));
  });

  /** Later knowledge: replaced texts/categories/count, added tenants (notified at once unless `notify: false`). */
  r.patch('/:id', async (c) => {
    const { db, clock } = c.var.deps;
    const breach = await findBreach(db, c.req.param('id'));
    if (!breach) return problem('not_found');
    let added: string[] = [];
    const body = await readBody(c, BreachPatchSchema, async (raw) => {
      const known = await tenantIdErrors(db, raw.addTenantIds, 'addTenantIds');
      added = known.ids;
      return known.errors;
    });
    if (!body.ok) return body.res;
    const { addTenantIds: _added, notify, ...rest } = body.data;
    const already = new Set((await affectedOf(db, breach.id)).map((t) => t.tenantId));
    const changes: BreachChanges = Object.fromEntries(Object.entries(rest).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(breach[k as keyof typeof breach])));
    try {
      const done = await updateBreach(db, c.var.audit, {
        breach, changes, addTenantIds: added.filter((t) => !already.has(t)), notify, operatorId: c.var.principal.id, now: clock.now(), hooked: await hookedTenants(db),
      });
      return c.json(await one(c, breach.id, done));
    } catch (err) {
      return conflict(err);
    }
  });

  /** Notifies every affected tenant not notified yet, now. Nothing pending: 200 with zero counts. */
  r.post('/:id/notify', async (c) => {
    const { db, clock } = c.var.deps;
    const breach = await findBreach(db, c.req.param('id'));
    if (!breach) return problem('not_found');
    const pending = (await affectedOf(db, breach.id)).filter((t) => t.notifiedAt === null).map((t) => t.tenantId);
    try {
      const done = await notifyPending(db, c.var.audit, { breach, pending, operatorId: c.var.principal.id, now: clock.now(), hooked: await hookedTenants(db) });
      return c.json(await one(c, breach.id, done));
    } catch (err) {
      return conflict(err);
    }
  });
  return r;
}
