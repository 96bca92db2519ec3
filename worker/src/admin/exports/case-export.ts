import type { Context } from 'hono';
import { count } from 'drizzle-orm';
import type { AdminCaseView, CaseFilter } from '../../../../sdk/src/admin/cases.js';
import type { PrintLang } from '../../../../sdk/src/admin/exports.js';
import { cases } from '../../db/schema.js';
import { problem } from '../../lib/problem.js';
import type { AdminEnv } from '../env.js';
import { tenantOf } from '../principal.js';
import { audienceOf } from '../projection.js';
import { caseDocuments, caseWhere, listCaseRows } from '../cases/query.js';
import { recordExport, recordExportSubjects } from './record.js';
import { chunkedStream } from './stream.js';
import { BOM, csvRow, type Delimiter } from './csv.js';
import { columnValue, csvColumns } from './case-columns.js';
import { printPage } from './print.js';
import { datedFilename, downloadHeaders, streamFailure } from './download.js';

/** Rows per query (and per export_subjects insert): memory holds one chunk, whatever the total. */
export const EXPORT_CHUNK = 500;

export type CaseExportFormat = 'csv' | 'json' | 'print';
const KIND = { csv: 'cases_csv', json: 'cases_json', print: 'cases_print' } as const;

/** The print page's CSP: its one stylesheet from our own origin, nothing else. */
export const PRINT_CSP = "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

type Item = { subjectId: string; doc: AdminCaseView };

/**
 * R7: a filtered case export (CSV, JSON or print view). Counts the matching cases, writes the
 * export-log row (who, when, IP, filter with search text redacted, row count, kind) and only
 * then answers; the body streams in keyset chunks, each chunk's subjects recorded before it
 * is sent. Documents are projected for the caller's audience (R22) by `caseDocuments`.
 */
export async function caseExport(
  c: Context<AdminEnv>,
  o: { format: CaseExportFormat; filter: Omit<CaseFilter, 'limit' | 'cursor'>; delimiter: Delimiter; lang: PrintLang },
): Promise<Response> {
  const principal = c.var.principal;
  const audience = audienceOf(principal);
  if (!audience) return problem('forbidden');
  const db = c.var.deps.db;
  const tenantId = tenantOf(principal);
  const now = c.var.deps.clock.now();
  const filter: CaseFilter = { ...o.filter, limit: EXPORT_CHUNK };
  const [counted] = await db.select({ n: count() }).from(cases).where(caseWhere(principal, filter));
  const rowCount = counted?.n ?? 0;
  const kind = KIND[o.format];
  const exportId = await recordExport(db, { principal, tenantId, ip: c.var.ip, kind, filter: o.filter, rowCount, now });

  const parts = formatParts(o, { audience, now, rowCount, exportId, actorName: principal.displayName });
  const body = chunkedStream<Item, string>({
    head: parts.head,
    tail: parts.tail,
    max: rowCount,
    async next(cursor) {
      const page = await listCaseRows(db, principal, filter, { limit: EXPORT_CHUNK, cursor });
      const docs = await caseDocuments(db, principal, page.rows);
      return { rows: page.rows.map((r, i) => ({ subjectId: r.subjectId, doc: docs[i]! })), next: page.nextCursor };
    },
    beforeSend: (items) => recordExportSubjects(db, exportId, tenantId, items.map((i) => i.subjectId)),
    render: (items, sent) => parts.render(items.map((i) => i.doc), sent),
    onError: streamFailure(c, exportId, kind),
  });
  const headers =
    o.format === 'print'
      ? { ...downloadHeaders({ type: 'html', exportId, rowCount }), 'content-security-policy': PRINT_CSP }
      : downloadHeaders({ type: o.format, filename: datedFilename('cases', now, o.format), exportId, rowCount });
  return new Response(body, { headers });
}

function formatParts(
  o: { format: CaseExportFormat; filter: Omit<CaseFilter, 'limit' | 'cursor'>; delimiter: Delimiter; lang: PrintLang },
  x: { audience: NonNullable<ReturnType<typeof audienceOf>>; now: number; rowCount: number; exportId: string; actorName: string },
): { head: string; tail: string; render(docs: AdminCaseView[], sent: number): string } {
  if (o.format === 'csv') {
    const columns = csvColumns(x.audience);
    return {
      head: BOM + csvRow(columns, o.delimiter),
      tail: '',
      render: (docs) => docs.map((d) => csvRow(columns.map((col) => columnValue(d, col)), o.delimiter)).join(''),
    };
  }
  if (o.format === 'json') {
    return { head: '[', tail: ']\n', render: (docs, sent) => (sent ? ',\n' : '\n') + docs.map((d) => JSON.stringify(d)).join(',\n') };
  }
  const page = printPage({ audience: x.audience, lang: o.lang, now: x.now, actorName: x.actorName, rowCount: x.rowCount, filter: o.filter, exportId: x.exportId, cssHref: '../print.css' });
  return { head: page.head, tail: page.foot, render: (docs) => page.rows(docs) };
}
