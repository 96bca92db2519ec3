import { and, eq, inArray } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { apiKeys, users } from '../../db/schema.js';
import type { LogActor } from '../../../../sdk/src/admin/exports.js';

/**
 * Joins that name the actor of a log row: users (display name + login code; operators are users
 * too) and API keys (their name). A consumer actor stays an id: auditors never see consumers' data.
 */
export const actorJoins = (actorType: SQLiteColumn, actorId: SQLiteColumn) => ({
  user: and(inArray(actorType, ['user', 'operator']), eq(users.id, actorId)),
  key: and(eq(actorType, 'api_key'), eq(apiKeys.id, actorId)),
});

export const actorColumns = { userName: users.displayName, loginCode: users.loginCode, keyName: apiKeys.name };

export function logActor(r: { actorType: string; actorId: string; userName: string | null; loginCode: string | null; keyName: string | null }): LogActor {
  return { type: r.actorType, id: r.actorId, displayName: r.userName, loginCode: r.loginCode, keyName: r.keyName };
}

export const iso = (ms: number) => new Date(ms).toISOString();
