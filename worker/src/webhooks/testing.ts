import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { count, eq } from 'drizzle-orm';
import { tenants, webhookOutbox } from '../db/schema.js';
import { makeAdminHarness } from '../testing/admin-harness.js';
import { runWebhookDeliveryJob, type WebhookJobOptions } from './job.js';

/** Test-only (node:http): a real HTTP receiver on 127.0.0.1 that records what it got. */
export type Received = { headers: IncomingHttpHeaders; body: string; at: number };

export async function startReceiver() {
  const received: Received[] = [];
  /** Decides each answer; default 200. May delay. */
  let answer: (r: Received, n: number) => Promise<number> | number = () => 200;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const r = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
      received.push(r);
      const status = await answer(r, received.length);
      if (!res.destroyed) res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answer: (fn: typeof answer) => (answer = fn),
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/**
 * An admin harness whose clock a test moves, an owner sk_ key (sessions would expire as the
 * clock moves), a real receiver, and the delivery job bound to the same clock.
 */
export async function webhookHarness(o: { privateTargets?: boolean } = {}) {
  // Production (the default) refuses the 127.0.0.1 receiver: tests that deliver to it opt in
  // to the development setting with `{ privateTargets: true }`.
  const privateTargets = o.privateTargets === true;
  let now = Date.parse('2025-03-10T09:00:00Z');
  const clock = { now: () => now };
  const h = await makeAdminHarness({ clock, config: { webhookPrivateTargets: privateTargets } });
  const owner = await h.keyFor({ role: 'owner', name: 'owner key' });
  const receiver = await startReceiver();
  return {
    ...h,
    owner,
    receiver,
    clock,
    at: (ms: number) => (now = ms),
    tick: (ms: number) => (now += ms),
    /** PUT the webhook settings as the owner; returns the JSON answer. */
    async configure(body: { url: string | null; personalData: boolean } = { url: receiver.url, personalData: false }) {
      const res = await h.admin('/webhooks', { as: owner, method: 'PUT', body });
      if (res.status !== 200) throw new Error(`configure: ${res.status} ${await res.text()}`);
      return (await res.json()) as { url: string | null; personalData: boolean; secretPrefix: string | null; secret?: string };
    },
    run: (opts: WebhookJobOptions = {}) => runWebhookDeliveryJob({ db: h.db, clock, random: () => 0.5, allowPrivateTargets: privateTargets, ...opts }),
    rows: () => h.db.select().from(webhookOutbox).orderBy(webhookOutbox.id),
    async outboxCount() {
      const [r] = await h.db.select({ n: count() }).from(webhookOutbox);
      return r!.n;
    },
    secretOf: async (tenantId = h.tenant.tenantId) => (await h.db.select({ s: tenants.webhookSecret }).from(tenants).where(eq(tenants.id, tenantId)))[0]!.s!,
    dispose: async () => {
      await receiver.close();
      h.dispose();
    },
  };
}
export type WebhookHarness = Awaited<ReturnType<typeof webhookHarness>>;
