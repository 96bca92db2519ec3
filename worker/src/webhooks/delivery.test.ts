import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { verifyWebhook } from '../../../sdk/src/webhooks/verify.js';
import type { WebhookEnvelope } from '../../../sdk/src/webhooks/events.js';
import { webhookOutbox } from '../db/schema.js';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from './backoff.js';
import { outboxStatement } from './outbox.js';
import { webhookHarness, type Received, type WebhookHarness } from './testing.js';

let h: WebhookHarness;
afterEach(async () => h?.dispose());

const header = (r: Received, name: string) => r.headers[name] as string;

describe('webhook delivery to a real receiver', () => {
  it('signs each delivery: verifyWebhook accepts it, and refuses one changed body byte or timestamp', async () => {
    h = await webhookHarness({ privateTargets: true });
    const { secret } = await h.configure();
    expect(secret).toMatch(/^whsec_[0-9A-Za-z]{32}$/);
    const c = await h.submitCase('repair');
    expect(await h.run()).toMatchObject({ counts: { claimed: 1, delivered: 1, retried: 0, failed: 0 } });
    expect(h.receiver.received).toHaveLength(1);
    const r = h.receiver.received[0]!;
    const [row] = await h.rows();
    expect(header(r, 'aftercare-webhook-id')).toBe(row!.id);
    expect(header(r, 'aftercare-webhook-timestamp')).toBe(String(Math.floor(h.clock.now() / 1000)));
    expect(header(r, 'content-type')).toBe('application/json');
    expect(header(r, 'aftercare-signature')).toMatch(/^v1=[0-9a-f]{64}$/);

    const now = h.clock.now();
    const ok = await verifyWebhook({ secret: secret!, body: r.body, headers: r.headers, now });
    expect(ok).toMatchObject({ ok: true, id: row!.id, event: { id: row!.id, event: 'case.created', tenantId: h.tenant.tenantId, data: { caseId: c.id, reference: c.reference } } });
    // One byte of the body changed.
    const i = r.body.indexOf(c.reference) + 1;
    const changed = r.body.slice(0, i) + (r.body[i] === 'A' ? 'B' : 'A') + r.body.slice(i + 1);
    expect(await verifyWebhook({ secret: secret!, body: changed, headers: r.headers, now })).toEqual({ ok: false, reason: 'signature' });
    // The timestamp changed (a replay with a fresh timestamp).
    const ts = Number(header(r, 'aftercare-webhook-timestamp'));
    expect(await verifyWebhook({ secret: secret!, body: r.body, headers: { ...r.headers, 'aftercare-webhook-timestamp': String(ts + 60) }, now })).toEqual({ ok: false, reason: 'signature' });
    // The genuine message, replayed after the tolerance.
    expect(await verifyWebhook({ secret: secret!, body: r.body, headers: r.headers, now: now + 301_000 })).toEqual({ ok: false, reason: 'timestamp' });
    // Delivered rows are not sent again.
    h.tick(3_600_000);
    expect((await h.run()).counts).toMatchObject({ claimed: 0 });
    expect(h.receiver.received).toHaveLength(1);
  });

  it('retries after failures with growing backoff: 500, 500, 200 = three attempts, one delivery id, delivered once', async () => {
    h = await webhookHarness({ privateTargets: true });
    const { secret } = await h.configure();
    await h.submitCase('repair');
    h.receiver.answer((_r, n) => (n <= 2 ? 500 : 200));
    const t0 = h.clock.now();

    expect((await h.run()).counts).toMatchObject({ claimed: 1, retried: 1 });
    let [row] = await h.rows();
    const wait1 = row!.nextAttemptAt - t0;
    expect(row).toMatchObject({ attempts: 1, lastStatus: 500, lastError: 'http_500', deliveredAt: null, failedAt: null });
    expect(wait1).toBe(RETRY_DELAYS_MS[0]); // random() = 0.5: no jitter

    // Not due yet: nothing is sent.
    h.tick(wait1 - 1);
    expect((await h.run()).counts).toMatchObject({ claimed: 0 });
    h.tick(1);
    expect((await h.run()).counts).toMatchObject({ claimed: 1, retried: 1 });
    [row] = await h.rows();
    const wait2 = row!.nextAttemptAt - h.clock.now();
    expect(row!.attempts).toBe(2);
    expect(wait2).toBeGreaterThan(wait1);

    h.tick(wait2);
    expect((await h.run()).counts).toMatchObject({ claimed: 1, delivered: 1 });
    [row] = await h.rows();
    expect(row).toMatchObject({ attempts: 3, lastStatus: 200, lastError: null, deliveredAt: h.clock.now() });

    const ids = h.receiver.received.map((r) => header(r, 'aftercare-webhook-id'));
    expect(ids).toEqual([row!.id, row!.id, row!.id]);
    // Each attempt is signed afresh with its own timestamp; the body is the same.
    expect(new Set(h.receiver.received.map((r) => r.body)).size).toBe(1);
    const stamps = h.receiver.received.map((r) => Number(header(r, 'aftercare-webhook-timestamp')));
    expect(stamps).toEqual([t0, t0 + wait1, t0 + wait1 + wait2].map((ms) => Math.floor(ms / 1000)));
    const last = h.receiver.received[2]!;
    expect((await verifyWebhook({ secret: secret!, body: last.body, headers: last.headers, now: h.clock.now() })).ok).toBe(true);
  });

  it('jitter spreads retries within ±20 % and the waits still grow', async () => {
    h = await webhookHarness({ privateTargets: true });
    await h.configure();
    await h.submitCase('repair');
    h.receiver.answer(() => 503);
    const waits: number[] = [];
    for (const random of [0.999, 0, 0.999, 0]) {
      await h.run({ random: () => random });
      const [row] = await h.rows();
      waits.push(row!.nextAttemptAt - h.clock.now());
      h.tick(row!.nextAttemptAt - h.clock.now());
    }
    expect(waits[0]).toBeCloseTo(RETRY_DELAYS_MS[0] * 1.2, -2);
    expect(waits[1]).toBe(RETRY_DELAYS_MS[1] * 0.8);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThan(waits[i - 1]!);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts: failed_at set, nothing sent afterwards`, async () => {
    h = await webhookHarness({ privateTargets: true });
    await h.configure();
    await h.submitCase('repair');
    h.receiver.answer(() => 500);
    for (let i = 0; i < MAX_ATTEMPTS + 3; i++) {
      await h.run();
      h.tick(9 * 3_600_000); // past any wait
    }
    const [row] = await h.rows();
    expect(h.receiver.received).toHaveLength(MAX_ATTEMPTS);
    expect(row).toMatchObject({ attempts: MAX_ATTEMPTS, deliveredAt: null, lastStatus: 500, lastError: 'http_500' });
    expect(row!.failedAt).not.toBeNull();
    const res = await h.admin('/webhooks/deliveries', { as: h.owner });
    expect(((await res.json()) as { items: unknown[] }).items).toEqual([expect.objectContaining({ id: row!.id, status: 'failed', attempts: MAX_ATTEMPTS, nextAttemptAt: null })]);
  });

  it('two delivery runs at once: every delivery id is received exactly once', async () => {
    h = await webhookHarness({ privateTargets: true });
    await h.configure();
    const n = 40;
    await h.db.batch(Array.from({ length: n }, (_, i) => outboxStatement(h.db, { tenantId: h.tenant.tenantId, event: 'ping', data: {}, now: h.clock.now() - i })) as [ReturnType<typeof outboxStatement>]);
    // A slow receiver keeps both runners busy at the same time.
    h.receiver.answer(() => new Promise((r) => setTimeout(() => r(200), 15)));
    const reports = await Promise.all([h.run({ batchSize: 5, concurrency: 3 }), h.run({ batchSize: 5, concurrency: 3 }), h.run({ batchSize: 7 })]);
    const ids = h.receiver.received.map((r) => header(r, 'aftercare-webhook-id'));
    expect(ids).toHaveLength(n);
    expect(new Set(ids).size).toBe(n);
    expect(reports.reduce((s, r) => s + r.counts!.delivered!, 0)).toBe(n);
    expect(reports.filter((r) => r.counts!.claimed! > 0).length).toBeGreaterThan(1); // they really overlapped
    const rows = await h.rows();
    expect(rows.every((r) => r.attempts === 1 && r.deliveredAt !== null)).toBe(true);
  });

  it('a runner that died mid-send leaves its rows claimed only until the claim expires', async () => {
    h = await webhookHarness({ privateTargets: true });
    await h.configure();
    await h.db.batch([outboxStatement(h.db, { tenantId: h.tenant.tenantId, event: 'ping', data: {}, now: h.clock.now() })]);
    // Simulate the dead runner's claim: next_attempt_at moved 2 minutes ahead, nothing recorded.
    await h.db.update(webhookOutbox).set({ nextAttemptAt: h.clock.now() + 120_000 });
    expect((await h.run()).counts).toMatchObject({ claimed: 0 });
    h.tick(120_000);
    expect((await h.run()).counts).toMatchObject({ claimed: 1, delivered: 1 });
  });

  it('payloads carry no personal data unless the tenant opted in; an anonymised subject is never sent', async () => {
    h = await webhookHarness({ privateTargets: true });
    const { secret } = await h.configure({ url: h.receiver.url, personalData: false });
    const first = await h.submitCase('repair');
    await h.run();
    const plain = h.receiver.received[0]!.body;
    expect(plain).not.toContain('jan@example.nl');
    expect(plain).not.toMatch(/de Vries|Dorpsstraat|612345678|Utrecht/i);
    expect((JSON.parse(plain) as WebhookEnvelope<'case.created'>).data).toEqual({ caseId: first.id, reference: first.reference, kind: 'repair', status: 'new' });

    await h.configure({ url: h.receiver.url, personalData: true });
    h.tick(1);
    const second = await h.submitCase('repair');
    await h.run();
    const opted = JSON.parse(h.receiver.received[1]!.body) as WebhookEnvelope<'case.created'>;
    expect(opted.data).toEqual({ caseId: second.id, reference: second.reference, kind: 'repair', status: 'new', subject: { firstName: 'Jan', lastName: 'de Vries', email: 'jan@example.nl', phone: '+31612345678' } });
    expect(h.receiver.received[1]!.body).not.toMatch(/Dorpsstraat|Utrecht/); // contact fields only, no address
    expect((await verifyWebhook({ secret: secret!, body: h.receiver.received[1]!.body, headers: h.receiver.received[1]!.headers, now: h.clock.now() })).ok).toBe(true);

    // Anonymised before delivery: the opted-in payload goes without the subject.
    h.tick(1);
    const third = await h.submitCase('repair');
    const erase = await h.admin(`/subjects/${third.subjectId}/anonymise`, { as: h.owner, body: { confirm: true } });
    expect(erase.status, await erase.clone().text()).toBeLessThan(300);
    await h.run();
    const bodies = h.receiver.received.slice(2).map((r) => JSON.parse(r.body) as WebhookEnvelope);
    const created = bodies.find((b) => b.event === 'case.created' && b.data.caseId === third.id)!;
    expect(created.data).not.toHaveProperty('subject');
  });

  it('switched off before delivery: the row fails as no_endpoint without a request; a timeout is retried', async () => {
    h = await webhookHarness({ privateTargets: true });
    await h.configure();
    await h.submitCase('repair');
    await h.configure({ url: null, personalData: false });
    expect((await h.run()).counts).toMatchObject({ claimed: 1, failed: 1 });
    expect((await h.rows())[0]).toMatchObject({ attempts: 0, lastError: 'no_endpoint' });
    expect(h.receiver.received).toHaveLength(0);

    await h.configure();
    h.tick(1);
    await h.submitCase('repair');
    h.receiver.answer(() => new Promise((r) => setTimeout(() => r(200), 500)));
    expect((await h.run({ timeoutMs: 100 })).counts).toMatchObject({ claimed: 1, retried: 1 });
    const row = (await h.rows()).find((r) => r.failedAt === null)!;
    expect(row).toMatchObject({ attempts: 1, lastStatus: null, lastError: 'timeout' });
  });

  it('a rotated secret signs later attempts (retries included); the old one no longer verifies', async () => {
    h = await webhookHarness({ privateTargets: true });
    const { secret: old } = await h.configure();
    await h.submitCase('repair');
    h.receiver.answer((_r, n) => (n === 1 ? 500 : 200));
    await h.run();
    const rotated = await h.admin('/webhooks/secret', { as: h.owner, method: 'POST' });
    const { secret: fresh } = (await rotated.json()) as { secret: string };
    expect(fresh).not.toBe(old);
    h.tick(RETRY_DELAYS_MS[0]);
    await h.run();
    const r = h.receiver.received[1]!;
    expect((await verifyWebhook({ secret: fresh, body: r.body, headers: r.headers, now: h.clock.now() })).ok).toBe(true);
    expect(await verifyWebhook({ secret: old!, body: r.body, headers: r.headers, now: h.clock.now() })).toEqual({ ok: false, reason: 'signature' });
    expect((await h.db.select().from(webhookOutbox).where(eq(webhookOutbox.id, header(r, 'aftercare-webhook-id'))))[0]!.deliveredAt).not.toBeNull();
  });
});
