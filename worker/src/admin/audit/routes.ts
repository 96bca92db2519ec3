import { Hono, type MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { AuditCheckpointQuerySchema, type AuditCheckpointPage, type AuditCheckpointRun, type AuditPublicKey, type AuditVerification } from '../../../../sdk/src/admin/audit.js';
import { checkpointPage, createCheckpoints, readCheckpoints } from '../../audit/checkpoints.js';
import { readChain } from '../../audit/log.js';
import { hostSigningKey, SIGNING_KEY_ENV } from '../../audit/signing-key.js';
import { verifyAudit } from '../../audit/verify.js';
import { decodeProtectedHeader } from 'jose';
import type { AdminEnv } from '../env.js';
import { requirePermission, requireTenant } from '../guards.js';
import { tenantOf } from '../principal.js';
import { readBody } from '../http/body.js';
import { parseQuery, queryObject } from '../exports/query-params.js';
import { auditBundleDownload } from './export.js';
import { can, type Permission } from '../../../../sdk/src/admin/roles.js';
import { problem } from '../../lib/problem.js';

/** 403 unless the role has one of `perms`. */
const requireAny =
  (perms: Permission[]): MiddlewareHandler<AdminEnv> =>
  async (c, next) => (perms.some((p) => can(c.var.principal.role, p)) ? next() : problem('forbidden'));

const kidOf = (jws: string) => {
  try {
    const kid = decodeProtectedHeader(jws).kid;
    return typeof kid === 'string' ? kid : null;
  } catch {
    return null;
  }
};

/**
 * R17, the audit log you can prove (beside /logs/audit and /logs/audit/verify, which show and
 * recompute the chain alone):
 * - `GET /public-key` (owner, auditor, operator) → {@link AuditPublicKey}
 * - `GET /checkpoints?cursor=&limit=` (owner, auditor) → {@link AuditCheckpointPage}, newest first
 * - `GET /verify` (owner, auditor) → {@link AuditVerification}: chain + every checkpoint
 * - `GET /export` (owner, auditor) → {@link AuditBundle} download, logged first (`audit_log_bundle`)
 * - `POST /checkpoints/run` body `{}` (operator) → {@link AuditCheckpointRun}
 */
export function auditRoutes() {
  const r = new Hono<AdminEnv>();
  const auditors = [requireAny(['logs.read', 'registers.read']), requireTenant] as const;

  r.get('/public-key', requireAny(['logs.read', 'platform.manage']), async (c) => {
    const key = hostSigningKey(c.env);
    if (!key) return c.json<AuditPublicKey>({ configured: false, key: null, kid: null });
    const { publicJwk, kid } = await key;
    return c.json<AuditPublicKey>({ configured: true, key: publicJwk, kid });
  });

  r.get('/checkpoints', ...auditors, async (c) => {
    const q = parseQuery(AuditCheckpointQuerySchema, queryObject(c.req.url));
    if ('refusal' in q) return q.refusal;
    const page = await checkpointPage(c.var.deps.db, tenantOf(c.var.principal), { before: q.output.cursor, limit: q.output.limit ?? 100 });
    return c.json<AuditCheckpointPage>({
      items: page.items.map((cp) => ({ ...cp, at: new Date(cp.at).toISOString(), kid: kidOf(cp.jws) })),
      nextCursor: page.nextCursor,
    });
  });

  r.get('/verify', ...auditors, async (c) => {
    const { db } = c.var.deps;
    const tenantId = tenantOf(c.var.principal);
    const [entries, checkpoints] = await Promise.all([readChain(db, tenantId), readCheckpoints(db, tenantId)]);
    const signing = hostSigningKey(c.env);
    const key = signing ? await signing : null;
    return c.json<AuditVerification>(await verifyAudit(tenantId, entries, checkpoints, key && { key: key.publicKey, kid: key.kid }));
  });

  r.get('/export', ...auditors, (c) => auditBundleDownload(c));

  r.post('/checkpoints/run', requirePermission('platform.manage'), async (c) => {
    const body = await readBody(c, v.strictObject({}, 'unknown_field'));
    if (!body.ok) return body.res;
    const signing = hostSigningKey(c.env);
    if (!signing) {
      console.warn(`[aftercare] audit checkpoints skipped: no ${SIGNING_KEY_ENV}`);
      return c.json<AuditCheckpointRun>({ configured: false, created: 0, tenants: 0, more: false, kid: null });
    }
    const key = await signing;
    const run = await createCheckpoints(c.var.deps.db, key, c.var.deps.clock.now());
    return c.json<AuditCheckpointRun>({ configured: true, ...run, kid: key.kid });
  });
  return r;
}
