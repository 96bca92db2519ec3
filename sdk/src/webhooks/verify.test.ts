import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureHeader, webhookSignature } from './signature.js';
import { verifyWebhook } from './verify.js';

const secret = 'whsec_testsecret0123456789abcdefABCDEF';
const now = Date.parse('2025-03-10T09:00:00Z');
const ts = Math.floor(now / 1000);
const body = JSON.stringify({ id: 'd-1', event: 'ping', createdAt: '2025-03-10T09:00:00.000Z', tenantId: 't-1', data: {} });

async function headersFor(b = body, t: number | string = ts, s = secret) {
  return { 'Aftercare-Webhook-Id': 'd-1', 'Aftercare-Webhook-Timestamp': String(t), 'Aftercare-Signature': await signatureHeader(s, t, b) };
}

describe('verifyWebhook', () => {
  it('signs HMAC-SHA256 over `${timestamp}.${body}` (checked against node:crypto)', async () => {
    expect(await webhookSignature(secret, ts, body)).toBe(createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex'));
    expect(await signatureHeader(secret, ts, body)).toMatch(/^v1=[0-9a-f]{64}$/);
  });

  it('accepts a genuine delivery (plain-object or Headers, any header case) and returns the event', async () => {
    const h = await headersFor();
    const ok = await verifyWebhook({ secret, body, headers: h, now });
    expect(ok).toMatchObject({ ok: true, id: 'd-1', timestamp: ts, event: { id: 'd-1', event: 'ping' } });
    const lower = Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
    expect((await verifyWebhook({ secret, body, headers: new Headers(h), now })).ok).toBe(true);
    expect((await verifyWebhook({ secret, body, headers: lower, now })).ok).toBe(true);
    // During the receiver's own rotation: either secret.
    expect((await verifyWebhook({ secret: ['whsec_new', secret], body, headers: h, now })).ok).toBe(true);
  });

  it('refuses one changed byte of the body, a changed timestamp, or another secret: signature', async () => {
    const h = await headersFor();
    const flipped = body.replace('"ping"', '"pinh"');
    expect(await verifyWebhook({ secret, body: flipped, headers: h, now })).toEqual({ ok: false, reason: 'signature' });
    expect(await verifyWebhook({ secret, body, headers: { ...h, 'Aftercare-Webhook-Timestamp': String(ts + 1) }, now })).toEqual({ ok: false, reason: 'signature' });
    expect(await verifyWebhook({ secret: 'whsec_other', body, headers: h, now })).toEqual({ ok: false, reason: 'signature' });
    expect(await verifyWebhook({ secret: [], body, headers: h, now })).toEqual({ ok: false, reason: 'signature' });
  });

  it('refuses a genuine delivery outside the tolerance: timestamp (a replay)', async () => {
    const h = await headersFor();
    expect((await verifyWebhook({ secret, body, headers: h, now: now + 300_000 })).ok).toBe(true);
    expect(await verifyWebhook({ secret, body, headers: h, now: now + 301_000 })).toEqual({ ok: false, reason: 'timestamp' });
    expect(await verifyWebhook({ secret, body, headers: h, now: now - 301_000 })).toEqual({ ok: false, reason: 'timestamp' });
    expect((await verifyWebhook({ secret, body, headers: h, now: now + 3_000_000, toleranceSeconds: 3600 })).ok).toBe(true);
  });

  it('refuses missing or malformed headers and a body that is not the envelope: format', async () => {
    const h = await headersFor();
    const without = (k: string) => Object.fromEntries(Object.entries(h).filter(([key]) => key !== k));
    for (const k of Object.keys(h)) expect(await verifyWebhook({ secret, body, headers: without(k), now })).toEqual({ ok: false, reason: 'format' });
    expect(await verifyWebhook({ secret, body, headers: { ...h, 'Aftercare-Signature': 'v0=abc' }, now })).toEqual({ ok: false, reason: 'format' });
    expect(await verifyWebhook({ secret, body, headers: { ...h, 'Aftercare-Webhook-Timestamp': 'soon' }, now })).toEqual({ ok: false, reason: 'format' });
    // Signed, but the id header does not name the body's event.
    expect(await verifyWebhook({ secret, body, headers: { ...h, 'Aftercare-Webhook-Id': 'd-2' }, now })).toEqual({ ok: false, reason: 'format' });
    const notJson = 'hello';
    expect(await verifyWebhook({ secret, body: notJson, headers: await headersFor(notJson), now })).toEqual({ ok: false, reason: 'format' });
  });
});
