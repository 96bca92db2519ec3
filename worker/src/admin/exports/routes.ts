import { Hono } from 'hono';
import { CaseCsvExportQuerySchema, CaseJsonExportQuerySchema, CasePrintQuerySchema } from '../../../../sdk/src/admin/exports.js';
import type { AdminEnv } from '../env.js';
import { requirePermission, requireTenant } from '../guards.js';
import { parseQuery, queryObject } from './query-params.js';
import { caseExport } from './case-export.js';
import { DELIMITERS } from './csv.js';
import { PRINT_CSS } from './print-css.js';

/**
 * R7 exports and print view of cases (`cases.export`: owner, staff, partners — partners only
 * their organisation's cases and only their projected fields), each logged before data leaves.
 * Query: the case list's filter without `cursor`/`limit`; unknown keys → 422.
 */
export function exportRoutes() {
  const r = new Hono<AdminEnv>();
  r.use('*', requirePermission('cases.export'), requireTenant);

  r.get('/cases.csv', async (c) => {
    const q = parseQuery(CaseCsvExportQuerySchema, queryObject(c.req.url));
    if ('refusal' in q) return q.refusal;
    const { delimiter, ...filter } = q.output;
    return caseExport(c, { format: 'csv', filter, delimiter: DELIMITERS[delimiter ?? 'comma'], lang: 'nl' });
  });

  r.get('/cases.json', async (c) => {
    const q = parseQuery(CaseJsonExportQuerySchema, queryObject(c.req.url));
    if ('refusal' in q) return q.refusal;
    return caseExport(c, { format: 'json', filter: q.output, delimiter: ',', lang: 'nl' });
  });

  r.get('/cases/print', async (c) => {
    const q = parseQuery(CasePrintQuerySchema, queryObject(c.req.url));
    if ('refusal' in q) return q.refusal;
    const { lang, ...filter } = q.output;
    return caseExport(c, { format: 'print', filter, delimiter: ',', lang: lang ?? 'nl' });
  });

  /** The print view's stylesheet (its CSP allows styles from 'self' only). */
  r.get('/print.css', (c) => {
    c.header('content-type', 'text/css; charset=utf-8');
    c.header('x-content-type-options', 'nosniff');
    return c.body(PRINT_CSS);
  });
  return r;
}
