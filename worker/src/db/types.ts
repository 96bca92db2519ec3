import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import type * as schema from './schema.js';

/**
 * The database the app works with: drizzle over libSQL (Node file, Turso) or D1.
 * Only the API both drivers share is used (query builder + `batch`).
 */
export type Db = LibSQLDatabase<typeof schema>;
