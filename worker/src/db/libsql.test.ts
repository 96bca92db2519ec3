import { afterEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../testing/harness.js';

let db: Awaited<ReturnType<typeof tempDatabase>> | undefined;
afterEach(() => db?.dispose());

describe('openLibsql on a local file', () => {
  it('every concurrent statement sees the PRAGMAs (busy_timeout, secure_delete, WAL, synchronous)', async () => {
    db = await tempDatabase();
    const client = db.client;
    // Many statements at once: each must run on a connection that has the PRAGMAs.
    const read = (p: string) => client.execute(`PRAGMA ${p}`).then((r) => Number(Object.values(r.rows[0]!)[0]));
    const results = await Promise.all(Array.from({ length: 12 }, () => Promise.all([read('busy_timeout'), read('secure_delete'), read('synchronous'), read('foreign_keys')])));
    for (const [busy, secure, sync, fk] of results) expect([busy, secure, sync, fk]).toEqual([5000, 1, 1, 1]);
    expect(String(Object.values((await client.execute('PRAGMA journal_mode')).rows[0]!)[0])).toBe('wal');
  });
});
