import { inArray } from 'drizzle-orm';
import { agreements, breaches, breachTenants, subprocessors } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import type { NoticeSubject } from '../../../../sdk/src/admin/agreement.js';
import type { BreachDataCategory } from '../../../../sdk/src/admin/breaches.js';
import { deadlineOf } from '../../breaches/views.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** What each notice is about, looked up per kind in one query each. Keys: `${kind}:${refId}`. */
export async function noticeSubjects(db: Db, tenantId: string, refs: { kind: string; refId: string }[]): Promise<Map<string, NoticeSubject>> {
  const ids = (kind: string) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.refId))];
  const out = new Map<string, NoticeSubject>();
  const b = ids('breach');
  if (b.length) {
    const notified = new Map((await db.select().from(breachTenants).where(inArray(breachTenants.breachId, b))).filter((t) => t.tenantId === tenantId).map((t) => [t.breachId, t.notifiedAt]));
    for (const row of await db.select().from(breaches).where(inArray(breaches.id, b))) {
      out.set(`breach:${row.id}`, {
        kind: 'breach', discoveredAt: iso(row.discoveredAt), deadlineAt: iso(deadlineOf(row)), notifiedAt: notified.get(row.id) ? iso(notified.get(row.id)!) : null,
        dataCategories: row.dataCategories as BreachDataCategory[], approxSubjects: row.approxSubjects,
      });
    }
  }
  const s = ids('subprocessor');
  if (s.length) {
    for (const row of await db.select().from(subprocessors).where(inArray(subprocessors.id, s))) {
      out.set(`subprocessor:${row.id}`, { kind: 'subprocessor', name: row.name, purpose: row.purpose, location: row.location, startDate: row.startDate });
    }
  }
  const a = ids('agreement');
  if (a.length) {
    for (const row of await db.select().from(agreements).where(inArray(agreements.id, a))) out.set(`agreement:${row.id}`, { kind: 'agreement', version: row.version, publishedAt: iso(row.publishedAt) });
  }
  return out;
}
