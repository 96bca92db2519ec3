import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, ORIGIN, type Harness } from '../testing/harness.js';
import { memoryRateLimiter } from '../limiter/memory.js';

let h: Harness;
let before: Record<string, number>;
beforeEach(async () => {
  h = await makeHarness();
  before = await h.counts();
});
afterEach(() => h.dispose());

/** Every refusal is problem+json with a stable code, and writes no row at all. */
async function expectRefused(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = (await res.json()) as { code: string; status: number; errors?: { path: string; code: string }[] };
  expect(body.code).toBe(code);
  expect(body.status).toBe(status);
  expect(await h.counts()).toEqual(before);
  return body;
}

describe('POST /v1/cases — refused, nothing written', () => {
  it('401 without a key, with a malformed key, with an unknown key', async () => {
    const body = JSON.stringify(h.validCase());
    const post = (authorization?: string) =>
      h.app.request('/v1/cases', { method: 'POST', body, headers: { ...(authorization ? { authorization } : {}), origin: ORIGIN, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() } });
    await expectRefused(await post(), 401, 'unauthorized');
    await expectRefused(await post('Bearer nonsense'), 401, 'unauthorized');
    await expectRefused(await post('Bearer pk_live_doesnotexist0000000000'), 401, 'unauthorized');
  });

  it('403 from an origin the key does not allow, from Origin: null, and without Origin', async () => {
    await expectRefused(await h.submit(h.validCase(), { origin: 'https://evil.example' }), 403, 'origin_not_allowed');
    await expectRefused(await h.submit(h.validCase(), { origin: 'https://shop.example.evil.example' }), 403, 'origin_not_allowed');
    await expectRefused(await h.submit(h.validCase(), { origin: 'null' }), 403, 'origin_not_allowed');
    const noOrigin = await h.app.request('/v1/cases', {
      method: 'POST',
      body: JSON.stringify(h.validCase()),
      headers: { authorization: `Bearer ${h.tenant.publishableKey}`, 'content-type': 'application/json', 'idempotency-key': 'k1', 'sec-fetch-site': 'cross-site' },
    });
    await expectRefused(noOrigin, 403, 'origin_not_allowed');
  });

  it('no CORS headers for a foreign origin; exactly the allowed origin otherwise, never credentials', async () => {
    const evil = await h.submit(h.validCase(), { origin: 'https://evil.example' });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await h.app.request('/v1/cases', { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    expect(pre.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    const preEvil = await h.app.request('/v1/cases', { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(preEvil.status).toBe(403);
    expect(preEvil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('400 without Idempotency-Key', async () => {
    await expectRefused(await h.submit(h.validCase(), { 'idempotency-key': '' }), 400, 'idempotency_key_required');
    await expectRefused(await h.submit(h.validCase(), { 'idempotency-key': 'x'.repeat(256) }), 400, 'idempotency_key_required');
  });

  it('415 for a body that is not declared JSON; 400 for invalid JSON', async () => {
    await expectRefused(await h.submit(JSON.stringify(h.validCase()), { 'content-type': 'text/plain' }), 415, 'unsupported_media_type');
    await expectRefused(await h.submit('{"kind": "repair",'), 400, 'invalid_json');
  });

  it('413 for a body over 64 KB', async () => {
    const big = { ...h.validCase('repair'), details: { description: 'x'.repeat(70_000) } };
    await expectRefused(await h.submit(big), 413, 'payload_too_large');
  });

  it('422 with per-field errors for unknown fields and an invalid postcode', async () => {
    const c = h.validCase('repair') as unknown as { subject: Record<string, unknown> };
    const bad = { ...c, subject: { ...c.subject, postcode: '0123 AB', bsn: '123456789' }, tracking: 'utm' };
    const body = await expectRefused(await h.submit(bad), 422, 'validation_failed');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'subject.postcode', code: 'invalid_postcode' }),
        expect.objectContaining({ path: 'subject.bsn', code: 'unknown_field' }),
        expect.objectContaining({ path: 'tracking', code: 'unknown_field' }),
      ]),
    );
  });

  it('422 consent_required when consent is missing or not accepted', async () => {
    const c = h.validCase() as unknown as Record<string, unknown> & { consent: Record<string, unknown> };
    const { consent, ...withoutConsent } = c;
    await expectRefused(await h.submit(withoutConsent), 422, 'consent_required');
    await expectRefused(await h.submit({ ...c, consent: { ...consent, accepted: false } }), 422, 'consent_required');
    await expectRefused(await h.submit({ ...c, consent: { ...consent, accepted: 'true' } }), 422, 'consent_required');
  });

  it('422 consent_mismatch for an unknown version, a wrong hash, another language, another privacy URL', async () => {
    const c = h.validCase() as unknown as Record<string, unknown> & { consent: Record<string, unknown> };
    const en = h.config.consentTexts.en!;
    for (const consent of [
      { ...c.consent, textId: 'ct_unknown' },
      { ...c.consent, textHash: 'f'.repeat(64) },
      { ...c.consent, textId: en.id, textHash: en.hash },
      { ...c.consent, privacyUrl: 'https://other.example/privacy' },
    ]) {
      await expectRefused(await h.submit({ ...c, consent }), 422, 'consent_mismatch');
    }
  });

  it("422 consent_mismatch for another tenant's consent text", async () => {
    const other = await makeHarness();
    try {
      const theirs = other.config.consentTexts.nl!;
      const c = h.validCase() as unknown as Record<string, unknown> & { consent: Record<string, unknown> };
      await expectRefused(await h.submit({ ...c, consent: { ...c.consent, textId: theirs.id, textHash: theirs.hash } }), 422, 'consent_mismatch');
    } finally {
      other.dispose();
    }
  });

  it('429 with Retry-After when the key + IP is over its limit; a replay is still answered', async () => {
    const limited = await makeHarness({ rateLimiter: memoryRateLimiter({ limit: 2, windowMs: 60_000, clock: { now: () => 1_000 } }) });
    try {
      const first = JSON.stringify(limited.validCase());
      const created = await limited.submit(first, { 'idempotency-key': 'first' });
      expect(created.status).toBe(201);
      expect((await limited.submit(limited.validCase())).status).toBe(201);
      const mid = await limited.counts();
      const res = await limited.submit(limited.validCase());
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('60');
      expect(((await res.json()) as { code: string }).code).toBe('rate_limited');
      expect(await limited.counts()).toEqual(mid);
      // A replay writes nothing and is not limited: the consumer learns the case was saved.
      const replay = await limited.submit(first, { 'idempotency-key': 'first' });
      expect(replay.status).toBe(201);
      expect(await replay.text()).toBe(await created.text());
    } finally {
      limited.dispose();
    }
  });
});
