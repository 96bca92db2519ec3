import type { KindCounts, RetentionPreview } from '../../../sdk/src/admin/retention.js';
import { RETENTION_PREVIEW_MAX_CASES } from '../../../sdk/src/admin/retention.js';
import type { Db } from '../db/types.js';
import { casesDueBy } from './due.js';
import { loadPolicies } from './policies.js';

const DAY_MS = 86_400_000;
/** Calendar day in Europe/Amsterdam (the tenants' zone, as the case list uses). */
const dayFmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
const dayOf = (ms: number) => dayFmt.format(new Date(ms));

/**
 * What the retention service will anonymise between `now` and `now + days`: per calendar
 * day of each subject's last expiry (already-due subjects count on today: they go at the
 * next run), counts of subjects and of their cases per kind. `withCases` (owners) adds the
 * case references; nothing else identifies anyone.
 */
export async function previewRetention(db: Db, tenantId: string, o: { now: number; days: number; withCases: boolean }): Promise<RetentionPreview> {
  const until = o.now + o.days * DAY_MS;
  const rows = await casesDueBy(db, tenantId, await loadPolicies(db, tenantId), until);
  const total = { subjects: 0, cases: {} as KindCounts };
  const byDate = new Map<string, { date: string; subjects: number; cases: KindCounts; seen: Set<string> }>();
  for (const r of rows) {
    const date = dayOf(Math.max(r.due, o.now));
    const d = byDate.get(date) ?? byDate.set(date, { date, subjects: 0, cases: {}, seen: new Set() }).get(date)!;
    if (!d.seen.has(r.subjectId)) {
      d.seen.add(r.subjectId);
      d.subjects += 1;
      total.subjects += 1;
    }
    d.cases[r.kind] = (d.cases[r.kind] ?? 0) + 1;
    total.cases[r.kind] = (total.cases[r.kind] ?? 0) + 1;
  }
  const preview: RetentionPreview = {
    from: o.now, until, days: o.days, total,
    byDate: [...byDate.values()].map(({ seen: _seen, ...d }) => d),
  };
  if (o.withCases) {
    preview.cases = rows.slice(0, RETENTION_PREVIEW_MAX_CASES).map((r) => ({ reference: r.reference, kind: r.kind, status: r.status, expiresAt: r.exp, date: dayOf(Math.max(r.due, o.now)) }));
    preview.casesTruncated = rows.length > RETENTION_PREVIEW_MAX_CASES;
  }
  return preview;
}
