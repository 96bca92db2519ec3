import { Hono } from 'hono';
import { count, eq } from 'drizzle-orm';
import { exportLog } from '../../db/schema.js';
import { readChain } from '../../audit/log.js';
import { verifyChain } from '../../audit/chain.js';
import type { AdminEnv } from '../env.js';
import { requirePermission, requireTenant } from '../guards.js';
import { tenantOf } from '../principal.js';
import { LogDownloadQuerySchema, LogPageQuerySchema } from '../../../../sdk/src/admin/exports.js';
import { problem } from '../../lib/problem.js';
import { parseQuery, queryObject } from './query-params.js';
import { decodeExportCursor, encodeExportCursor, exportLogRows } from './log-query.js';
import { auditLogRows } from './audit-query.js';
import { exportLogDownload } from './log-download.js';
import { DELIMITERS } from './csv.js';

const DEFAULT_LIMIT = 50;
const badCursor = () => problem('validation_failed', { errors: [{ path: 'cursor', code: 'invalid_format', message: 'This value has an invalid format.' }] });

/** R8/R17 the export log and the audit log, for owners and auditors (`logs.read`). */
export function logRoutes() {
  const r = new Hono<AdminEnv>();
  r.use('*', requirePermission('logs.read'), requireTenant);

  /** The export/print log, newest first, keyset-paged. */
  r.get('/exports', async (c) => {
    const q = parseQuery(LogPageQuerySchema, queryObject(c.req.url));
    if ('refusal' in q) return q.refusal;
    const cursor = q.output.cursor ? decodeExportCursor(q.output.cursor) : null;
    if (q.output.cursor && !cursor) return badCursor();
    const page = await exportLogRows(c.var.deps.db, tenantOf(c.var.principal), { cursor, limit: q.output.limit ?? DEFAULT_LIMIT });
    return c.json({ items: page.items, nextCursor: page.next ? encodeExportCursor(page.next) : null });
  });

  /** R8: the export log itself as a download, recorded in the log before it leaves. */
  for (const format of ['csv', 'json'] as const) {
    r.get(`/exports.${format}`, async (c) => {
      const q = parseQuery(LogDownloadQuerySchema, queryObject(c.req.url));
      if ('refusal' in q) return q.refusal;
      const tenantId = tenantOf(c.var.principal);
      const [row] = await c.var.deps.db.select({ n: count() }).from(exportLog).where(eq(exportLog.tenantId, tenantId));
      return exportLogDownload(c, { format, tenantId, existing: row?.n ?? 0, delimiter: DELIMITERS[q.output.delimiter ?? 'comma'] });
    });
  }

  /** R17: the audit log, newest first, paged by seq. */
  r.get('/audit', async (c) => {
    const q = parseQuery(LogPageQuerySchema, queryObject(c.req.url));
    if ('refusal' in q) return q.refusal;
    const cursor = q.output.cursor;
    if (cursor !== undefined && !/^\d{1,15}$/.test(cursor)) return badCursor();
    const page = await auditLogRows(c.var.deps.db, tenantOf(c.var.principal), { before: cursor ? Number(cursor) : null, limit: q.output.limit ?? DEFAULT_LIMIT });
    return c.json(page);
  });

  /** R17: recomputes the tenant's hash chain: {ok, count, head} or the first broken seq. */
  r.get('/audit/verify', async (c) => {
    const result = await verifyChain(await readChain(c.var.deps.db, tenantOf(c.var.principal)));
    return c.json(result);
  });
  return r;
}
