import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startProcess, type Running } from './spawn.js';
import type { PublicConfig } from '../sdk/src/schemas/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'aftercare-start-'));
// A data folder the host must create itself (mkdtemp's own folder is already 0700).
const dataDir = path.join(dir, 'data');
const env = { PORT: '0', DATABASE_URL: `file:${path.join(dataDir, 'aftercare.db')}` };
const READY = /publishable key\s+(pk_\S+)/;
let server: Running;

const parse = (out: string) => ({ url: /running on (http:\/\/\S+)/.exec(out)![1]!, key: READY.exec(out)![1]! });

beforeAll(async () => {
  server = await startProcess('dist/node/server.js', env, READY);
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start (Node host, embedded libSQL)', () => {
  it('creates a demo tenant, serves the API with the printed key, and the demo pages', async () => {
    const { url, key } = parse(server.output());
    expect(server.output()).toContain('(created now)');
    const origin = new URL(url).origin;
    const config = (await (await fetch(`${url}/v1/config`, { headers: { authorization: `Bearer ${key}`, origin } })).json()) as PublicConfig;
    expect(Object.keys(config.consentTexts).sort()).toEqual(['de', 'en', 'fr', 'nl']);
    const nl = config.consentTexts.nl!;
    const res = await fetch(`${url}/v1/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, origin, 'content-type': 'application/json', 'idempotency-key': 'readme-1' },
      body: JSON.stringify({
        kind: 'registration',
        subject: { firstName: 'Anna', lastName: 'Bakker', street: 'Kerkstraat', houseNumber: '1', postcode: '1017gc', city: 'Amsterdam', email: 'anna@example.nl' },
        product: { brand: 'Philips', model: 'HD9252', purchaseDate: '2025-03-01' },
        consent: { accepted: true, textId: nl.id, textHash: nl.hash, locale: 'nl', privacyUrl: config.privacyUrl },
      }),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { reference: string }).reference).toMatch(/^\w{4}-\w{4}$/);
    const demo = await fetch(`${url}/demo/`);
    expect(demo.status).toBe(200);
    expect(await demo.text()).toContain('<html');
    const privacy = await fetch(config.privacyUrl);
    expect(privacy.status).toBe(200);
  });

  it('the data folder is 0700 and the database, its -wal/-shm, signing key and demo passwords are 0600 (not world-readable)', () => {
    const mode = (f: string) => (statSync(path.join(dataDir, f)).mode & 0o777).toString(8);
    expect(mode('.')).toBe('700');
    for (const f of ['aftercare.db', 'aftercare.db-wal', 'aftercare.db-shm', 'signing-key.json', 'demo-admin.json']) expect(mode(f), f).toBe('600');
  });

  it('serves other requests while sign-ins hash: pages answered during two password checks (they used to wait for both)', async () => {
    const { url } = parse(server.output());
    const origin = new URL(url).origin;
    let hashing = true;
    const logins = Promise.all(
      ['nobody-a', 'nobody-b'].map((loginCode) =>
        fetch(`${url}/v1/admin/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin, 'x-aftercare-csrf': '1' },
          body: JSON.stringify({ loginCode, password: 'not-the-password-123' }),
        }).then((r) => r.status),
      ),
    ).finally(() => (hashing = false));
    // Ask for a static page again and again while the two argon2id checks run (~0.4 s each);
    // count the answers that arrive before both checks are done. Order only, no time limit.
    let answeredMeanwhile = 0;
    while (hashing) {
      const res = await fetch(`${url}/demo/`);
      await res.arrayBuffer();
      if (hashing && res.status === 200) answeredMeanwhile++;
    }
    expect(await logins).toEqual([401, 401]);
    expect(answeredMeanwhile).toBeGreaterThanOrEqual(3);
  });

  it('a restart on the same database keeps the demo tenant and its key', async () => {
    const first = parse(server.output());
    await server.stop();
    server = await startProcess('dist/node/server.js', { ...env, PORT: String(new URL(first.url).port) }, READY);
    expect(parse(server.output()).key).toBe(first.key);
    expect(server.output()).not.toContain('(created now)');
  });
});
