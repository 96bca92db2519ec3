import { Hono } from 'hono';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { apiKeys, notices, users } from '../../db/schema.js';
import type { NoticeKind, NoticeList, NoticeView } from '../../../../sdk/src/admin/agreement.js';
import { problem } from '../../lib/problem.js';
import type { AdminEnv } from '../env.js';
import { requirePermission, requireTenant } from '../guards.js';
import { tenantOf } from '../principal.js';
import { noticeSubjects } from './about.js';
import type { Db } from '../../db/types.js';

const LIMIT = 200;

/**
 * In-product notices under /v1/admin/notices: a breach that affects this tenant, an announced
 * sub-processor, a new agreement version. Read: owner, auditor (`registers.read`); marking one
 * read: owner (`registers.manage`), recorded with user and time (the first reader stays).
 */
export function noticeRoutes() {
  const r = new Hono<AdminEnv>();

  r.get('/', requirePermission('registers.read'), requireTenant, async (c) => {
    const { db } = c.var.deps;
    const tenantId = tenantOf(c.var.principal);
    const rows = await db.select().from(notices).where(eq(notices.tenantId, tenantId)).orderBy(desc(notices.createdAt), desc(notices.id)).limit(LIMIT);
    const [{ unread }] = (await db.select({ unread: sql<number>`count(*)` }).from(notices).where(and(eq(notices.tenantId, tenantId), isNull(notices.readAt)))) as [{ unread: number }];
    const about = await noticeSubjects(db, tenantId, rows);
    const names = await readerNames(db, tenantId, rows.map((n) => n.readBy).filter((x): x is string => !!x));
    const items: NoticeView[] = rows.map((n) => view(n, about.get(`${n.kind}:${n.refId}`) ?? { kind: 'unknown' }, names));
    return c.json({ items, unread: Number(unread) } satisfies NoticeList);
  });

  r.post('/:id/read', requirePermission('registers.manage'), requireTenant, async (c) => {
    const { db, clock } = c.var.deps;
    const tenantId = tenantOf(c.var.principal);
    const where = and(eq(notices.id, c.req.param('id')), eq(notices.tenantId, tenantId));
    await db.update(notices).set({ readAt: clock.now(), readBy: c.var.principal.id }).where(and(where, isNull(notices.readAt)));
    const [n] = await db.select().from(notices).where(where);
    if (!n) return problem('not_found');
    const about = await noticeSubjects(db, tenantId, [n]);
    return c.json(view(n, about.get(`${n.kind}:${n.refId}`) ?? { kind: 'unknown' }, await readerNames(db, tenantId, n.readBy ? [n.readBy] : [])));
  });
  return r;
}

type NoticeRow = typeof notices.$inferSelect;

const view = (n: NoticeRow, about: NoticeView['about'], names: Map<string, string>): NoticeView => ({
  id: n.id, kind: n.kind as NoticeKind, refId: n.refId, createdAt: new Date(n.createdAt).toISOString(),
  readAt: n.readAt === null ? null : new Date(n.readAt).toISOString(), readBy: n.readBy ? (names.get(n.readBy) ?? null) : null, about,
});

/** Display names of this tenant's users, or names of its API keys, by id. */
async function readerNames(db: Db, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(ids)].slice(0, 90);
  if (!unique.length) return out;
  for (const k of await db.select({ id: apiKeys.id, name: apiKeys.name }).from(apiKeys).where(and(inArray(apiKeys.id, unique), eq(apiKeys.tenantId, tenantId)))) out.set(k.id, k.name);
  for (const u of await db.select({ id: users.id, name: users.displayName }).from(users).where(and(inArray(users.id, unique), eq(users.tenantId, tenantId)))) out.set(u.id, u.name);
  return out;
}
