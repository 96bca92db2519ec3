import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { agreements } from '../../db/schema.js';
import { can } from '../../../../sdk/src/admin/roles.js';
import { AgreementAcceptSchema, type AgreementAccepted, type TenantAgreement } from '../../../../sdk/src/admin/agreement.js';
import { problem } from '../../lib/problem.js';
import { isDuplicateAcceptance, recordAcceptance } from '../../agreements/publish.js';
import { currentVersion, tenantAcceptances, versionView } from '../../agreements/store.js';
import type { AdminEnv } from '../env.js';
import { requirePermission, requireTenant } from '../guards.js';
import { tenantOf } from '../principal.js';
import { fieldError, invalid, readBody } from '../http/body.js';

/**
 * R20, the tenant's side under /v1/admin/agreement. `GET` (owner, auditor) answers the current
 * version, this tenant's acceptance of it and its history, and `agreementRequired` — the admin
 * page's gate: while it is true the page shows the agreement first. `POST /accept` (owner, signed
 * in as a person: API keys are refused with 403) records version, time, user and IP.
 */
export function agreementRoutes() {
  const r = new Hono<AdminEnv>();

  r.get('/', requirePermission('registers.read'), requireTenant, async (c) => {
    const { db } = c.var.deps;
    const p = c.var.principal;
    const current = await currentVersion(db);
    const history = await tenantAcceptances(db, tenantOf(p));
    const mine = current ? history.find((a) => a.agreementId === current.id) : undefined;
    const out: TenantAgreement = {
      current: current ? versionView(current) : null,
      accepted: mine ? { at: mine.at, userId: mine.userId, user: mine.user, ip: mine.ip } : null,
      history: history.map(({ agreementId: _id, ...a }) => a),
      agreementRequired: !!current && !mine,
      canAccept: p.type === 'user' && can(p.role, 'registers.manage'),
    };
    return c.json(out);
  });

  r.post('/accept', requirePermission('registers.manage'), requireTenant, async (c) => {
    const p = c.var.principal;
    if (p.type !== 'user') return problem('forbidden', { detail: 'The processor agreement is accepted by a signed-in owner, not by an API key.' });
    const body = await readBody(c, AgreementAcceptSchema);
    if (!body.ok) return body.res;
    const { db, clock } = c.var.deps;
    const [chosen] = await db.select().from(agreements).where(eq(agreements.version, body.data.version));
    if (!chosen) return invalid([fieldError('version', 'unknown_version', 'No agreement has this version.')]);
    if (chosen.sha256 !== body.data.sha256) return invalid([fieldError('sha256', 'mismatch', 'This is not the hash of that version: reload the agreement.')]);
    const current = await currentVersion(db);
    if (current!.id !== chosen.id) return problem('conflict', { detail: `Version ${current!.version} replaced version ${chosen.version}: accept the current version.` });
    const tenantId = tenantOf(p);
    const now = clock.now();
    try {
      await recordAcceptance(db, c.var.audit, { tenantId, agreement: chosen, userId: p.id, ip: c.var.ip, now });
    } catch (err) {
      if (isDuplicateAcceptance(err)) return problem('conflict', { detail: 'This version was accepted already.' });
      throw err;
    }
    const out: AgreementAccepted = { version: chosen.version, sha256: chosen.sha256, at: new Date(now).toISOString(), userId: p.id, user: p.displayName, ip: c.var.ip };
    return c.json(out, 201);
  });
  return r;
}
