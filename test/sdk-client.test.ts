import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { createClient, type ClientOptions } from '../sdk/src/index.js';
import { startNodeHost, type NodeHost } from '../worker/src/hosts/node.js';
import { createTenant } from '../worker/src/tenants/create.js';
import { AuditWriter } from '../worker/src/audit/log.js';
import { memoryRateLimiter } from '../worker/src/limiter/memory.js';
import { systemClock } from '../worker/src/deps.js';
import { cases } from '../worker/src/db/schema.js';
import { validCase } from '../worker/src/testing/harness.js';

/**
 * The SDK client against the real Node host (real HTTP, real libSQL file). Faults come from a
 * real node:http proxy in front of the host that fails requests as scripted, then forwards.
 */
const ORIGIN = 'https://shop.example';
const RATE_LIMIT = 4; // POSTs per key + IP per 10 minutes; every test gets its own tenant (key)

type Action =
  | { answer: number; body?: string; headers?: Record<string, string> } // answer without forwarding
  | 'destroy' // drop the connection without forwarding
  | 'hang' // never answer
  | 'forward'
  | 'lose-answer'; // forward (the host commits), then drop the connection instead of replying
type Seen = { method: string; path: string; idempotencyKey?: string; body: string; upstream?: { status: number; body: string; replayed: string | null } };

class FaultyProxy {
  readonly seen: Seen[] = [];
  script: Action[] = [];
  onRequest?: () => void;
  private server = http.createServer((req, res) => void this.handle(req, res));
  url = '';
  constructor(private upstreamPort: number) {}

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }
  close() {
    this.server.closeAllConnections();
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const body = await readAll(req);
    const seen: Seen = { method: req.method!, path: req.url!, idempotencyKey: req.headers['idempotency-key'] as string | undefined, body: body.toString() };
    this.seen.push(seen);
    const action = this.script[this.seen.length - 1] ?? 'forward';
    this.onRequest?.();
    if (action === 'hang') return;
    if (action === 'destroy') return req.socket.destroy();
    if (typeof action === 'object') {
      res.writeHead(action.answer, { 'content-type': 'application/problem+json', ...action.headers });
      return res.end(action.body ?? '');
    }
    const up = await this.forward(req, body);
    seen.upstream = { status: up.status, body: up.body.toString(), replayed: (up.headers['idempotent-replayed'] as string | undefined) ?? null };
    if (action === 'lose-answer') return req.socket.destroy();
    res.writeHead(up.status, up.headers);
    res.end(up.body);
  }

  private forward(req: http.IncomingMessage, body: Buffer) {
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const up = http.request({ host: '127.0.0.1', port: this.upstreamPort, method: req.method, path: req.url, headers: req.headers }, async (r) =>
        resolve({ status: r.statusCode!, headers: r.headers, body: await readAll(r) }),
      );
      up.on('error', reject);
      up.end(body);
    });
  }
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

const problemBody = (status: number, code: string) => JSON.stringify({ type: `https://aftercare.dev/problems/${code}`, title: code, status, code });

let dir: string;
let host: NodeHost;
let proxy: FaultyProxy;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'aftercare-sdk-'));
  host = await startNodeHost({
    databaseUrl: `file:${path.join(dir, 'sdk.db')}`,
    port: 0,
    hostname: '127.0.0.1',
    rateLimiter: memoryRateLimiter({ limit: RATE_LIMIT, windowMs: 600_000, clock: systemClock }),
  });
});
afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await proxy?.close();
});

/** A fresh tenant (own key, own rate-limit budget) and a proxy in front of the host. */
async function setup(opts: Partial<ClientOptions> = {}) {
  const db = host.database.db;
  const tenant = await createTenant(db, new AuditWriter(db), Date.now(), { name: 'Fietsenwinkel SDK', origins: [ORIGIN], privacyUrl: `${ORIGIN}/privacy` });
  proxy = await new FaultyProxy(host.port).start();
  const options: ClientOptions = { publishableKey: tenant.publishableKey, baseUrl: proxy.url, origin: ORIGIN, retry: { attempts: 4, baseDelayMs: 10, maxDelayMs: 50 }, ...opts };
  const client = createClient(options);
  const direct = createClient({ ...options, baseUrl: host.url });
  const { data: config } = await direct.getConfig();
  const caseCount = async () => (await db.select({ n: count() }).from(cases).where(eq(cases.tenantId, tenant.tenantId)))[0]!.n;
  return { tenant, client, direct, config: config!, caseCount, options };
}

