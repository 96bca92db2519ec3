import { createClient } from '@libsql/client/web';
import { drizzle } from 'drizzle-orm/libsql/web';
import * as schema from './schema.js';
import type { Db } from './types.js';

/**
 * Drizzle over libSQL's fetch-based client (Turso over HTTPS): no Node APIs, so it runs in
 * workerd. Each `db.batch` is one HTTP round trip and one transaction.
 */
export function openLibsqlWeb(url: string, authToken?: string): Db {
  const client = createClient({ url, authToken });
  return drizzle(client, { schema }) as unknown as Db;
}
