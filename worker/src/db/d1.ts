import { drizzle } from 'drizzle-orm/d1';
import * as schema from './schema.js';
import type { Db } from './types.js';

/** The shape of a D1 binding that drizzle's D1 driver needs (a real binding or wrangler's proxy). */
export type D1Like = D1Database;

/**
 * Drizzle over a D1 binding. The app only uses the query builder and `db.batch`, which D1
 * offers with the same meaning as libSQL (a batch is one atomic transaction), so it is typed
 * as the shared `Db`. D1 always enforces foreign keys.
 */
export function openD1(binding: D1Like): Db {
  return drizzle(binding, { schema }) as unknown as Db;
}
