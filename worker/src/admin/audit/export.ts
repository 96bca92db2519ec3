import type { Context } from 'hono';
import { and, asc, desc, eq, gt, lte } from 'drizzle-orm';
import { auditLog } from '../../db/schema.js';
import { AUDIT_BUNDLE_FORMAT, type AuditBundleEntry } from '../../../../sdk/src/admin/audit.js';
import { checkpointHead, readCheckpoints } from '../../audit/checkpoints.js';
import { parseFields } from '../../audit/log.js';
import { hostSigningKey } from '../../audit/signing-key.js';
import type { AdminEnv } from '../env.js';
import { tenantOf } from '../principal.js';
import { recordExport } from '../exports/record.js';
import { chunkedStream } from '../exports/stream.js';
import { datedFilename, downloadHeaders, streamFailure } from '../exports/download.js';

const CHUNK = 500;

/**
 * R17: the tenant's audit log as ONE JSON file ({@link AuditBundle}): every entry from seq 1
 * to the head at the time of download (raw columns, so hashes can be recomputed), its
 * checkpoints — including one of that head, signed at download when the host has a key — and
 * the operator's public key. Logged (kind `audit_log_bundle`) before the
 * first byte; the entries stream in chunks, so memory stays flat however long the log is.
 */
export async function auditBundleDownload(c: Context<AdminEnv>) {
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const tenantId = tenantOf(c.var.principal);
  const signing = hostSigningKey(c.env);
  const key = signing ? await signing : null;
  // The head is signed now (not only hourly): the bundle's last entry is covered by a checkpoint,
  // so offline verification with the pinned key proves every entry in it (cli-audit.ts).
  const signed = key ? await checkpointHead(db, key, tenantId, now) : null;
  const [head] = signed ? [signed] : await db.select({ seq: auditLog.seq }).from(auditLog).where(eq(auditLog.tenantId, tenantId)).orderBy(desc(auditLog.seq)).limit(1);
  const last = head?.seq ?? 0;
  const checkpoints = (await readCheckpoints(db, tenantId)).filter((cp) => cp.seq <= last);
  const publicKey = key ? key.publicJwk : null;
  const exportId = await recordExport(db, { principal: c.var.principal, tenantId, ip: c.var.ip, kind: 'audit_log_bundle', filter: {}, rowCount: last, now });
  const head0 = `{"format":${JSON.stringify(AUDIT_BUNDLE_FORMAT)},"tenantId":${JSON.stringify(tenantId)},"exportedAt":${JSON.stringify(new Date(now).toISOString())},`
    + `"publicKey":${JSON.stringify(publicKey)},"checkpoints":${JSON.stringify(checkpoints)},"entries":[`;
  const body = chunkedStream<AuditBundleEntry, number>({
    head: head0,
    tail: ']}\n',
    max: last,
    async next(cursor) {
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.tenantId, tenantId), gt(auditLog.seq, cursor ?? 0), lte(auditLog.seq, last)))
        .orderBy(asc(auditLog.seq))
        .limit(CHUNK);
      const entries = rows.map((r) => ({ ...r, fields: parseFields(r.fields) }));
      return { rows: entries, next: rows.length === CHUNK ? rows.at(-1)!.seq : null };
    },
    render: (rows, sent) => (sent ? ',' : '') + rows.map((e) => JSON.stringify(e)).join(','),
    onError: streamFailure(c, exportId, 'audit_log_bundle'),
  });
  return new Response(body, { headers: downloadHeaders({ type: 'json', filename: datedFilename('audit-bundle', now, 'json'), exportId, rowCount: last }) });
}
