import * as v from 'valibot';
import { CASE_FILTER_ENTRIES, type CaseFilterInput } from './cases.js';

/**
 * Contract of the export/print log (R7, R8), the audit-log view (R17) and the case exports.
 * Times are ISO 8601 UTC strings.
 */

/** Kinds of export-log rows (the worker's EXPORT_KINDS, worker/src/admin/exports/record.ts); `kind` stays a string so a newer server's kinds still parse. */
export const EXPORT_LOG_KINDS = [
  'cases_csv', 'cases_json', 'cases_print', 'subject_access', 'export_log_csv', 'export_log_json', 'audit_log_json',
  'register_json', 'register_csv', 'register_print', 'breaches_csv', 'breaches_json', 'platform_breaches_csv', 'platform_breaches_json', 'audit_log_bundle',
] as const;
export type ExportLogKind = (typeof EXPORT_LOG_KINDS)[number];

/** `?delimiter=` of the CSV export: `semicolon` for Dutch Excel. */
export const CSV_DELIMITERS = ['comma', 'semicolon'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];
/** `?lang=` of the print view. */
export const PRINT_LANGS = ['nl', 'en'] as const;
export type PrintLang = (typeof PRINT_LANGS)[number];

/** Query of the export routes besides the case filter (`delimiter` for CSV, `lang` for print). */
export const ExportOptionsSchema = v.object({
  delimiter: v.optional(v.picklist(CSV_DELIMITERS, 'invalid_value')),
  lang: v.optional(v.picklist(PRINT_LANGS, 'invalid_value')),
});
export type ExportOptions = v.InferOutput<typeof ExportOptionsSchema>;

/** `?cursor=&limit=` of the log views; the cursor is opaque (take it from `nextCursor`). */
export const LogPageQuerySchema = v.strictObject(
  {
    cursor: v.optional(v.pipe(v.string('invalid_type'), v.regex(/^[0-9A-Za-z_.-]{1,80}$/, 'invalid_format'))),
    limit: v.optional(v.pipe(v.string('invalid_type'), v.regex(/^\d{1,3}$/, 'invalid_value'), v.transform(Number), v.minValue(1, 'invalid_value'), v.maxValue(200, 'invalid_value'))),
  },
  'unknown_field',
);
export type LogPageQueryInput = { cursor?: string; limit?: number };

/** Who did it: a user (display name + login code) or an API key (its name). Never a consumer's data. */
export const LogActorSchema = v.object({
  type: v.string(),
  id: v.string(),
  displayName: v.nullable(v.string()),
  loginCode: v.nullable(v.string()),
  keyName: v.nullable(v.string()),
});
export type LogActor = v.InferOutput<typeof LogActorSchema>;

/** One export or print: who, when, from where, what (filter; search text redacted) and how many rows. */
export const ExportLogEntrySchema = v.object({
  id: v.string(),
  at: v.string(),
  actor: LogActorSchema,
  ip: v.string(),
  kind: v.string(),
  filter: v.record(v.string(), v.unknown()),
  rowCount: v.number(),
});
export type ExportLogEntry = v.InferOutput<typeof ExportLogEntrySchema>;

/** One audit-log entry (ids and field names only, never values). */
export const AuditLogEntrySchema = v.object({
  seq: v.number(),
  id: v.string(),
  at: v.string(),
  actor: LogActorSchema,
  action: v.string(),
  entityType: v.string(),
  entityId: v.string(),
  fields: v.array(v.string()),
  prevHash: v.string(),
  entryHash: v.string(),
});
export type AuditLogEntry = v.InferOutput<typeof AuditLogEntrySchema>;

/** A page of a log, newest first; `nextCursor` null on the last page. */
export type LogPage<T> = { items: T[]; nextCursor: string | null };
export type ExportLogPage = LogPage<ExportLogEntry>;
export type AuditLogPage = LogPage<AuditLogEntry>;

/** GET /logs/audit/verify: the whole chain recomputed. */
export type AuditVerifyResult = { ok: true; count: number; head: string } | { ok: false; count: number; brokenAt: number; reason: string };

/** Query of the export-log downloads (/logs/exports.csv|.json): only the CSV delimiter. */
export const LogDownloadQuerySchema = v.strictObject({ delimiter: v.optional(v.picklist(CSV_DELIMITERS, 'invalid_value')) }, 'unknown_field');

/** The case-list filter without paging: an export takes every matching case. */
const { cursor: _cursor, limit: _limit, ...EXPORT_FILTER_ENTRIES } = CASE_FILTER_ENTRIES;
export { EXPORT_FILTER_ENTRIES };

/** Query of `GET /exports/cases.json`: the case filter; unknown keys refused (422 `unknown_field`); `from` after `to` refused on `to`. */
export const CaseJsonExportQuerySchema = v.pipe(
  v.strictObject(EXPORT_FILTER_ENTRIES, 'unknown_field'),
  v.forward(v.partialCheck([['from'], ['to']], (f) => !f.from || !f.to || f.from <= f.to, 'invalid_value'), ['to']),
);
/** Query of `GET /exports/cases.csv`: the case filter and `delimiter`. */
export const CaseCsvExportQuerySchema = v.pipe(
  v.strictObject({ ...EXPORT_FILTER_ENTRIES, delimiter: ExportOptionsSchema.entries.delimiter }, 'unknown_field'),
  v.forward(v.partialCheck([['from'], ['to']], (f) => !f.from || !f.to || f.from <= f.to, 'invalid_value'), ['to']),
);
/** Query of `GET /exports/cases/print`: the case filter and `lang` (default `nl`). */
export const CasePrintQuerySchema = v.pipe(
  v.strictObject({ ...EXPORT_FILTER_ENTRIES, lang: ExportOptionsSchema.entries.lang }, 'unknown_field'),
  v.forward(v.partialCheck([['from'], ['to']], (f) => !f.from || !f.to || f.from <= f.to, 'invalid_value'), ['to']),
);

/** The filter an export takes: the case list's, without `cursor` and `limit`. */
export type CaseExportFilterInput = Omit<CaseFilterInput, 'cursor' | 'limit'>;
