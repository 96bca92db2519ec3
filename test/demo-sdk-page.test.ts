import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import type { Browser } from 'playwright-core';
import { startProcess, type Running } from './spawn.js';
import { launchChromium } from './browser.js';

const dir = mkdtempSync(path.join(tmpdir(), 'aftercare-demo-'));
const dbFile = path.join(dir, 'aftercare.db');
let server: Running;
let browser: Browser;
let url: string;

beforeAll(async () => {
  server = await startProcess('dist/node/server.js', { PORT: '0', DATABASE_URL: `file:${dbFile}` }, /publishable key\s+pk_/);
  url = /running on (http:\/\/\S+)/.exec(server.output())![1]!;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('demo page that uses the SDK directly (real Chromium against npm start)', () => {
  it('a consumer registers a product; the case and its consent evidence land in the database', async () => {
    const page = await browser.newPage({ userAgent: 'demo-e2e' });
    await page.goto(`${url}/demo/sdk.html`);
    await expect.poll(() => page.locator('#consent-text').textContent()).toContain('Demo Winkel');
    const submit = page.getByRole('button', { name: 'Registreren' });
    expect(await submit.isDisabled()).toBe(true);
    for (const [label, value] of [
      ['Voornaam', 'Anna'], ['Achternaam', 'Bakker'], ['Straat', 'Kerkstraat'], ['Huisnummer', '7'],
      ['Postcode', '1017gc'], ['Plaats', 'Amsterdam'], ['E-mailadres', 'anna@example.nl'], ['Merk', 'Philips'], ['Model', 'HD9252'],
    ] as const) {
      await page.getByLabel(label, { exact: true }).fill(value);
    }
    await page.getByLabel('Aankoopdatum').fill('2025-03-01');
    await page.getByRole('checkbox').check();
    await submit.click();
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/referentie \w{4}-\w{4}/);
    const reference = /referentie (\w{4}-\w{4})/.exec((await page.locator('#status').textContent())!)![1];

    const db = createClient({ url: `file:${dbFile}` });
    try {
      const rows = await db.execute({
        sql: `SELECT c.kind, s.postcode, k.locale, k.ip, k.user_agent, k.page_url FROM cases c
              JOIN subjects s ON s.id = c.subject_id JOIN consents k ON k.case_id = c.id WHERE c.reference = ?`,
        args: [reference!],
      });
      expect(rows.rows).toHaveLength(1);
      expect(rows.rows[0]).toMatchObject({ kind: 'registration', postcode: '1017 GC', locale: 'nl', ip: '127.0.0.1', user_agent: 'demo-e2e', page_url: page.url() });
    } finally {
      db.close();
    }
  });

  it('shows per-field errors from the shared schema and sends nothing when a field is invalid', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/demo/sdk.html`);
    await expect.poll(() => page.locator('#consent-text').textContent()).toContain('Demo Winkel');
    await page.getByLabel('Postcode').fill('0000');
    await page.getByRole('checkbox').check();
    let posted = 0;
    page.on('request', (r) => r.method() === 'POST' && posted++);
    await page.getByRole('button', { name: 'Registreren' }).click();
    await expect.poll(() => page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(5);
    expect(await page.getByLabel('Postcode').getAttribute('aria-describedby')).toBeTruthy();
    expect(posted).toBe(0);
  });
});
