import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../schemas/index.js';
import { createClient } from './client.js';

/**
 * Unit tests of the client's decisions with a scripted `fetch` (a public option). The real
 * server and a failing proxy in front of it are exercised in test/sdk-client.test.ts.
 */
type Call = { url: string; method: string; headers: Record<string, string>; body?: string };
type Answer = Response | Error | 'hang';

function scripted(answers: Answer[]) {
  const calls: Call[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method!, headers: init.headers as Record<string, string>, body: init.body as string | undefined });
    const next = answers[Math.min(calls.length - 1, answers.length - 1)]!;
    if (next === 'hang') {
      return new Promise<Response>((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }
    if (next instanceof Error) throw next;
    return next.clone();
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const problem = (status: number, code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type: `https://aftercare.dev/problems/${code}`, title: code, status, code, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
const created = () => new Response(JSON.stringify({ id: 'c1', reference: 'ABCD-EFGH', kind: 'repair', status: 'new' }), { status: 201, headers: { 'content-type': 'application/json' } });

const input = {
  kind: 'repair',
  subject: { firstName: 'Jan', lastName: 'de Vries', street: 'Dorpsstraat', houseNumber: '12', postcode: '1234ab', city: 'Utrecht', email: 'Jan@Example.nl', phone: '06-12345678' },
  product: { brand: 'Gazelle', model: 'Ultimate C380', purchaseDate: '2024-04-01' },
  consent: { accepted: true, textId: 't1', textHash: 'a'.repeat(64), locale: 'nl', privacyUrl: 'https://shop.example/privacy' },
  details: { description: 'De machine lekt water tijdens het centrifugeren.' },
} satisfies CaseInput;

const client = (fetch: typeof globalThis.fetch, extra: Partial<Parameters<typeof createClient>[0]> = {}) =>
  createClient({ publishableKey: 'pk_test1234', baseUrl: 'https://api.example/', origin: 'https://shop.example', fetch, retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 }, ...extra });

describe('createClient: requests', () => {
  it('sends the original input with key, origin, JSON type and an Idempotency-Key', async () => {
    const { fetch, calls } = scripted([created()]);
    const res = await client(fetch).submitCase(input);
    expect(res).toEqual({ data: { id: 'c1', reference: 'ABCD-EFGH', kind: 'repair', status: 'new' } });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url: 'https://api.example/v1/cases', method: 'POST' });
    expect(calls[0]!.headers).toMatchObject({ authorization: 'Bearer pk_test1234', origin: 'https://shop.example', 'content-type': 'application/json' });
    expect(calls[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(JSON.parse(calls[0]!.body!)).toEqual(input); // not normalised: 1234ab, 06-…, Jan@Example.nl
  });

  it('uses the given Idempotency-Key and a new one per call otherwise', async () => {
    const { fetch, calls } = scripted([created()]);
    const c = client(fetch);
    await c.submitCase(input, { idempotencyKey: 'my-key-1' });
    await c.submitCase(input);
    await c.submitCase(input);
    expect(calls.map((x) => x.headers['idempotency-key'])[0]).toBe('my-key-1');
    expect(new Set(calls.map((x) => x.headers['idempotency-key'])).size).toBe(3);
  });

  it('sends no Origin header when none is given (browsers set it)', async () => {
    const { fetch, calls } = scripted([created()]);
    await client(fetch, { origin: undefined }).submitCase(input);
    expect(calls[0]!.headers).not.toHaveProperty('origin');
  });

  it('validates on the client first and sends nothing when invalid', async () => {
    const { fetch, calls } = scripted([created()]);
    const c = client(fetch);
    const bad = await c.submitCase({ ...input, subject: { ...input.subject, postcode: '12345' } });
    expect(bad.error).toMatchObject({ code: 'validation_failed', errors: [{ path: 'subject.postcode', code: 'invalid_postcode' }] });
    expect(bad.error?.status).toBeUndefined();
    const noConsent = await c.submitCase({ ...input, consent: { ...input.consent, accepted: false as unknown as true } });
    expect(noConsent.error).toMatchObject({ code: 'consent_required', errors: [{ path: 'consent.accepted', code: 'consent_required' }] });
    expect(calls).toHaveLength(0);
  });
});

describe('createClient: retries', () => {
  it('retries 5xx, network errors, 429 and 409 in flight with the same key and body', async () => {
    const { fetch, calls } = scripted([
      new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } }),
      new TypeError('fetch failed'),
      problem(429, 'rate_limited', { retryAfter: 0 }, { 'retry-after': '0' }),
      problem(409, 'idempotency_in_flight', {}, { 'retry-after': '0' }),
      created(),
    ]);
    const res = await client(fetch, { retry: { attempts: 5, baseDelayMs: 1, maxDelayMs: 5 } }).submitCase(input);
    expect(res.data?.id).toBe('c1');
    expect(calls).toHaveLength(5);
    expect(new Set(calls.map((c) => c.headers['idempotency-key'])).size).toBe(1);
    expect(new Set(calls.map((c) => c.body)).size).toBe(1);
  });

  it('stops after the configured number of attempts with the last error', async () => {
    const { fetch, calls } = scripted([problem(503, 'internal')]);
    const res = await client(fetch).getConfig();
    expect(calls).toHaveLength(3);
    expect(res.error).toMatchObject({ code: 'internal', status: 503 });

    const net = scripted([new TypeError('fetch failed')]);
    expect((await client(net.fetch).getConfig()).error).toMatchObject({ code: 'network_error' });
    expect(net.calls).toHaveLength(3);
  });

  it.each([
    [400, 'idempotency_key_required'], [401, 'unauthorized'], [403, 'origin_not_allowed'], [409, 'idempotency_key_reused'],
    [413, 'payload_too_large'], [422, 'consent_mismatch'],
  ])('does not retry %i %s', async (status, code) => {
    const { fetch, calls } = scripted([problem(status, code, { errors: [{ path: 'a', code: 'b', message: 'c' }] })]);
    const res = await client(fetch).submitCase(input);
    expect(calls).toHaveLength(1);
    expect(res.error).toMatchObject({ code, status, errors: [{ path: 'a', code: 'b', message: 'c' }] });
  });

  it('gives up at once when Retry-After is beyond 60 s, and reports it', async () => {
    const { fetch, calls } = scripted([problem(429, 'rate_limited', {}, { 'retry-after': '3600' }), created()]);
    const res = await client(fetch).submitCase(input);
    expect(calls).toHaveLength(1);
    expect(res.error).toMatchObject({ code: 'rate_limited', status: 429, retryAfter: 3600 });
  });

  it('honours an HTTP-date Retry-After and reads retryAfter from the body when the header is hidden', async () => {
    const past = new Date(Date.now() - 5000).toUTCString();
    const a = scripted([problem(503, 'internal', {}, { 'retry-after': past }), created()]);
    expect((await client(a.fetch).submitCase(input)).data).toBeDefined();
    const b = scripted([problem(429, 'rate_limited', { retryAfter: 7 })]);
    expect((await client(b.fetch, { retry: { attempts: 1 } }).submitCase(input)).error).toMatchObject({ code: 'rate_limited', retryAfter: 7 });
  });

  it('maps non-problem error bodies by status', async () => {
    const cases: [number, string][] = [[401, 'unauthorized'], [403, 'origin_not_allowed'], [404, 'not_found'], [429, 'rate_limited'], [418, 'invalid_response'], [500, 'internal']];
    for (const [status, code] of cases) {
      const { fetch } = scripted([new Response('nope', { status })]);
      expect((await client(fetch, { retry: { attempts: 1 } }).getConfig()).error, String(status)).toMatchObject({ code, status });
    }
  });

  it('answers invalid_response for a 2xx of the wrong shape, without retrying', async () => {
    const { fetch, calls } = scripted([new Response('{"hello":1}', { status: 200 }), new Response('<html>', { status: 200 })]);
    const c = client(fetch);
    expect((await c.getConfig()).error).toMatchObject({ code: 'invalid_response', status: 200 });
    expect((await c.getConfig()).error).toMatchObject({ code: 'invalid_response', status: 200 });
    expect(calls).toHaveLength(2);
  });

  it('times out each attempt and retries; the last timeout is reported', async () => {
    const a = scripted(['hang', created()]);
    expect((await client(a.fetch, { timeoutMs: 20 }).submitCase(input)).data).toBeDefined();
    expect(a.calls).toHaveLength(2);
    expect(a.calls[0]!.headers['idempotency-key']).toBe(a.calls[1]!.headers['idempotency-key']);
    const b = scripted(['hang']);
    expect((await client(b.fetch, { timeoutMs: 20 }).getConfig()).error).toMatchObject({ code: 'timeout' });
    expect(b.calls).toHaveLength(3);
  });
});

