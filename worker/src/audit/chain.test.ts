import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { makeHarness, type Harness } from '../testing/harness.js';
import { createApp } from '../app.js';
import { unlimited } from '../limiter/unlimited.js';
import { readChain } from './log.js';
import { verifyChain, type ChainedEntry } from './chain.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
  for (const kind of ['repair', 'return', 'registration'] as const) expect((await h.submit(h.validCase(kind))).status).toBe(201);
});
afterEach(() => h.dispose());

/** Flips one character of one field of one entry, in memory. */
function tamper(entries: ChainedEntry[], index: number, field: keyof ChainedEntry): ChainedEntry[] {
  const copy = entries.map((e) => ({ ...e, fields: [...e.fields] }));
  const e = copy[index]! as Record<string, unknown>;
  const value = e[field];
  if (typeof value === 'number') e[field] = value + 1;
  else if (Array.isArray(value)) e[field] = [...value, 'x'];
  else e[field] = String(value).slice(0, -1) + (String(value).endsWith('a') ? 'b' : 'a');
  return copy;
}

describe('audit log (R17)', () => {
  it('is a valid chain per tenant, with ids and field names only', async () => {
    const entries = await readChain(h.db, h.tenant.tenantId);
    expect(entries.length).toBeGreaterThanOrEqual(9);
    expect(await verifyChain(entries)).toMatchObject({ ok: true, count: entries.length });
    const text = JSON.stringify(entries);
    for (const personal of ['Jan', 'de Vries', 'jan@example.nl', '1234 AB', '+31612345678', 'Dorpsstraat']) expect(text).not.toContain(personal);
    expect(entries.at(-1)!.fields).toContain('subject.email');
  });

  it('detects a change of one byte in any field of any entry', async () => {
    const entries = await readChain(h.db, h.tenant.tenantId);
    const fields: (keyof ChainedEntry)[] = ['id', 'tenantId', 'seq', 'at', 'actorType', 'actorId', 'action', 'entityType', 'entityId', 'fields', 'prevHash', 'entryHash'];
    for (let i = 0; i < entries.length; i++) {
      for (const field of fields) {
        const result = await verifyChain(tamper(entries, i, field));
        expect(result.ok, `entry ${i} field ${field}`).toBe(false);
      }
    }
  });

  it('detects a removed entry', async () => {
    const entries = await readChain(h.db, h.tenant.tenantId);
    const result = await verifyChain([...entries.slice(0, 3), ...entries.slice(4)]);
    expect(result).toMatchObject({ ok: false, brokenAt: entries[4]!.seq });
  });

  it('the database refuses UPDATE and DELETE on audit_log', async () => {
    await expect(h.database.client.execute("UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(h.database.client.execute('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    expect(await verifyChain(await readChain(h.db, h.tenant.tenantId))).toMatchObject({ ok: true });
  });

  it('detects a byte changed in the database file by someone who dropped the triggers', async () => {
    await h.db.run(sql`DROP TRIGGER audit_log_no_update`);
    const entries = await readChain(h.db, h.tenant.tenantId);
    const victim = entries[5]!;
    const changed = victim.entityId.replace(/.$/, (c) => (c === '0' ? '1' : '0')); // always a different byte
    await h.db.run(sql`UPDATE audit_log SET entity_id = ${changed} WHERE id = ${victim.id}`);
    expect(await verifyChain(await readChain(h.db, h.tenant.tenantId))).toMatchObject({ ok: false, brokenAt: victim.seq });
  });

  it('concurrent submissions keep one unbroken chain', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => h.submit(h.validCase())));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const entries = await readChain(h.db, h.tenant.tenantId);
    expect(await verifyChain(entries)).toMatchObject({ ok: true, count: entries.length });
  });

  it('two app instances on one database (two isolates) keep one unbroken chain', async () => {
    const second = createApp({ db: h.db, clock: { now: () => Date.now() }, rateLimiter: unlimited, clientIp: () => '198.51.100.1' });
    const post = (app: typeof h.app) =>
      app.request('/v1/cases', { method: 'POST', headers: h.headers({ 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }), body: JSON.stringify(h.validCase()) });
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) => post(i % 2 ? h.app : second)));
    expect(results.map((r) => r.status)).toEqual(Array(16).fill(201));
    const entries = await readChain(h.db, h.tenant.tenantId);
    expect(await verifyChain(entries)).toMatchObject({ ok: true, count: entries.length });
  });
});
