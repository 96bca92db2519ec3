import type { Context } from 'hono';
import { BreachCsvQuerySchema } from '../../../../sdk/src/admin/breaches.js';
import { problem } from '../../lib/problem.js';
import type { AdminEnv } from '../env.js';
import { DELIMITERS, type Delimiter } from '../exports/csv.js';
import { datedFilename, downloadHeaders } from '../exports/download.js';
import { parseQuery, queryObject } from '../exports/query-params.js';
import { recordExport, type ExportKind } from '../exports/record.js';

/**
 * A logged download of the breach register: the query is checked, the export-log row written
 * (under `logTenant`: the tenant, or `_platform` for the operator's register) BEFORE the body is
 * built and sent. JSON has no query; CSV takes `?delimiter=comma|semicolon`.
 */
export async function breachDownload(
  c: Context<AdminEnv>,
  o: { format: 'csv' | 'json'; kind: ExportKind; logTenant: string; filename: string; rowCount: number; body: (exportId: string, now: number, d: Delimiter) => string },
): Promise<Response> {
  const q = parseQuery(BreachCsvQuerySchema, queryObject(c.req.url));
  if ('refusal' in q) return q.refusal;
  if (o.format === 'json' && q.output.delimiter) return problem('validation_failed', { errors: [{ path: 'delimiter', code: 'unknown_field', message: 'This field is not allowed.' }] });
  const delimiter = q.output.delimiter ?? 'comma';
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const exportId = await recordExport(db, {
    principal: c.var.principal, tenantId: o.logTenant, ip: c.var.ip, kind: o.kind, filter: o.format === 'csv' ? { delimiter } : {}, rowCount: o.rowCount, now,
  });
  const headers = downloadHeaders({ type: o.format, exportId, rowCount: o.rowCount, filename: datedFilename(o.filename, now, o.format) });
  return new Response(o.body(exportId, now, DELIMITERS[delimiter]), { headers });
}