describe('createClient: abort', () => {
  it('sends nothing when the signal is already aborted', async () => {
    const { fetch, calls } = scripted([created()]);
    const res = await client(fetch).submitCase(input, { signal: AbortSignal.abort() });
    expect(res.error).toMatchObject({ code: 'network_error', message: 'The request was aborted.' });
    expect(calls).toHaveLength(0);
  });

  it('stops a request under way', async () => {
    const { fetch, calls } = scripted(['hang']);
    const ctl = new AbortController();
    const pending = client(fetch).getConfig({ signal: ctl.signal });
    await Promise.resolve();
    ctl.abort();
    expect((await pending).error).toMatchObject({ code: 'network_error', message: 'The request was aborted.' });
    expect(calls).toHaveLength(1);
  });

  it('stops waiting between attempts', async () => {
    const ctl = new AbortController();
    const { fetch, calls } = scripted([problem(503, 'internal', {}, { 'retry-after': '30' })]);
    const pending = client(fetch, { retry: { attempts: 4 } }).getConfig({ signal: ctl.signal });
    await new Promise((r) => setTimeout(r, 10));
    ctl.abort();
    expect((await pending).error).toMatchObject({ code: 'network_error', message: 'The request was aborted.' });
    expect(calls).toHaveLength(1);
  });
});
