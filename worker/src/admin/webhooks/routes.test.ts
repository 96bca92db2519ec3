import { afterEach, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { createAdminClient } from '../../../../sdk/src/admin-client/index.js';
import { auditLog, tenants, webhookOutbox } from '../../db/schema.js';
import { outboxStatement } from '../../webhooks/outbox.js';
import { makeAdminHarness, ADMIN_ORIGIN, type AdminHarness } from '../../testing/admin-harness.js';
import { webhookUrlErrors } from './url.js';
import { webhookHostCheck, type Resolve } from '../../webhooks/node-fetch.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

const URL_OK = 'https://erp.shop.example/aftercare';

async function setup(config: { production?: boolean; webhookPrivateTargets?: boolean } = {}) {
  h = await makeAdminHarness({ config });
  const owner = (await h.keyFor({ role: 'owner' })) as { bearer: string };
  const fetch = ((input: string, init: RequestInit = {}) => h.app.request(input, init)) as typeof globalThis.fetch;
  return { owner, client: createAdminClient({ baseUrl: ADMIN_ORIGIN, apiKey: owner.bearer, fetch }) };
}

const tenantRow = async () => (await h.db.select().from(tenants).where(eq(tenants.id, h.tenant.tenantId)))[0]!;
const webhookAudit = () => h.db.select().from(auditLog).where(and(eq(auditLog.tenantId, h.tenant.tenantId), like(auditLog.action, 'webhooks.%'))).orderBy(auditLog.seq);

describe('webhook settings (typed client against the real app)', () => {
  it('sets the URL, shows the secret once (then only its prefix), rotates it, audits field names only', async () => {
    const { client } = await setup();
    expect((await client.webhooks.get()).data).toEqual({ url: null, personalData: false, secretPrefix: null });

    const first = await client.webhooks.update({ url: URL_OK, personalData: false });
    const secret = first.data!.secret!;
    expect(secret).toMatch(/^whsec_[0-9A-Za-z]{32}$/);
    expect(first.data).toEqual({ url: URL_OK, personalData: false, secretPrefix: secret.slice(0, 10), secret });
    expect((await tenantRow()).webhookSecret).toBe(secret);

    const read = await h.admin('/webhooks', { as: (await h.as('auditor')).auth });
    const text = await read.text();
    expect(JSON.parse(text)).toEqual({ url: URL_OK, personalData: false, secretPrefix: secret.slice(0, 10) });
    expect(text).not.toContain(secret);

    // A later PUT keeps the secret and does not show it.
    const second = await client.webhooks.update({ url: URL_OK, personalData: true });
    expect(second.data).toEqual({ url: URL_OK, personalData: true, secretPrefix: secret.slice(0, 10) });
    // Unchanged: no audit entry.
    await client.webhooks.update({ url: URL_OK, personalData: true });

    const rotated = await client.webhooks.rotateSecret();
    expect(rotated.data!.secret).not.toBe(secret);
    expect(rotated.data!.secretPrefix).toBe(rotated.data!.secret.slice(0, 10));
    expect((await tenantRow()).webhookSecret).toBe(rotated.data!.secret);

    const entries = await webhookAudit();
    expect(entries.map((e) => [e.action, JSON.parse(e.fields)])).toEqual([
      ['webhooks.updated', ['webhookUrl', 'webhookSecret']],
      ['webhooks.updated', ['webhookPersonalData']],
      ['webhooks.secret_rotated', ['webhookSecret']],
    ]);
    const dump = JSON.stringify(entries);
    for (const value of [URL_OK, secret, rotated.data!.secret]) expect(dump).not.toContain(value);

    // Off: the URL goes, the secret stays (for a later switch-on).
    expect((await client.webhooks.update({ url: null, personalData: false })).data).toMatchObject({ url: null, personalData: false });
  });

  it('422 per field on bad settings, nothing written', async () => {
    const { owner } = await setup();
    const put = (body: unknown) => h.admin('/webhooks', { as: owner, method: 'PUT', body });
    const cases: [unknown, { path: string; code: string }[]][] = [
      [{ url: 'http://erp.shop.example/hook', personalData: false }, [{ path: 'url', code: 'https_required' }]],
      [{ url: 'ftp://erp.shop.example/hook', personalData: false }, [{ path: 'url', code: 'https_required' }]],
      [{ url: 'erp.shop.example/hook', personalData: false }, [{ path: 'url', code: 'invalid_url' }]],
      [{ url: 'https://user:pw@erp.shop.example/hook', personalData: false }, [{ path: 'url', code: 'invalid_url' }]],
      [{ url: 'https://10.1.2.3/hook', personalData: false }, [{ path: 'url', code: 'private_address' }]],
      [{ url: 'https://169.254.169.254/latest', personalData: false }, [{ path: 'url', code: 'private_address' }]],
      [{ url: 'https://[::1]/hook', personalData: false }, [{ path: 'url', code: 'private_address' }]],
      [{ url: `https://x.example/${'a'.repeat(2100)}`, personalData: false }, [{ path: 'url', code: 'too_long' }]],
      [{ url: '', personalData: false }, [{ path: 'url', code: 'required' }]],
      [{ url: URL_OK }, [{ path: 'personalData', code: 'required' }]],
      [{ url: URL_OK, personalData: 'yes' }, [{ path: 'personalData', code: 'invalid_type' }]],
      [{ url: 42, personalData: 'yes' }, [{ path: 'url', code: 'invalid_type' }, { path: 'personalData', code: 'invalid_type' }]],
      [{ url: 'http://evil.example', personalData: 1, secret: 'whsec_mine' }, [{ path: 'personalData', code: 'invalid_type' }, { path: 'secret', code: 'unknown_field' }, { path: 'url', code: 'https_required' }]],
    ];
    for (const [body, errors] of cases) {
      const res = await put(body);
      const json = (await res.json()) as { code: string; errors: { path: string; code: string }[] };
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(json.code).toBe('validation_failed');
      expect(json.errors.map(({ path, code }) => ({ path, code })).sort((a, b) => a.path.localeCompare(b.path))).toEqual([...errors].sort((a, b) => a.path.localeCompare(b.path)));
    }
    expect((await put('{nope')).status).toBe(400);
    const t = await tenantRow();
    expect([t.webhookUrl, t.webhookSecret, t.webhookPersonalData]).toEqual([null, null, false]);
    expect(await webhookAudit()).toEqual([]);
  });

  // Every spelling of this machine, a local-network name, and private/reserved literals.
  const LOOPBACK_URLS = [
    'http://127.0.0.1:8787/hook', 'https://127.0.0.1/hook', 'http://localhost:8787/hook', 'https://localhost/hook', 'https://localhost./hook',
    'https://hooks.localhost/hook', 'https://[::ffff:127.0.0.1]/hook', 'https://[::1]:8787/hook', 'https://0x7f.1/hook', 'https://2130706433/hook',
    'https://0177.0.0.1/hook', 'https://127.1/hook', 'https://0.0.0.0/hook', 'https://[::]/hook', 'https://[64:ff9b::7f00:1]/hook',
    'https://[2002:7f00:1::]/hook', 'https://[2001:0:4136:e378::1]/hook', 'https://[fd00::1]/hook', 'https://[fe80::1]/hook',
    'https://100.64.0.1/hook', 'https://192.168.1.1/hook', 'https://172.16.0.1/hook', 'https://198.18.0.1/hook', 'https://192.0.2.1/hook',
    'https://255.255.255.255/hook', 'https://224.0.0.1/hook', 'https://intranet/hook', 'https://printer.local/hook', 'https://db.internal/hook',
  ];

  it('production is the default: loopback (every spelling), private, reserved and local names are refused at save', async () => {
    const { owner } = await setup();
    for (const url of LOOPBACK_URLS) {
      const res = await h.admin('/webhooks', { as: owner, method: 'PUT', body: { url, personalData: false } });
      expect(res.status, url).toBe(422);
      expect(((await res.json()) as { errors: { path: string; code: string }[] }).errors, url).toEqual([expect.objectContaining({ path: 'url', code: 'private_address' })]);
    }
    expect((await tenantRow()).webhookUrl).toBeNull();
    for (const url of ['https://erp.shop.example/x', 'https://8.8.8.8/x', 'https://[2606:4700::1111]/x']) expect(webhookUrlErrors(url, false), url).toEqual([]);
    // The production flag (HSTS) does not loosen it either.
    await setup({ production: true });
    expect(webhookUrlErrors('https://localhost/hook', false)).toHaveLength(1);
  });

  it('Node: a public-looking name that resolves to 127.0.0.1 is refused at save; allowed with the development setting', async () => {
    // As a hostile DNS server would answer: the name points at this machine.
    const resolve: Resolve = async (name) => [{ address: name === 'hooks.shop.example' ? '127.0.0.1' : '93.184.215.14', family: 4 }];
    for (const privateTargets of [false, true]) {
      h = await makeAdminHarness({ config: { webhookPrivateTargets: privateTargets }, webhookHostCheck: webhookHostCheck({ resolve }) });
      const owner = await h.keyFor({ role: 'owner' });
      const res = await h.admin('/webhooks', { as: owner, method: 'PUT', body: { url: 'https://hooks.shop.example/hook', personalData: false } });
      if (privateTargets) expect(res.status).toBe(200);
      else {
        expect(res.status).toBe(422);
        expect(((await res.json()) as { errors: unknown[] }).errors).toEqual([expect.objectContaining({ path: 'url', code: 'private_address' })]);
        expect((await tenantRow()).webhookUrl).toBeNull();
        expect((await h.admin('/webhooks', { as: owner, method: 'PUT', body: { url: URL_OK, personalData: false } })).status).toBe(200);
      }
      h.dispose();
    }
    // The system resolver the Node host uses: localhost resolves to loopback here.
    expect(await webhookHostCheck()('localhost')).toBe('private_address');
  });

  it('development receivers on this machine only with the explicit webhookPrivateTargets setting', async () => {
    const { owner } = await setup({ webhookPrivateTargets: true });
    for (const url of ['http://127.0.0.1:8787/hook', 'http://localhost:8787/hook', 'https://[::1]/hook']) {
      const res = await h.admin('/webhooks', { as: owner, method: 'PUT', body: { url, personalData: false } });
      expect(res.status, url).toBe(200);
    }
    // Plain http to a public host stays refused.
    expect(webhookUrlErrors('http://erp.shop.example/x', true)).toEqual([expect.objectContaining({ code: 'https_required' })]);
  });

  it('test event: 422 without a URL, then a ping in the outbox; deliveries list newest first, paged, own tenant only', async () => {
    let now = Date.parse('2025-03-10T09:00:00Z');
    h = await makeAdminHarness({ clock: { now: () => now } });
    const owner = await h.keyFor({ role: 'owner' });
    const refused = await h.admin('/webhooks/test', { as: owner, method: 'POST' });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { errors: unknown[] }).errors).toEqual([expect.objectContaining({ path: 'url', code: 'required' })]);
    expect(await h.db.select().from(webhookOutbox)).toEqual([]);

    await h.admin('/webhooks', { as: owner, method: 'PUT', body: { url: URL_OK, personalData: false } });
    const queued = await h.admin('/webhooks/test', { as: owner, method: 'POST' });
    expect(queued.status).toBe(202);
    const ping = (await queued.json()) as { id: string; event: string };
    expect(ping.event).toBe('ping');
    for (let i = 0; i < 4; i++) {
      now += 1000;
      await h.submitCase('repair');
    }
    // The other tenant's deliveries never show.
    await h.db.update(tenants).set({ webhookUrl: 'https://other.example/hook' }).where(eq(tenants.id, h.other.tenantId));
    const theirs = 'ffffffff-ffff-7fff-bfff-ffffffffffff';
    await h.db.batch([outboxStatement(h.db, { tenantId: h.other.tenantId, event: 'ping', data: {}, now, id: theirs })]);

    const page1 = await h.admin('/webhooks/deliveries?limit=3', { as: owner });
    const p1 = (await page1.json()) as { items: { id: string; event: string; status: string; attempts: number }[]; nextCursor: string };
    expect(p1.items.map((d) => [d.event, d.status, d.attempts])).toEqual([['case.created', 'pending', 0], ['case.created', 'pending', 0], ['case.created', 'pending', 0]]);
    const page2 = await h.admin(`/webhooks/deliveries?limit=3&before=${encodeURIComponent(p1.nextCursor)}`, { as: owner });
    const p2 = (await page2.json()) as { items: { id: string; event: string }[]; nextCursor: string | null };
    expect(p2.items.map((d) => d.event)).toEqual(['case.created', 'ping']);
    expect(p2.items[1]!.id).toBe(ping.id);
    expect(p2.nextCursor).toBeNull();
    expect(JSON.stringify([p1, p2])).not.toContain(theirs);

    for (const q of ['limit=0', 'limit=101', 'limit=x', 'before=nope', 'other=1']) {
      expect((await h.admin(`/webhooks/deliveries?${q}`, { as: owner })).status, q).toBe(422);
    }
  });

  it('auditors read, only owners change; staff, partners and operators get 403', async () => {
    await setup();
    const auditor = (await h.as('auditor')).auth;
    expect((await h.admin('/webhooks', { as: auditor })).status).toBe(200);
    expect((await h.admin('/webhooks/deliveries', { as: auditor })).status).toBe(200);
    expect((await h.admin('/webhooks', { as: auditor, method: 'PUT', body: { url: URL_OK, personalData: true } })).status).toBe(403);
    expect((await h.admin('/webhooks/secret', { as: auditor, method: 'POST' })).status).toBe(403);
    for (const role of ['staff', 'operator'] as const) expect((await h.admin('/webhooks', { as: (await h.as(role)).auth })).status).toBe(403);
    expect((await tenantRow()).webhookUrl).toBeNull();
  });
});