describe('SDK client against the Node host', () => {
  it('getConfig returns the tenant configuration, validated', async () => {
    const { direct, config } = await setup();
    const res = await direct.getConfig();
    expect(res.error).toBeUndefined();
    expect(res.data).toEqual(config);
    expect(config.tenant.name).toBe('Fietsenwinkel SDK');
    expect(config.consentTexts.nl!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(config.privacyUrl).toBe(`${ORIGIN}/privacy`);
  });

  it('submitCase stores a case (happy path)', async () => {
    const { client, config, caseCount } = await setup();
    const res = await client.submitCase(validCase('warranty', config));
    expect(res.error).toBeUndefined();
    expect(res.data).toMatchObject({ kind: 'warranty', status: 'new' });
    expect(res.data!.reference).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(proxy.seen).toHaveLength(1);
    expect(proxy.seen[0]!.upstream!.status).toBe(201);
    expect(await caseCount()).toBe(1);
  });

  it('retries 503, a dropped connection and 429 with one Idempotency-Key: exactly one case', async () => {
    const { client, config, caseCount } = await setup();
    proxy.script = [
      { answer: 503, body: problemBody(503, 'internal') },
      'destroy',
      { answer: 429, body: problemBody(429, 'rate_limited'), headers: { 'retry-after': '1' } },
      'forward',
    ];
    const res = await client.submitCase(validCase('repair', config));
    expect(res.error).toBeUndefined();
    expect(res.data).toMatchObject({ kind: 'repair', status: 'new' });
    expect(proxy.seen).toHaveLength(4);
    const keys = new Set(proxy.seen.map((s) => s.idempotencyKey));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(proxy.seen.map((s) => s.body)).size).toBe(1);
    expect(await caseCount()).toBe(1);
  });

  it('retries 409 in flight and a hung attempt (timeout), and GET config after a 502 page', async () => {
    const { client, config, caseCount } = await setup({ timeoutMs: 2000, retry: { attempts: 4, baseDelayMs: 10, maxDelayMs: 50 } });
    proxy.script = [{ answer: 409, body: problemBody(409, 'idempotency_in_flight'), headers: { 'retry-after': '1' } }, 'hang', 'forward'];
    const res = await client.submitCase(validCase('installation', config), { idempotencyKey: 'order-4711-attempt' });
    expect(res.data).toMatchObject({ kind: 'installation' });
    expect(proxy.seen.map((s) => s.idempotencyKey)).toEqual(['order-4711-attempt', 'order-4711-attempt', 'order-4711-attempt']);
    expect(await caseCount()).toBe(1);

    proxy.seen.length = 0;
    proxy.script = [{ answer: 502, body: '<h1>Bad gateway</h1>', headers: { 'content-type': 'text/html' } }, 'forward'];
    const cfg = await client.getConfig();
    expect(cfg.data).toEqual(config);
    expect(proxy.seen.map((s) => s.method)).toEqual(['GET', 'GET']);
  });

  it('gets the replayed 201 when the first answer was lost after the commit: still one case', async () => {
    const { client, config, caseCount } = await setup();
    proxy.script = ['lose-answer', 'forward'];
    const res = await client.submitCase(validCase('return', config));
    expect(res.error).toBeUndefined();
    expect(proxy.seen).toHaveLength(2);
    const [lost, replay] = proxy.seen;
    expect(lost!.upstream).toMatchObject({ status: 201, replayed: null });
    expect(replay!.upstream).toMatchObject({ status: 201, replayed: 'true' });
    expect(replay!.idempotencyKey).toBe(lost!.idempotencyKey);
    expect(res.data).toEqual(JSON.parse(lost!.upstream!.body));
    expect(await caseCount()).toBe(1);
  });

  it('sends no request when the input is invalid', async () => {
    const { client, config, caseCount } = await setup();
    const good = validCase('complaint', config);
    const res = await client.submitCase({ ...good, subject: { ...good.subject, postcode: '0000 AA', email: 'not-an-email' } });
    expect(res.error).toMatchObject({ code: 'validation_failed' });
    expect(res.error!.errors!.map((e) => e.path).sort()).toEqual(['subject.email', 'subject.postcode']);
    const noConsent = await client.submitCase({ ...good, consent: { ...good.consent, accepted: false as unknown as true } });
    expect(noConsent.error).toMatchObject({ code: 'consent_required' });
    expect(proxy.seen).toHaveLength(0);
    expect(await caseCount()).toBe(0);
  });

  it('401 with an unknown key, not retried', async () => {
    const { options, config } = await setup();
    const client = createClient({ ...options, publishableKey: 'pk_doesnotexist00000' });
    expect((await client.getConfig()).error).toMatchObject({ code: 'unauthorized', status: 401 });
    expect((await client.submitCase(validCase('repair', config))).error).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(proxy.seen).toHaveLength(2);
  });

  it('403 from an origin the key does not allow, or with no origin at all, not retried', async () => {
    const { options, config, caseCount } = await setup();
    const evil = createClient({ ...options, origin: 'https://evil.example' });
    expect((await evil.submitCase(validCase('repair', config))).error).toMatchObject({ code: 'origin_not_allowed', status: 403 });
    const none = createClient({ ...options, origin: undefined });
    expect((await none.getConfig()).error).toMatchObject({ code: 'origin_not_allowed', status: 403 });
    expect(proxy.seen).toHaveLength(2);
    expect(await caseCount()).toBe(0);
  });

  it('does not retry a 422 (consent hash that the tenant never published)', async () => {
    const { client, config, caseCount } = await setup();
    const good = validCase('repair', config);
    const res = await client.submitCase({ ...good, consent: { ...good.consent, textHash: '0'.repeat(64) } });
    expect(res.error).toMatchObject({ code: 'consent_mismatch', status: 422 });
    expect(proxy.seen).toHaveLength(1);
    expect(await caseCount()).toBe(0);
  });

  it('gives up on the real rate limiter when Retry-After is beyond 60 s, reporting retryAfter', async () => {
    const { client, config, caseCount } = await setup();
    for (let i = 0; i < RATE_LIMIT; i++) expect((await client.submitCase(validCase('registration', config))).data).toBeDefined();
    const res = await client.submitCase(validCase('registration', config));
    expect(res.error).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(res.error!.retryAfter).toBeGreaterThan(60);
    expect(proxy.seen).toHaveLength(RATE_LIMIT + 1);
    expect(await caseCount()).toBe(RATE_LIMIT);
  });

  it('stops when the caller aborts a request under way', async () => {
    const { client, config, caseCount } = await setup();
    const ctl = new AbortController();
    proxy.script = ['hang'];
    proxy.onRequest = () => ctl.abort();
    const res = await client.submitCase(validCase('repair', config), { signal: ctl.signal });
    expect(res.error).toMatchObject({ code: 'network_error', message: 'The request was aborted.' });
    expect(ctl.signal.aborted).toBe(true);
    expect(proxy.seen).toHaveLength(1);
    expect(await caseCount()).toBe(0);
  });
});
