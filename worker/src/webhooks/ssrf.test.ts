import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tenants } from '../db/schema.js';
import { AuditWriter } from '../audit/log.js';
import { webhookJob } from './job.js';
import { guardedLookup, nodeWebhookFetch, type Resolve } from './node-fetch.js';
import { RefusedTargetError } from './target.js';
import { webhookHarness, type WebhookHarness } from './testing.js';

let h: WebhookHarness;
afterEach(async () => h?.dispose());

/** The receiver (on 127.0.0.1) under other names for the same machine. */
const loopbackSpellings = (port: number) => [
  `http://127.0.0.1:${port}/hooks`,
  `http://localhost.:${port}/hooks`,
  `http://[::ffff:127.0.0.1]:${port}/hooks`,
  `http://0x7f.1:${port}/hooks`,
  `https://127.0.0.1:${port}/hooks`,
];

/** Points the tenant's stored URL somewhere (as if saved before the rules, or by another path). */
const storeUrl = (url: string) => h.db.update(tenants).set({ webhookUrl: url, webhookSecret: 'whsec_test' }).where(eq(tenants.id, h.tenant.tenantId));

/** The registered job as a host runs it: settings from `env`, the Node host's address-checking fetch. */
const runJob = (env: Record<string, string>, webhookFetch: typeof fetch) =>
  webhookJob.run({ db: h.db, clock: h.clock, audit: new AuditWriter(h.db), env, holder: 'test', webhookFetch });

describe('webhook SSRF guard at send time (Node host fetch, real receiver on 127.0.0.1)', () => {
  it('production (no setting): every loopback spelling is refused, recorded as failed with the reason, never retried', async () => {
    h = await webhookHarness();
    for (const url of loopbackSpellings(h.receiver.port)) {
      await storeUrl(url);
      await h.submitCase('repair');
      const report = await runJob({}, nodeWebhookFetch());
      expect(report.counts, url).toMatchObject({ claimed: 1, failed: 1, retried: 0, delivered: 0 });
    }
    const rows = await h.rows();
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row).toMatchObject({ attempts: 1, lastStatus: null, lastError: 'refused_private_address', deliveredAt: null, failedAt: expect.any(Number) });
    // A day later: nothing due, nothing sent.
    h.tick(24 * 3_600_000);
    expect((await runJob({}, nodeWebhookFetch())).counts).toMatchObject({ claimed: 0 });
    expect(h.receiver.received).toEqual([]);
  });

  it('with WEBHOOK_ALLOW_PRIVATE_TARGETS=true the same receiver is reached under each spelling', async () => {
    h = await webhookHarness({ privateTargets: true });
    // `localhost.` does not resolve on every machine (not here): plain `localhost` stands in for it.
    const urls = loopbackSpellings(h.receiver.port).filter((u) => u.startsWith('http:')).map((u) => u.replace('localhost.', 'localhost'));
    for (const url of urls) {
      await storeUrl(url);
      await h.submitCase('repair');
      expect((await runJob({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' }, nodeWebhookFetch({ allowPrivate: true }))).counts, url).toMatchObject({ claimed: 1, delivered: 1 });
    }
    expect(h.receiver.received).toHaveLength(urls.length);
  });

  it('production refuses at send even with the plain global fetch (literal check in sendWebhook, as on Workers)', async () => {
    h = await webhookHarness();
    await storeUrl(h.receiver.url);
    await h.submitCase('repair');
    expect((await h.run({ fetch: globalThis.fetch })).counts).toMatchObject({ failed: 1 });
    expect((await h.rows())[0]).toMatchObject({ lastError: 'refused_private_address' });
    expect(h.receiver.received).toEqual([]);
  });

  it('a public-looking name that resolves to 127.0.0.1 is refused before connecting; in development it is reached at the checked address, Host unchanged', async () => {
    h = await webhookHarness();
    const asked: string[] = [];
    // The resolver answers as a hostile DNS server would: the name points at this machine.
    const resolve: Resolve = async (name) => (asked.push(name), [{ address: '127.0.0.1', family: 4 }]);
    await storeUrl(`https://hooks.shop.example:${h.receiver.port}/hooks`);
    await h.submitCase('repair');
    expect((await runJob({}, nodeWebhookFetch({ resolve }))).counts).toMatchObject({ failed: 1 });
    expect((await h.rows())[0]).toMatchObject({ lastError: 'refused_private_address', attempts: 1 });
    expect(asked).toEqual(['hooks.shop.example']);
    expect(h.receiver.received).toEqual([]);

    // One public and one private answer (a rebinding set): refused as well.
    const mixed: Resolve = async () => [{ address: '93.184.215.14', family: 4 }, { address: '127.0.0.1', family: 4 }];
    await expect(nodeWebhookFetch({ resolve: mixed })(`https://hooks.shop.example:${h.receiver.port}/hooks`, { method: 'POST', body: '{}' })).rejects.toBeInstanceOf(RefusedTargetError);

    // Development: the socket goes to the address the resolver gave (once), the Host header keeps the name.
    asked.length = 0;
    const res = await nodeWebhookFetch({ allowPrivate: true, resolve })(`http://hooks.localhost:${h.receiver.port}/hooks`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(200);
    expect(asked).toEqual(['hooks.localhost']);
    expect(h.receiver.received.map((r) => r.headers.host)).toEqual([`hooks.localhost:${h.receiver.port}`]);
  });

  it('the system resolver: localhost resolves to loopback here and the sockets\' lookup refuses it (allowed in development)', async () => {
    for (const name of ['localhost']) {
      const err = await new Promise<Error | null>((resolve) => guardedLookup()(name, { all: true }, (e) => resolve(e)));
      expect(err, name).toBeInstanceOf(RefusedTargetError);
    }
    const allowed = await new Promise<unknown>((resolve) => guardedLookup({ allowPrivate: true })('localhost', { all: true }, (_e, a) => resolve(a)));
    expect(allowed).toEqual(expect.arrayContaining([expect.objectContaining({ address: '127.0.0.1' })]));
  });
});
