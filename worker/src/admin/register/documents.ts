import type { Context } from 'hono';
import { RegisterQuerySchema, type RegisterDocument } from '../../../../sdk/src/admin/register.js';
import { problem } from '../../lib/problem.js';
import { buildRegister } from '../../registers/builder.js';
import { registerCsv } from '../../registers/csv.js';
import { REGISTER_PRINT_CSP, registerPrintPage } from '../../registers/print.js';
import type { AdminEnv } from '../env.js';
import { DELIMITERS } from '../exports/csv.js';
import { datedFilename, downloadHeaders } from '../exports/download.js';
import { parseQuery, queryObject } from '../exports/query-params.js';
import { recordExport } from '../exports/record.js';
import { tenantOf } from '../principal.js';

type Format = 'json' | 'csv' | 'print';
const KIND = { json: 'register_json', csv: 'register_csv', print: 'register_print' } as const;

/**
 * R16: the register as JSON, CSV or print page. The query is checked, the register built from
 * live configuration, and the export-log row written (kind register_json/csv/print, one row =
 * one register) BEFORE the first byte is sent.
 */
export async function registerDocument(c: Context<AdminEnv>, format: Format): Promise<Response> {
  const q = parseQuery(RegisterQuerySchema, queryObject(c.req.url));
  if ('refusal' in q) return q.refusal;
  if (format !== 'csv' && q.output.delimiter) return problem('validation_failed', { errors: [{ path: 'delimiter', code: 'unknown_field', message: 'This field is not allowed.' }] });
  const lang = q.output.lang ?? 'nl';
  const { db, clock } = c.var.deps;
  const tenantId = tenantOf(c.var.principal);
  const now = clock.now();
  const built = await buildRegister(db, tenantId, lang, now);
  if (!built) return problem('not_found');
  const exportId = await recordExport(db, { principal: c.var.principal, tenantId, ip: c.var.ip, kind: KIND[format], filter: { lang, ...(format === 'csv' ? { delimiter: q.output.delimiter ?? 'comma' } : {}) }, rowCount: 1, now });
  const headers = downloadHeaders({ type: format === 'print' ? 'html' : format, exportId, rowCount: 1, ...(format === 'csv' ? { filename: datedFilename(`register-${lang}`, now, 'csv') } : {}) });
  if (format === 'csv') return new Response(registerCsv(built, DELIMITERS[q.output.delimiter ?? 'comma']), { headers });
  const doc: RegisterDocument = { ...built, exportId };
  if (format === 'json') return new Response(JSON.stringify(doc), { headers });
  const cssHref = `${c.req.path.replace(/\/$/, '')}.css`;
  return new Response(registerPrintPage(doc, { cssHref }), { headers: { ...headers, 'content-security-policy': REGISTER_PRINT_CSP } });
}
