import type { AdminCaseView } from '../admin/cases.js';
import type {
  AuditLogPage, AuditVerifyResult, CaseExportFilterInput, CsvDelimiter, ExportLogEntry, ExportLogPage, LogPageQueryInput, PrintLang,
} from '../admin/exports.js';
import type { AdminResult, Query, Transport } from './transport.js';

/** The text of a download, or its error. */
const textOf = async (p: Promise<AdminResult<{ text: string; contentType: string }>>): Promise<AdminResult<string>> => {
  const r = await p;
  return r.error ? { error: r.error } : { data: r.data.text };
};

/**
 * Case exports: `admin.exports.*` (permission `cases.export`: owner, staff, partners — a partner
 * gets only its organisation's cases and only its fields). Every call is recorded in the export
 * log (who, when, IP, filter without search text, row count) before any data leaves (R7).
 * The filter is the case list's, without `cursor`/`limit`: an export takes every matching case.
 *
 * A stream that fails mid-way ends as a network error (`network_error`), never as a shorter
 * body that looks complete; the response header `x-aftercare-row-count` holds the logged count.
 *
 * ```ts
 * const { data: csv } = await admin.exports.casesCsv({ status: 'new' }, { delimiter: 'semicolon' });
 * ```
 */
export function exportsApi(t: Transport) {
  return {
    /** CSV (UTF-8 with BOM, CRLF, a header row, formula-looking cells prefixed with `'`). */
    casesCsv: (filter: CaseExportFilterInput = {}, opts: { delimiter?: CsvDelimiter } = {}): Promise<AdminResult<string>> =>
      textOf(t.text('GET', '/exports/cases.csv', { query: { ...filter, ...opts } as Query })),
    /** The case documents as a JSON array (projected for the caller's role). */
    casesJson: (filter: CaseExportFilterInput = {}): Promise<AdminResult<AdminCaseView[]>> => t.json('GET', '/exports/cases.json', { query: filter as Query }),
    /** The URL of the CSV download, for a link in the admin page (the browser sends the session cookie). */
    csvUrl: (filter: CaseExportFilterInput = {}, opts: { delimiter?: CsvDelimiter } = {}): string => t.url('/exports/cases.csv', { ...filter, ...opts } as Query),
    /** The URL of the JSON download, for a link. */
    jsonUrl: (filter: CaseExportFilterInput = {}): string => t.url('/exports/cases.json', filter as Query),
    /** The URL of the print view (an HTML page; `lang` nl or en, default nl), for a link. Opening it is logged. */
    printUrl: (filter: CaseExportFilterInput = {}, opts: { lang?: PrintLang } = {}): string => t.url('/exports/cases/print', { ...filter, ...opts } as Query),
  };
}
export type ExportsApi = ReturnType<typeof exportsApi>;

/**
 * Logs: `admin.logs.*` (permission `logs.read`: owner, auditor). The export/print log (R7, R8)
 * and the hash-chained audit log (R17), newest first.
 *
 * ```ts
 * let page = await admin.logs.exports();
 * while (page.data?.nextCursor) page = await admin.logs.exports({ cursor: page.data.nextCursor });
 * const { data } = await admin.logs.verify(); // { ok: true, count, head } or { ok: false, brokenAt, … }
 * ```
 */
export function logsApi(t: Transport) {
  return {
    /** One page of the export/print log (`limit` 1..200, default 50). */
    exports: (page: LogPageQueryInput = {}): Promise<AdminResult<ExportLogPage>> => t.json('GET', '/logs/exports', { query: page as Query }),
    /** The whole export log as CSV; this download is itself logged first (R8). */
    exportsCsv: (opts: { delimiter?: CsvDelimiter } = {}): Promise<AdminResult<string>> => textOf(t.text('GET', '/logs/exports.csv', { query: opts as Query })),
    /** The whole export log as JSON; logged first. */
    exportsJson: (): Promise<AdminResult<ExportLogEntry[]>> => t.json('GET', '/logs/exports.json'),
    /** Download links of the export log (the browser sends the session cookie). */
    exportsCsvUrl: (opts: { delimiter?: CsvDelimiter } = {}): string => t.url('/logs/exports.csv', opts as Query),
    exportsJsonUrl: (): string => t.url('/logs/exports.json'),
    /** One page of the audit log by seq, newest first (`cursor` = the previous page's `nextCursor`). */
    audit: (page: LogPageQueryInput = {}): Promise<AdminResult<AuditLogPage>> => t.json('GET', '/logs/audit', { query: page as Query }),
    /** Recomputes the tenant's audit hash chain. */
    verify: (): Promise<AdminResult<AuditVerifyResult>> => t.json('GET', '/logs/audit/verify'),
  };
}
export type LogsApi = ReturnType<typeof logsApi>;
