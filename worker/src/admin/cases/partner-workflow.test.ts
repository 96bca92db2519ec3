import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { As } from '../../testing/admin-harness.js';
import { ADMIN_CASE_STATUSES, nextStatuses, statusesOf, type AdminCaseStatus } from '../../../../sdk/src/admin/workflow.js';
import type { PartnerType } from '../../../../sdk/src/admin/roles.js';
import { CASE_KINDS, type CaseKind } from '../../../../sdk/src/schemas/index.js';
import { cases } from '../../db/schema.js';
import { readChain } from '../../audit/log.js';
import { caseHarness, type CaseHarness } from './testing.js';

/**
 * Issue 9 item 8: a partner moves a case only along its own table (R22, R28) — never rejects,
 * cancels, closes or reopens it (closing and cancelling start the retention clock, R12). Written
 * out here by hand, independent of sdk/src/admin/workflow.ts.
 */
const WORK = { scheduled: ['in_progress'], in_progress: ['resolved'] };
const EXPECTED: Record<'carrier' | 'technician', Partial<Record<CaseKind, Partial<Record<string, string[]>>>>> = {
  carrier: { return: { approved: ['received'] }, exchange: { approved: ['received'] } },
  technician: { repair: WORK, installation: WORK, warranty: WORK, complaint: WORK },
};

let h: CaseHarness;
beforeAll(async () => {
  h = await caseHarness();
});
afterAll(() => h.dispose());

const post = (id: string, status: string, as: As) => h.admin(`/cases/${id}/status`, { as, body: { status } });

/** A path of owner moves from `new` to `target` (breadth-first through the kind's table). */
function pathTo(kind: CaseKind, target: AdminCaseStatus): AdminCaseStatus[] {
  const queue: AdminCaseStatus[][] = [[]];
  while (queue.length) {
    const path = queue.shift()!;
    const at = path.at(-1) ?? 'new';
    if (at === target) return path;
    for (const n of nextStatuses(kind, at)) if (!path.includes(n)) queue.push([...path, n]);
  }
  throw new Error(`${kind}: ${target} unreachable`);
}

/** A case of `kind` at `status`, assigned to `org`. */
async function caseAt(kind: CaseKind, status: AdminCaseStatus, org: string) {
  const c = await h.submitCase(kind);
  for (const s of pathTo(kind, status)) expect((await post(c.id, s, h.owner)).status).toBe(200);
  expect((await h.admin(`/cases/${c.id}/assign`, { as: h.owner, body: { organisationId: org } })).status).toBe(200);
  return c.id;
}

const statusOf = async (id: string) => (await h.db.select({ status: cases.status, closedAt: cases.closedAt }).from(cases).where(eq(cases.id, id)))[0]!;

describe.each<PartnerType & keyof typeof EXPECTED>(['carrier', 'technician'])('a %s partner tries every status from every status of every kind', (type) => {
  it.each(CASE_KINDS)('%s: only its own table’s moves succeed; the rest are 409 listing its own moves; staff unaffected', async (kind) => {
    const org = await h.addOrg(h.tenant.tenantId, type);
    const { user: partner, auth: asPartner } = await h.as('partner', { partnerOrgId: org });
    const staff = (await h.as('staff')).auth;
    for (const from of statusesOf(kind)) {
      const own = EXPECTED[type][kind]?.[from] ?? [];
      const id = await caseAt(kind, from, org);
      const before = await statusOf(id);
      const refused = ADMIN_CASE_STATUSES.filter((s) => !own.includes(s));
      const answers = [];
      for (const to of refused) answers.push({ to, res: await post(id, to, asPartner) });
      // Every status but its own moves is refused (a 200 here would be a partner rejecting, closing, …).
      expect(Object.fromEntries(answers.map((a) => [a.to, a.res.status])), `${type} ${kind} from ${from}`).toEqual(Object.fromEntries(refused.map((to) => [to, 409])));
      for (const { to, res } of answers) {
        const p = (await res.json()) as { code: string; detail: string; errors: { path: string; code: string; message: string }[] };
        const label = `${type} ${kind} ${from} → ${to}`;
        expect(p.code, label).toBe('invalid_transition');
        expect(p.detail, label).toContain(`Allowed next statuses: ${own.length ? own.join(', ') : 'none for your organisation'}.`);
        expect(p.errors, label).toEqual([expect.objectContaining({ path: 'status', code: 'invalid_transition' })]);
      }
      expect(await statusOf(id), `${kind} ${from}: refusals change nothing`).toEqual(before);
      for (const to of own) {
        const again = to === own[0] ? id : await caseAt(kind, from, org);
        const res = await post(again, to, asPartner);
        expect(res.status, `${type} ${kind} ${from} → ${to}`).toBe(200);
        expect(await statusOf(again)).toEqual({ status: to, closedAt: null });
        const last = (await readChain(h.db, h.tenant.tenantId)).filter((e) => e.entityId === again && e.action === 'case.status_changed').at(-1);
        expect(last?.actorId).toBe(partner.id);
      }
      // Staff keep the whole table: every move the kind allows from here, also those the partner may not make.
      for (const to of nextStatuses(kind, from)) {
        const fresh = await caseAt(kind, from, org);
        expect((await post(fresh, to, staff)).status, `staff ${kind} ${from} → ${to}`).toBe(200);
      }
    }
  });
});
