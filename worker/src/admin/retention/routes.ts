import { Hono } from 'hono';
import * as v from 'valibot';
import { RetentionPoliciesPutSchema, RetentionPreviewQuerySchema, type RetentionPolicies, type RetentionPreview, type RetentionRunResult } from '../../../../sdk/src/admin/retention.js';
import { can } from '../../../../sdk/src/admin/roles.js';
import { toFieldErrors } from '../../../../sdk/src/schemas/field-errors.js';
import { problem } from '../../lib/problem.js';
import { loadPolicies, policyList, savePolicies } from '../../retention/policies.js';
import { previewRetention } from '../../retention/preview.js';
import { runRetention } from '../../retention/run.js';
import type { AdminEnv } from '../env.js';
import { requirePermission, requireTenant } from '../guards.js';
import { actorOf, tenantOf } from '../principal.js';
import { readBody } from '../http/body.js';

/**
 * R12 retention for the caller's tenant. `registers.read` (owner, auditor): policies and
 * preview; `registers.manage` (owner): set policies, run now.
 * - `GET /policies` → {@link RetentionPolicies} (every kind, defaults marked)
 * - `PUT /policies` body `RetentionPoliciesPutInput` → the policies after; 422 per field
 * - `GET /preview?days=30` → {@link RetentionPreview}; case references for owners only
 * - `POST /run` body `{}` → {@link RetentionRunResult}; 409 `conflict` while another run holds the tenant
 */
export function retentionRoutes() {
  const r = new Hono<AdminEnv>();
  const read = requirePermission('registers.read');
  const manage = requirePermission('registers.manage');
  r.use('*', requireTenant);

  r.get('/policies', read, async (c) => c.json<RetentionPolicies>(policyList(await loadPolicies(c.var.deps.db, tenantOf(c.var.principal)))));

  r.put('/policies', manage, async (c) => {
    const body = await readBody(c, RetentionPoliciesPutSchema);
    if (!body.ok) return body.res;
    const { db, clock } = c.var.deps;
    const tenantId = tenantOf(c.var.principal);
    await savePolicies(db, c.var.audit, { tenantId, actor: actorOf(c.var.principal), now: clock.now(), patch: body.data });
    return c.json<RetentionPolicies>(policyList(await loadPolicies(db, tenantId)));
  });

  r.get('/preview', read, async (c) => {
    const parsed = v.safeParse(RetentionPreviewQuerySchema, { days: c.req.query('days') });
    if (!parsed.success) return problem('validation_failed', { errors: toFieldErrors(parsed.issues) });
    const { db, clock } = c.var.deps;
    const withCases = can(c.var.principal.role, 'registers.manage');
    return c.json<RetentionPreview>(await previewRetention(db, tenantOf(c.var.principal), { now: clock.now(), days: parsed.output.days, withCases }));
  });

  r.post('/run', manage, async (c) => {
    const body = await readBody(c, v.strictObject({}, 'unknown_field'));
    if (!body.ok) return body.res;
    const { db, clock } = c.var.deps;
    const report = await runRetention({ db, clock, audit: c.var.audit }, tenantOf(c.var.principal), { actor: actorOf(c.var.principal), holder: 'admin' });
    if (!report) return problem('conflict', { detail: 'A retention run for this tenant is in progress; try again in a few minutes.' });
    return c.json<RetentionRunResult>(report);
  });
  return r;
}
