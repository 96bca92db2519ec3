import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { notices } from '../../db/schema.js';
import { makeAdminHarness, type AdminHarness, type As } from '../../testing/admin-harness.js';
import type { NoticeList, NoticeView } from '../../../../sdk/src/admin/agreement.js';
import type { PlatformBreachChanged } from '../../../../sdk/src/admin/breaches.js';
import type { SubprocessorCreated } from '../../../../sdk/src/admin/platform.js';
import { HOUR, validBreach } from '../breaches/testing.js';

/** In-product notices: breach, sub-processor and agreement notices per tenant, newest first, read marking. */
let h: AdminHarness;
let now = Date.parse('2030-07-01T09:00:00Z');
let operator: As;
let owner: As;
let auditor: As;
let staff: As;
let otherOwner: As;
let breachId: string;
let subprocessorId: string;

beforeAll(async () => {
  h = await makeAdminHarness({ clock: { now: () => now } });
  operator = (await h.as('operator')).auth;
  owner = (await h.as('owner')).auth;
  auditor = (await h.as('auditor')).auth;
  staff = (await h.as('staff')).auth;
  otherOwner = (await h.as('owner', { tenantId: h.other.tenantId })).auth;
  const sp = await h.admin('/platform/subprocessors', { as: operator, body: { name: 'Hosting GmbH', purpose: 'Hosting', location: 'DE', startDate: '2030-08-15' } });
  subprocessorId = ((await sp.json()) as SubprocessorCreated).id;
  now += 1000;
  const b = await h.admin('/platform-breaches', { as: operator, body: validBreach({ discoveredAt: now - 3 * HOUR, tenantIds: [h.tenant.tenantId] }) });
  breachId = ((await b.json()) as PlatformBreachChanged).id;
  now += 1000;
  await h.admin('/platform-agreements', { as: operator, body: { text: { nl: 'Verwerkersovereenkomst. '.repeat(10).trim(), en: 'Processor agreement. '.repeat(12).trim() } } });
}, 60_000);
afterAll(() => h?.dispose());

const list = async (as: As) => (await (await h.admin('/notices', { as })).json()) as NoticeList;

describe('GET /v1/admin/notices', () => {
  it('this tenant\'s notices, newest first, each with what it is about, and the unread count', async () => {
    const mine = await list(auditor);
    expect(mine.unread).toBe(3);
    expect(mine.items.map((n) => n.kind)).toEqual(['agreement', 'breach', 'subprocessor']);
    const [agreement, breach, sp] = mine.items as [NoticeView, NoticeView, NoticeView];
    expect(agreement.about).toEqual({ kind: 'agreement', version: 1, publishedAt: new Date(now).toISOString() });
    expect(breach).toMatchObject({ refId: breachId, readAt: null, readBy: null });
    expect(breach.about).toEqual({
      kind: 'breach', discoveredAt: new Date(now - 1000 - 3 * HOUR).toISOString(), deadlineAt: new Date(now - 1000 + 45 * HOUR).toISOString(),
      notifiedAt: new Date(now - 1000).toISOString(), dataCategories: ['contact', 'address'], approxSubjects: 1200,
    });
    expect(sp).toMatchObject({ refId: subprocessorId, about: { kind: 'subprocessor', name: 'Hosting GmbH', location: 'DE', startDate: '2030-08-15' } });
  });

  it('another tenant sees only its own (no breach that does not affect it)', async () => {
    const theirs = await list(otherOwner);
    expect(theirs.items.map((n) => n.kind)).toEqual(['agreement', 'subprocessor']);
    expect(JSON.stringify(theirs)).not.toContain(breachId);
  });

  it('staff and operators may not read them', async () => {
    expect((await h.admin('/notices', { as: staff })).status).toBe(403);
    expect((await h.admin('/notices', { as: operator })).status).toBe(403);
  });
});

describe('POST /v1/admin/notices/:id/read', () => {
  it('the owner marks one read with user and time; the first reader stays; the unread count drops', async () => {
    const target = (await list(owner)).items.find((n) => n.kind === 'breach')!;
    const res = await h.admin(`/notices/${target.id}/read`, { as: owner, body: {} });
    expect(res.status).toBe(200);
    expect((await res.json()) as NoticeView).toMatchObject({ id: target.id, readAt: new Date(now).toISOString(), readBy: 'Test owner' });
    const at = now;
    now += 5000;
    const second = await h.admin(`/notices/${target.id}/read`, { as: (await h.as('owner')).auth, body: {} });
    expect(((await second.json()) as NoticeView).readAt).toBe(new Date(at).toISOString());
    const mine = await list(owner);
    expect(mine.unread).toBe(2);
    expect(mine.items.find((n) => n.id === target.id)!.readBy).toBe('Test owner');
  });

  it('the auditor may not mark read (403); another tenant\'s notice is 404 and stays unread', async () => {
    const target = (await list(owner)).items.find((n) => n.kind === 'agreement')!;
    expect((await h.admin(`/notices/${target.id}/read`, { as: auditor, body: {} })).status).toBe(403);
    const theirs = (await list(otherOwner)).items[0]!;
    expect((await h.admin(`/notices/${theirs.id}/read`, { as: owner, body: {} })).status).toBe(404);
    const [row] = await h.db.select().from(notices).where(eq(notices.id, theirs.id));
    expect(row!.readAt).toBeNull();
    expect((await h.admin('/notices/unknown/read', { as: owner, body: {} })).status).toBe(404);
  });
});
