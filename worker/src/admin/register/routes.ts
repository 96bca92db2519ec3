import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { tenants } from '../../db/schema.js';
import { auditInsert } from '../../audit/log.js';
import { uuidv7 } from '../../lib/ids.js';
import { problem } from '../../lib/problem.js';
import { ControllerPutSchema, ObjectionCreateSchema, type ControllerDetails, type ObjectionView, type TenantSubprocessorList } from '../../../../sdk/src/admin/register.js';
import { loadController } from '../../registers/builder.js';
import { canonical } from '../../registers/profile.js';
import { REGISTER_PRINT_CSS } from '../../registers/print-css.js';
import { recordObjection } from '../../registers/announce.js';
import { allSubprocessors, findSubprocessor, subprocessorView, tenantObjections, withObjections } from '../../registers/subprocessors.js';
import type { AdminEnv } from '../env.js';
import { requirePermission, requireTenant } from '../guards.js';
import { actorOf, tenantOf } from '../principal.js';
import { readBody } from '../http/body.js';
import { registerDocument } from './documents.js';

const read = [requirePermission('registers.read'), requireTenant] as const;
const manage = [requirePermission('registers.manage'), requireTenant] as const;

/**
 * The tenant's art. 30(2) register and its side of the sub-processor list (R16, R21).
 * Mounted at /v1/admin (not /v1/admin/register) because `/register.csv` sits beside
 * `/register`; every path here starts with `/register`. Read: registers.read (owner, auditor);
 * change: registers.manage (owner). Operators: 403 (they have no tenant register).
 */
export function registerRoutes() {
  const r = new Hono<AdminEnv>();

  r.get('/register', ...read, (c) => registerDocument(c, 'json'));
  r.get('/register.csv', ...read, (c) => registerDocument(c, 'csv'));
  r.get('/register/print', ...read, (c) => registerDocument(c, 'print'));
  /** The print page's stylesheet (its CSP allows styles from 'self' only). */
  r.get('/register/print.css', ...read, (c) => {
    c.header('content-type', 'text/css; charset=utf-8');
    c.header('x-content-type-options', 'nosniff');
    return c.body(REGISTER_PRINT_CSS);
  });

  r.get('/register/controller', ...read, async (c) => {
    const ctl = await loadController(c.var.deps.db, tenantOf(c.var.principal));
    if (!ctl) return problem('not_found');
    return c.json({ name: ctl.name, contact: ctl.contact, dpo: ctl.dpo } satisfies ControllerDetails);
  });

  r.put('/register/controller', ...manage, async (c) => {
    const body = await readBody(c, ControllerPutSchema);
    if (!body.ok) return body.res;
    const { db, clock } = c.var.deps;
    const tenantId = tenantOf(c.var.principal);
    const current = await loadController(db, tenantId);
    if (!current) return problem('not_found');
    const next = { contact: body.data.contact, dpo: body.data.dpo };
    const fields = (['contact', 'dpo'] as const).filter((k) => canonical(current[k]) !== canonical(next[k]));
    if (fields.length) {
      const now = clock.now();
      const entry = { id: uuidv7(now), at: now, ...actorOf(c.var.principal), action: 'register.controller.updated', entityType: 'tenant', entityId: tenantId, fields: [...fields] };
      await c.var.audit.withAppend(tenantId, [entry], (rows) =>
        db.batch([db.update(tenants).set({ contact: next.contact as Record<string, string>, dpo: next.dpo as Record<string, string> | null, updatedAt: now }).where(eq(tenants.id, tenantId)), auditInsert(db, rows)]),
      );
    }
    return c.json({ name: current.name, contact: next.contact, dpo: next.dpo } satisfies ControllerDetails);
  });

  r.get('/register/subprocessors', ...read, async (c) => {
    const { db, clock } = c.var.deps;
    const now = clock.now();
    const views = (await allSubprocessors(db)).map((row) => subprocessorView(row, now));
    const out: TenantSubprocessorList = { items: withObjections(views, await tenantObjections(db, tenantOf(c.var.principal))) };
    return c.json(out);
  });

  /**
   * An owner's objection, recorded with user and time in an append-only table. A later
   * objection to the same sub-processor is recorded too (nothing is overwritten); objecting to
   * one that has ended is 409 conflict.
   */
  r.post('/register/subprocessors/:id/objection', ...manage, async (c) => {
    const { db, clock } = c.var.deps;
    const sp = await findSubprocessor(db, c.req.param('id'));
    if (!sp) return problem('not_found');
    const body = await readBody(c, ObjectionCreateSchema);
    if (!body.ok) return body.res;
    if (sp.endedAt !== null) return problem('conflict', { detail: 'This sub-processor is no longer used.' });
    const p = c.var.principal;
    const row = await recordObjection(db, c.var.audit, { tenantId: tenantOf(p), subprocessorId: sp.id, userId: p.id, actorType: actorOf(p).actorType, reason: body.data.reason, now: clock.now() });
    const out: ObjectionView = { id: row.id, subprocessorId: sp.id, reason: row.reason, userId: row.userId, userName: p.type === 'user' ? p.displayName : null, at: new Date(row.at).toISOString() };
    return c.json(out, 201);
  });
  return r;
}
