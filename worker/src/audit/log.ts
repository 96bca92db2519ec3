import { and, asc, desc, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { isUniqueViolation } from '../db/errors.js';
import { chain, GENESIS_HASH, type AuditEntry, type ChainedEntry } from './chain.js';

type Head = { seq: number; hash: string };
type NewEntry = Omit<AuditEntry, 'seq' | 'tenantId'>;

/**
 * Appends to per-tenant hash chains. Appends of one tenant are serialised in this process
 * and the head is cached; the unique (tenant_id, seq) index makes a concurrent writer in
 * another process fail its whole batch, after which `withAppend` reloads the head and retries.
 */
export class AuditWriter {
  private heads = new Map<string, Head>();
  private queues = new Map<string, Promise<unknown>>();

  constructor(private db: Db) {}

  /**
   * Runs `write` with chained audit rows for `tenantId`: `write` must put `rows` in the same
   * `db.batch` as the change they describe. Retries on a seq conflict.
   */
  async withAppend<T>(tenantId: string, entries: NewEntry[], write: (rows: ChainedEntry[]) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      for (let attempt = 0; ; attempt++) {
        const head = this.heads.get(tenantId) ?? (await this.loadHead(tenantId));
        const rows: ChainedEntry[] = [];
        let prev = head;
        for (const e of entries) {
          const row = await chain({ ...e, tenantId, seq: prev.seq + 1 }, prev.hash);
          rows.push(row);
          prev = { seq: row.seq, hash: row.entryHash };
        }
        try {
          const result = await write(rows);
          this.heads.set(tenantId, prev);
          return result;
        } catch (err) {
          this.heads.delete(tenantId);
          if (attempt >= 12 || !isSeqConflict(err)) throw err;
          // Another process appended first: back off a little (jittered) so it cannot starve us.
          await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 2 ** attempt)));
        }
      }
    };
    const previous = this.queues.get(tenantId) ?? Promise.resolve();
    const next = previous.then(run, run);
    const settled = next.catch(() => undefined);
    this.queues.set(tenantId, settled);
    void settled.then(() => {
      if (this.queues.get(tenantId) === settled) this.queues.delete(tenantId);
    });
    return next;
  }

  private async loadHead(tenantId: string): Promise<Head> {
    const [row] = await this.db
      .select({ seq: auditLog.seq, hash: auditLog.entryHash })
      .from(auditLog)
      .where(eq(auditLog.tenantId, tenantId))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    return row ?? { seq: 0, hash: GENESIS_HASH };
  }
}

export function auditInsert(db: Db, rows: ChainedEntry[]) {
  return db.insert(auditLog).values(rows.map((r) => ({ ...r, fields: JSON.stringify(r.fields) })));
}

export const isSeqConflict = (err: unknown) => isUniqueViolation(err, 'audit_log.tenant_id, audit_log.seq');

/** A tenant's whole chain in order, for verification and export. */
export async function readChain(db: Db, tenantId: string): Promise<ChainedEntry[]> {
  const rows = await db.select().from(auditLog).where(and(eq(auditLog.tenantId, tenantId))).orderBy(asc(auditLog.seq));
  return rows.map((r) => ({ ...r, actorType: r.actorType as AuditEntry['actorType'], fields: parseFields(r.fields) }));
}

/**
 * The `fields` column as an array. A value that is not a JSON array of strings (someone edited
 * the file) comes back as `[text]`, so verification reports a broken hash instead of throwing.
 */
export function parseFields(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed) && parsed.every((f) => typeof f === 'string')) return parsed;
  } catch {
    // fall through
  }
  return [text];
}
