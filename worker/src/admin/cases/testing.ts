import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { subjects } from '../../db/schema.js';
import { makeAdminHarness, type As } from '../../testing/admin-harness.js';
import { queryString, type Query } from '../../../../sdk/src/admin-client/transport.js';
import type { AdminCaseView, CaseListPage } from '../../../../sdk/src/admin/cases.js';

/** An admin harness whose clock a test sets (`at(ms)`), and helpers for the case routes. */
export async function caseHarness() {
  let now = Date.parse('2025-03-10T09:00:00Z');
  const h = await makeAdminHarness({ clock: { now: () => now } });
  // An owner's sk_ key: it does not expire when a test moves the clock (sessions do).
  const owner = { auth: await h.keyFor({ role: 'owner', name: 'owner key' }) };
  return {
    ...h,
    owner: owner.auth,
    at: (ms: number) => (now = ms),
    tick: (ms = 1000) => (now += ms),
    /** GET /cases with this query as `as` (the owner by default); asserts 200. */
    async list(query: Query, as: As = owner.auth): Promise<CaseListPage> {
      const res = await h.admin(`/cases${queryString(query)}`, { as });
      expect(res.status, await res.clone().text()).toBe(200);
      return (await res.json()) as CaseListPage;
    },
    /** Every page of a list, following nextCursor. */
    async listAll(query: Query, as: As = owner.auth): Promise<AdminCaseView[]> {
      const out: AdminCaseView[] = [];
      let cursor: string | null | undefined;
      for (let i = 0; i < 100; i++) {
        const page = await this.list({ ...query, cursor: cursor ?? undefined }, as);
        out.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) return out;
      }
      throw new Error('too many pages');
    },
    async get(id: string, as: As = owner.auth) {
      return h.admin(`/cases/${id}`, { as });
    },
    /** R10 stand-in until the anonymisation feature: marks the subject erased. */
    async anonymise(subjectId: string) {
      await h.db.update(subjects).set({ anonymizedAt: now }).where(eq(subjects.id, subjectId));
    },
  };
}
export type CaseHarness = Awaited<ReturnType<typeof caseHarness>>;
