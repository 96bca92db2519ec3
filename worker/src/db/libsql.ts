import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from './schema.js';
import type { Db } from './types.js';

export type LibsqlHandle = { db: Db; client: Client; close(): void };

/**
 * Opens libSQL: a local file (`file:./data/aftercare.db`), or Turso (`libsql://…` + token).
 * Local files get WAL (readers never wait for the writer), a busy timeout, foreign keys,
 * and secure_delete so erased values do not linger in free pages.
 */
export async function openLibsql(url: string, authToken?: string): Promise<LibsqlHandle> {
  const file = localDatabaseFile(url);
  if (file) makePrivate(file);
  // A local file gets one connection (concurrency 1): the client otherwise opens more
  // connections under load, and the PRAGMAs below hold per connection — the others would run
  // without busy_timeout (SQLITE_BUSY → 500) and without secure_delete.
  const local = url.startsWith('file:');
  const client = createClient({ url, authToken, ...(local ? { concurrency: 1 } : {}) });
  if (local) {
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA busy_timeout = 5000');
    await client.execute('PRAGMA synchronous = NORMAL');
    await client.execute('PRAGMA secure_delete = ON');
  }
  await client.execute('PRAGMA foreign_keys = ON');
  const db = drizzle(client, { schema }) as Db;
  return { db, client, close: () => client.close() };
}

/** The path of a `file:` database (`file:rel/x.db`, `file:/abs/x.db`, `file:///abs/x.db`); undefined for remote or in-memory ones. */
export function localDatabaseFile(url: string): string | undefined {
  if (!url.startsWith('file:')) return undefined;
  const file = url.startsWith('file://') ? fileURLToPath(url.replace(/\?.*$/, '')) : url.slice(5).replace(/\?.*$/, '');
  return file && file !== ':memory:' ? file : undefined;
}

/**
 * The database holds personal data: owner-only (0600), never world-readable. The file is
 * created here with 0600 before libSQL opens it; SQLite creates `-wal` and `-shm` with the
 * database file's permissions, and any left by an earlier run are tightened too.
 */
function makePrivate(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) if (existsSync(f)) chmodSync(f, 0o600);
}

/** Applies the drizzle-kit migrations in `folder` that this database has not seen yet. */
export async function migrateLibsql(db: Db, folder: string): Promise<void> {
  await migrate(db, { migrationsFolder: folder });
}
