import { sql } from 'drizzle-orm';
import type { Db } from '../db/types.js';

export type CheckpointResult = 'truncated' | 'busy' | 'unsupported';

/**
 * R10: after an erasure, copy the WAL into the database file and truncate the WAL to zero
 * bytes. Until then the -wal file still holds the page images written before the erasure,
 * original values included (secure_delete only zeroes what is freed in the database file).
 * A checkpoint cannot pass a reader still using an older snapshot: it is retried briefly,
 * then reported as `busy` (the next checkpoint completes it). D1 and remote libSQL (Turso)
 * refuse the PRAGMA; their storage is not a file we control: `unsupported`.
 */
export async function checkpointWal(db: Db, attempts = 5): Promise<CheckpointResult> {
  for (let i = 0; i < attempts; i++) {
    let row: Record<string, unknown> | undefined;
    try {
      [row] = await db.all<Record<string, unknown>>(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
    } catch {
      return 'unsupported';
    }
    if (!row) return 'unsupported';
    const [busy, log] = [Number(row.busy ?? Object.values(row)[0]), Number(row.log ?? Object.values(row)[1])];
    if (log === -1) return 'unsupported'; // not in WAL mode
    if (busy === 0) return 'truncated';
    await new Promise((r) => setTimeout(r, 25 * (i + 1)));
  }
  console.warn('anonymise: WAL checkpoint busy; erased page images stay in the -wal file until the next checkpoint');
  return 'busy';
}
