import type { Context } from 'hono';
import type { AdminEnv } from '../env.js';
import type { ExportLogEntry } from '../../../../sdk/src/admin/exports.js';
import { recordExport } from './record.js';
import { BOM, csvRow, type Delimiter } from './csv.js';
import { chunkedStream } from './stream.js';
import { datedFilename, downloadHeaders, streamFailure } from './download.js';
import { EXPORT_LOG_CSV_COLUMNS, exportLogCsvValues, exportLogRows, type ExportLogCursor } from './log-query.js';

const CHUNK = 500;

/**
 * R8: the export log as CSV or JSON. Its own row is written first (kind export_log_csv/json,
 * counting itself), then the log streams from that row back to the oldest.
 */
export async function exportLogDownload(c: Context<AdminEnv>, o: { format: 'csv' | 'json'; tenantId: string; existing: number; delimiter: Delimiter }) {
  const db = c.var.deps.db;
  const now = c.var.deps.clock.now();
  const kind = o.format === 'csv' ? 'export_log_csv' : 'export_log_json';
  const rowCount = o.existing + 1;
  const exportId = await recordExport(db, { principal: c.var.principal, tenantId: o.tenantId, ip: c.var.ip, kind, filter: {}, rowCount, now });
  const csv = o.format === 'csv';
  const body = chunkedStream<ExportLogEntry, ExportLogCursor>({
    head: csv ? BOM + csvRow(EXPORT_LOG_CSV_COLUMNS, o.delimiter) : '[',
    tail: csv ? '' : ']',
    max: rowCount,
    async next(cursor) {
      const page = await exportLogRows(db, o.tenantId, { cursor: cursor ?? { at: now, id: exportId }, inclusive: cursor === null, limit: CHUNK });
      return { rows: page.items, next: page.next };
    },
    render: (rows, sent) =>
      csv ? rows.map((e) => csvRow(exportLogCsvValues(e), o.delimiter)).join('') : (sent ? ',' : '') + rows.map((e) => JSON.stringify(e)).join(','),
    onError: streamFailure(c, exportId, kind),
  });
  return new Response(body, { headers: downloadHeaders({ type: o.format, filename: datedFilename('export-log', now, o.format), exportId, rowCount }) });
}
