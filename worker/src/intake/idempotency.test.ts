import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../testing/harness.js';
import { createApp } from '../app.js';
import { unlimited } from '../limiter/unlimited.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.dispose());

describe('Idempotency-Key', () => {
  it('a replay returns the identical status and body and writes nothing more', async () => {
    const body = JSON.stringify(h.validCase());
    const first = await h.submit(body, { 'idempotency-key': 'same-key' });
    const firstText = await first.text();
    const after = await h.counts();
    const again = await h.submit(body, { 'idempotency-key': 'same-key' });
    expect(again.status).toBe(first.status);
    expect(await again.text()).toBe(firstText);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await h.counts()).toEqual(after);
  });

  it('the same key with a different body → 422 idempotency_key_reused', async () => {
    await h.submit(h.validCase('repair'), { 'idempotency-key': 'k' });
    const after = await h.counts();
    const res = await h.submit(h.validCase('complaint'), { 'idempotency-key': 'k' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { code: string }).code).toBe('idempotency_key_reused');
    expect(await h.counts()).toEqual(after);
  });

  it('while the first is in flight → 409 idempotency_in_flight; exactly one case', async () => {
    const body = JSON.stringify(h.validCase());
    const [a, b] = await Promise.all([h.submit(body, { 'idempotency-key': 'race' }), h.submit(body, { 'idempotency-key': 'race' })]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const conflict = a.status === 409 ? a : b;
    expect(((await conflict.json()) as { code: string }).code).toBe('idempotency_in_flight');
    expect((await h.counts()).cases).toBe(1);
  });

  it('keys are per tenant: another tenant may use the same key', async () => {
    const other = await makeHarness();
    try {
      expect((await h.submit(h.validCase(), { 'idempotency-key': 'shared' })).status).toBe(201);
      expect((await other.submit(other.validCase(), { 'idempotency-key': 'shared' })).status).toBe(201);
    } finally {
      other.dispose();
    }
  });

  it('is kept for 24 h, then the key may be used afresh', async () => {
    let now = Date.UTC(2026, 0, 1);
    const timed = await makeHarness({ clock: { now: () => now } });
    try {
      const body = JSON.stringify(timed.validCase());
      const first = await timed.submit(body, { 'idempotency-key': 'day' });
      now += 24 * 3600_000 - 1;
      const replay = await timed.submit(body, { 'idempotency-key': 'day' });
      expect(await replay.text()).toBe(await first.text());
      now += 2;
      const fresh = await timed.submit(body, { 'idempotency-key': 'day' });
      expect(fresh.status).toBe(201);
      expect(fresh.headers.get('idempotent-replayed')).toBeNull();
      expect((await timed.counts()).cases).toBe(2);
      expect((await timed.counts()).idempotency_keys).toBe(1);
    } finally {
      timed.dispose();
    }
  });

  it('two processes (isolates) with the same key: one write wins, the other replays its answer', async () => {
    const other = createApp({ db: h.db, clock: { now: () => Date.now() }, rateLimiter: unlimited, clientIp: () => '198.51.100.1' });
    const body = JSON.stringify(h.validCase());
    const post = (app: typeof h.app) =>
      app.request('/v1/cases', { method: 'POST', headers: h.headers({ 'content-type': 'application/json', 'idempotency-key': 'twice' }), body });
    const [a, b] = await Promise.all([post(h.app), post(other)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(await a.text()).toBe(await b.text());
    expect((await h.counts()).cases).toBe(1);
  });
});
