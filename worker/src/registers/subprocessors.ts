import { asc, eq } from 'drizzle-orm';
import { subprocessorObjections, subprocessors, tenants, users } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { isEea, SUBPROCESSOR_NOTICE_DAYS, type PlatformObjectionView, type SubprocessorView } from '../../../sdk/src/admin/platform.js';
import type { ObjectionView } from '../../../sdk/src/admin/register.js';
import type { FieldError } from '../../../sdk/src/schemas/index.js';

/** R21: reading the sub-processor list and its objections, and the date rules of a new entry. */

export type SubprocessorRow = typeof subprocessors.$inferSelect;
const DAY_MS = 86_400_000;

/** The UTC calendar date of an instant, `YYYY-MM-DD`. */
export const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function subprocessorView(row: SubprocessorRow, now: number): SubprocessorView {
  return {
    id: row.id, name: row.name, purpose: row.purpose, location: row.location, eea: isEea(row.location), safeguards: row.safeguards,
    startDate: row.startDate, upcoming: row.startDate > utcDate(now), createdAt: new Date(row.createdAt).toISOString(),
    endedAt: row.endedAt === null ? null : new Date(row.endedAt).toISOString(),
  };
}

/** Every sub-processor, ended ones too, by start date. */
export const allSubprocessors = (db: Db) => db.select().from(subprocessors).orderBy(asc(subprocessors.startDate), asc(subprocessors.createdAt), asc(subprocessors.id));

export async function findSubprocessor(db: Db, id: string): Promise<SubprocessorRow | undefined> {
  const [row] = await db.select().from(subprocessors).where(eq(subprocessors.id, id));
  return row;
}

/** An initial-list entry started no later than the day it was recorded; an announced one at least the notice period after. */
export const isInitialEntry = (row: Pick<SubprocessorRow, 'startDate' | 'createdAt'>) => row.startDate <= utcDate(row.createdAt);

/**
 * The start-date rule (per-field errors on `startDate` / `initial`): an announced sub-processor
 * starts at least SUBPROCESSOR_NOTICE_DAYS after today (UTC); an initial-list one today or
 * earlier, and only while no announced one exists.
 */
export function startDateErrors(body: Record<string, unknown>, now: number, existing: readonly SubprocessorRow[]): FieldError[] {
  const start = typeof body.startDate === 'string' ? body.startDate.trim() : '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) return [];
  if (body.initial === true) {
    if (existing.some((r) => !isInitialEntry(r))) return [{ path: 'initial', code: 'initial_list_closed', message: 'Sub-processors have been announced already: a new one needs the notice period.' }];
    if (start > utcDate(now)) return [{ path: 'startDate', code: 'date_in_future', message: 'A sub-processor of the initial list has already started: its start date is today or earlier.' }];
    return [];
  }
  const earliest = utcDate(now + SUBPROCESSOR_NOTICE_DAYS * DAY_MS);
  if (start < earliest) return [{ path: 'startDate', code: 'notice_period', message: `The start date must be ${earliest} or later (${SUBPROCESSOR_NOTICE_DAYS} days' notice to every tenant).` }];
  return [];
}

/** One tenant's objections (with the objecting user's display name), oldest first. */
export async function tenantObjections(db: Db, tenantId: string): Promise<ObjectionView[]> {
  const rows = await db
    .select({ o: subprocessorObjections, userName: users.displayName })
    .from(subprocessorObjections)
    .leftJoin(users, eq(users.id, subprocessorObjections.userId))
    .where(eq(subprocessorObjections.tenantId, tenantId))
    .orderBy(asc(subprocessorObjections.at), asc(subprocessorObjections.id));
  return rows.map(({ o, userName }) => ({ id: o.id, subprocessorId: o.subprocessorId, reason: o.reason, userId: o.userId, userName: userName ?? null, at: new Date(o.at).toISOString() }));
}

/** Every objection with its tenant's name, for the operator, oldest first. */
export async function allObjections(db: Db): Promise<(PlatformObjectionView & { subprocessorId: string })[]> {
  const rows = await db
    .select({ o: subprocessorObjections, tenantName: tenants.name })
    .from(subprocessorObjections)
    .innerJoin(tenants, eq(tenants.id, subprocessorObjections.tenantId))
    .orderBy(asc(subprocessorObjections.at), asc(subprocessorObjections.id));
  return rows.map(({ o, tenantName }) => ({ id: o.id, subprocessorId: o.subprocessorId, tenantId: o.tenantId, tenantName, reason: o.reason, at: new Date(o.at).toISOString() }));
}

/** Groups objections under their sub-processor. */
export function withObjections<O extends { subprocessorId: string }>(views: SubprocessorView[], objections: O[]) {
  return views.map((s) => ({ ...s, objections: objections.filter((o) => o.subprocessorId === s.id) }));
}
