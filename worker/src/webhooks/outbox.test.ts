import { afterEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { tenants, webhookOutbox } from '../db/schema.js';
import { webhookHarness, type WebhookHarness } from './testing.js';

let h: WebhookHarness;
afterEach(async () => h?.dispose());

const payloadOf = (row: { payload: string }) => JSON.parse(row.payload) as Record<string, unknown>;

describe('webhook outbox rows are written in the batch of the change', () => {
  it('case.created: one row per submission, ids only; none when the submission is refused', async () => {
    h = await webhookHarness({ privateTargets: true });
    await h.configure();
    const c = await h.submitCase('repair');
    const rows = await h.rows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tenantId: h.tenant.tenantId, event: 'case.created', attempts: 0, nextAttemptAt: h.clock.now(), deliveredAt: null, failedAt: null });
    expect(payloadOf(rows[0]!)).toEqual({ caseId: c.id, reference: c.reference, kind: 'repair', status: 'new' });
    expect(rows[0]!.payload).not.toMatch(/jan@example|de Vries|Dorpsstraat|612345678|Utrecht/i);

    // Refused: no consent (422) and a body that is not JSON (400): nothing written, no outbox row.
    const body = h.validCase('repair') as unknown as Record<string, unknown>;
    delete body.consent;
    expect((await h.submit(body)).status).toBe(422);
    expect((await h.submit('{not json')).status).toBe(400);
    expect(await h.outboxCount()).toBe(1);
  });

  it('the row and the case stand or fall together (a batch that fails leaves neither)', async () => {
    h = await webhookHarness({ privateTargets: true });
    await h.configure();
    // Make the case insert fail inside the batch, after the outbox statement was built: a trigger refusing cases.
    await h.db.run(sql`CREATE TRIGGER test_refuse_case BEFORE INSERT ON cases BEGIN SELECT RAISE(ABORT, 'refused by test'); END`);
    const res = await h.submit(h.validCase('repair'));
    expect(res.status).toBe(500);
    expect(await h.outboxCount()).toBe(0);
    await h.db.run(sql`DROP TRIGGER test_refuse_case`);
    await h.submitCase('repair');
    expect(await h.outboxCount()).toBe(1);
  });

  it('a tenant without a webhook URL gets no rows (an endpoint configured later sees nothing old)', async () => {
    h = await webhookHarness({ privateTargets: true });
    await h.submitCase('repair');
    await h.submitOtherCase('return');
    expect(await h.outboxCount()).toBe(0);
    await h.configure();
    await h.submitCase('complaint');
    await h.submitOtherCase('return');
    const rows = await h.rows();
    expect(rows.map((r) => [r.tenantId, r.event])).toEqual([[h.tenant.tenantId, 'case.created']]);
  });

  it('case.updated on a status change, an assignment and a note; a refused transition writes none', async () => {
    h = await webhookHarness({ privateTargets: true });
    await h.configure();
    const c = await h.submitCase('repair');
    const org = await h.addOrg(h.tenant.tenantId, 'technician');
    // Each call a millisecond later, so the outbox ids (UUIDv7) sort in call order.
    const call = (path: string, body: unknown) => (h.tick(1), h.admin(`/cases/${c.id}${path}`, { as: h.owner, body }));
    expect((await call('/status', { status: 'scheduled' })).status).toBe(200);
    expect((await call('/status', { status: 'closed' })).status).toBe(409);
    expect((await call('/assign', { organisationId: org })).status).toBe(200);
    expect((await call('/assign', { organisationId: org })).status).toBe(200); // unchanged: no event
    const note = await call('/notes', { body: 'Klant gebeld: jan@example.nl bevestigt dinsdag.', shared: false });
    expect(note.status).toBe(201);
    const noteId = ((await note.json()) as { id: string }).id;

    const updates = (await h.rows()).filter((r) => r.event === 'case.updated').map(payloadOf);
    const base = { caseId: c.id, reference: c.reference, kind: 'repair', status: 'scheduled' };
    expect(updates).toEqual([
      { ...base, assignedOrganisationId: null, change: 'status' },
      { ...base, assignedOrganisationId: org, change: 'assignment' },
      { ...base, assignedOrganisationId: org, change: 'note', noteId },
    ]);
    // The note's text (which holds an e-mail address) is never in the outbox.
    const [all] = await h.db.select({ text: sql<string>`group_concat(${webhookOutbox.payload})` }).from(webhookOutbox);
    expect(all!.text).not.toContain('jan@example.nl');
    expect(all!.text).not.toContain('gebeld');
  });

  it('switching webhooks off stops new rows', async () => {
    h = await webhookHarness({ privateTargets: true });
    await h.configure();
    await h.configure({ url: null, personalData: false });
    const [t] = await h.db.select({ url: tenants.webhookUrl }).from(tenants).where(eq(tenants.id, h.tenant.tenantId));
    expect(t!.url).toBeNull();
    await h.submitCase('repair');
    expect(await h.outboxCount()).toBe(0);
  });
});
