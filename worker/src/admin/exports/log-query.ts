import { and, desc, eq, lt, lte, or } from 'drizzle-orm';
import { apiKeys, exportLog, users } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import type { ExportLogEntry } from '../../../../sdk/src/admin/exports.js';
import { actorColumns, actorJoins, iso, logActor } from './log-actors.js';

/** Keyset position in the export log (newest first): the last row's (at, id). */
export type ExportLogCursor = { at: number; id: string };

export const encodeExportCursor = (c: ExportLogCursor) => `${c.at}_${c.id}`;
export function decodeExportCursor(s: string): ExportLogCursor | null {
  const m = /^(\d{1,15})_([0-9a-f-]{36})$/.exec(s);
  return m ? { at: Number(m[1]), id: m[2]! } : null;
}

/**
 * A page of the tenant's export log, newest first, with the actors named. Rows strictly after
 * `cursor`, or from `cursor` on when `inclusive` (the log download starts at its own row).
 */
export async function exportLogRows(db: Db, tenantId: string, o: { cursor: ExportLogCursor | null; limit: number; inclusive?: boolean }) {
  const j = actorJoins(exportLog.actorType, exportLog.actorId);
  const c = o.cursor;
  const idCmp = o.inclusive ? lte : lt;
  const rows = await db
    .select({ ...exportLogColumns, ...actorColumns })
    .from(exportLog)
    .leftJoin(users, j.user)
    .leftJoin(apiKeys, j.key)
    .where(and(eq(exportLog.tenantId, tenantId), c ? or(lt(exportLog.at, c.at), and(eq(exportLog.at, c.at), idCmp(exportLog.id, c.id))) : undefined))
    .orderBy(desc(exportLog.at), desc(exportLog.id))
    .limit(o.limit + 1);
  const more = rows.length > o.limit;
  const page = rows.slice(0, o.limit);
  const last = page.at(-1);
  return { items: page.map(toEntry), next: more && last ? { at: last.at, id: last.id } : null };
}

const exportLogColumns = {
  id: exportLog.id, at: exportLog.at, actorType: exportLog.actorType, actorId: exportLog.actorId,
  ip: exportLog.ip, kind: exportLog.kind, filter: exportLog.filter, rowCount: exportLog.rowCount,
};

function toEntry(r: { id: string; at: number; actorType: string; actorId: string; ip: string; kind: string; filter: string; rowCount: number; userName: string | null; loginCode: string | null; keyName: string | null }): ExportLogEntry {
  return { id: r.id, at: iso(r.at), actor: logActor(r), ip: r.ip, kind: r.kind, filter: JSON.parse(r.filter) as Record<string, unknown>, rowCount: r.rowCount };
}

/** Columns of the export-log download (CSV). */
export const EXPORT_LOG_CSV_COLUMNS = ['id', 'at', 'actorType', 'actorId', 'actorName', 'actorLoginCode', 'actorKeyName', 'ip', 'kind', 'filter', 'rowCount'] as const;
export const exportLogCsvValues = (e: ExportLogEntry) => [e.id, e.at, e.actor.type, e.actor.id, e.actor.displayName, e.actor.loginCode, e.actor.keyName, e.ip, e.kind, JSON.stringify(e.filter), e.rowCount];
