import { sql } from 'drizzle-orm';
import { exportLog, exportSubjects } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import { uuidv7 } from '../../lib/ids.js';
import type { Principal } from '../principal.js';
import { actorOf } from '../principal.js';

export const EXPORT_KINDS = ['cases_csv', 'cases_json', 'cases_print', 'subject_access', 'export_log_csv', 'export_log_json', 'audit_log_json', 'register_json', 'register_csv', 'register_print', 'breaches_csv', 'breaches_json', 'platform_breaches_csv', 'platform_breaches_json', 'audit_log_bundle'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/**
 * R7: writes the export/print log row (and which subjects it includes) BEFORE any data leaves.
 * Call it, await it, and only then send the first byte. `filter` must hold no personal data:
 * a search term is stored as `"[search]"`, never its text (R10: a log must not keep what an
 * erasure removed). Subject ids are written in chunks in the same batch.
 */
export async function recordExport(
  db: Db,
  e: { principal: Principal; tenantId: string; ip: string; kind: ExportKind; filter: Record<string, unknown>; rowCount: number; subjectIds?: Iterable<string>; now: number },
): Promise<string> {
  const id = uuidv7(e.now);
  const { actorType, actorId } = actorOf(e.principal);
  const filter = { ...e.filter };
  if (typeof filter.q === 'string' && filter.q) filter.q = '[search]';
  const subjects = [...new Set(e.subjectIds ?? [])];
  const statements = [
    db.insert(exportLog).values({ id, tenantId: e.tenantId, at: e.now, actorType, actorId, ip: e.ip, kind: e.kind, filter: JSON.stringify(filter), rowCount: e.rowCount }),
  ];
  for (let i = 0; i < subjects.length; i += 500) {
    const chunk = subjects.slice(i, i + 500).map((subjectId) => ({ exportId: id, tenantId: e.tenantId, subjectId }));
    statements.push(db.insert(exportSubjects).values(chunk) as never);
  }
  await db.batch(statements as [(typeof statements)[0], ...typeof statements]);
  return id;
}

/**
 * For streamed exports: records the subjects of one chunk before that chunk is sent, so
 * memory stays flat however many rows the export has. The ids go in as ONE JSON array
 * parameter (`json_each`), not one bound parameter each: @libsql/client (libsql 0.5) keeps
 * native memory per bound parameter that is never given back (measured ~280 bytes each, see
 * bench/admin-export), which for a 100,000-row export was ~85 MB of RSS.
 */
export async function recordExportSubjects(db: Db, exportId: string, tenantId: string, subjectIds: Iterable<string>) {
  const ids = [...new Set(subjectIds)];
  if (!ids.length) return;
  await db.run(sql`INSERT INTO export_subjects (export_id, tenant_id, subject_id)
    SELECT ${exportId}, ${tenantId}, value FROM json_each(${JSON.stringify(ids)}) WHERE true
    ON CONFLICT DO NOTHING`);
}
