// End to end (issue 4): a consumer submits a repair case through the widget on the demo page; the
// owner signs in on /admin/, creates a carrier organisation and its user in the settings, finds
// the case by e-mail, adds an internal note, assigns it to the carrier, exports CSV (logged with
// name and IP) and anonymises the subject. The carrier signs in before and after the erasure and
// sees only that case with only a carrier's fields — on screen and in every API response its
// browser received. The raw database is checked afterwards. Real server (`dist/node/server.js`
// copy, temp database), real Chromium, nothing mocked. Screenshots: admin-e2e-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startDemoServer, type DemoServer } from './e2e/server.js';
import { openPage } from './e2e/evidence.js';
import { person, submitKind } from './e2e/forms.js';
import { openAdmin, signIn, unexpected } from './admin/page.js';
import { SHOTS, cliUser, heading, menu, ownerLanded, recordAdminResponses, shooter, visibleText } from './admin/e2e.js';

const OWNER = { loginCode: 'e2e-owner', name: 'Olga Eigenaar', password: 'paarse-olifant-fietst-snel' };
const CARRIER = { loginCode: 'e2e-carrier', name: 'Karel Koerier', password: 'groene-giraf-rijdt-langzaam' };
const ORG = 'Snel Transport BV';
const NOTE = 'Interne notitie: klant belt liever na 17 uur.';
const WHO = { ...person('Marieke'), lastName: 'Bakker', email: 'marieke.bakker@example.nl', phone: '0687654321' };
const EMAIL_ANYWHERE = /[\w.+-]+@[\w-]+\.[\w.-]+/;

let server: DemoServer;
let browser: Browser;
const shoot = shooter();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Signs the carrier in, in a fresh context; returns what it saw and every admin response body. */
async function asCarrier(reference: string, step: string) {
  const { context, page, problems } = await openAdmin(browser, `${server.url}/admin/`);
  const net = recordAdminResponses(page);
  try {
    await signIn(page, `${CARRIER.loginCode}@demo`, CARRIER.password);
    const links = await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allTextContents();
    expect(links.map((l) => l.trim())).toEqual(['Zaken', 'Mijn account']);
    await heading(page, 'Zaken');
    const rows = page.locator('admin-cases tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('th a').textContent()).toBe(reference);
    await shoot(page, `${step}-carrier-list`);
    await rows.first().locator('th a').click();
    await heading(page, `Zaak ${reference}`);
    await page.getByRole('heading', { name: 'Product', exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    await shoot(page, `${step}-carrier-case`);
    const text = await visibleText(page);
    const headings = (await page.locator('h2').allTextContents()).map((h) => h.trim());
    const bodies = await net.bodies();
    expect(unexpected(problems)).toEqual([]);
    return { text, headings, bodies };
  } finally {
    await context.close();
  }
}

/** What a carrier must never receive: e-mail, notes, history, consent evidence. */
function expectCarrierProjection(seen: Awaited<ReturnType<typeof asCarrier>>) {
  expect(seen.headings).toEqual(expect.arrayContaining(['Overzicht', 'Klant', 'Product']));
  for (const h of ['Notities', 'Geschiedenis', 'Toestemming', 'Melding', 'Toewijzen']) expect(seen.headings).not.toContain(h);
  for (const label of ['E-mailadres', NOTE, WHO.email]) expect(seen.text).not.toContain(label);
  expect(seen.bodies.length).toBeGreaterThanOrEqual(3);
  const caseBodies = seen.bodies.filter((b) => /\/v1\/admin\/cases/.test(b.url));
  expect(caseBodies.length).toBeGreaterThanOrEqual(2);
  for (const b of seen.bodies) {
    expect(b.body, b.url).not.toMatch(EMAIL_ANYWHERE);
    expect(b.body, b.url).not.toContain(NOTE);
    for (const key of ['"email"', '"notes"', '"history"', '"consents"', '"details"']) expect(b.body, b.url).not.toContain(key);
  }
}

describe('widget → owner works the case → carrier sees only its fields (real Chromium, built Node host)', () => {
  it('submit, sign in, find, note, assign, carrier view, export CSV (logged), anonymise, carrier view again, raw database', async () => {
    // 1. The consumer, on the demo retailer's service page.
    const consumer = await openPage(browser, `${server.url}/demo/service.html#reparatie`);
    let reference: string;
    try {
      const { shown } = await submitKind(consumer.page, 'repair', WHO, { brand: 'Bosch', model: 'WAN28K20NL' });
      reference = shown;
      await shoot(consumer.page, 'widget-submitted');
      expect(consumer.problems).toEqual([]);
    } finally {
      await consumer.context.close();
    }
    const [stored] = await server.casesByReference(reference);
    expect(stored).toMatchObject({ first_name: WHO.firstName, email: WHO.email });

    // 2. The owner (created by the operator CLI) signs in through the form.
    const owner = await cliUser(server, { role: 'owner', ...OWNER });
    const { context, page, problems } = await openAdmin(browser, `${server.url}/admin/`);
    try {
      await heading(page, 'Aanmelden');
      await shoot(page, 'owner-sign-in');
      await signIn(page, `${OWNER.loginCode}@demo`, OWNER.password);
      await ownerLanded(page);

      // 3. Settings: a carrier organisation, then its user.
      await menu(page, 'Instellingen', /^Instellingen/);
      await page.getByRole('link', { name: 'Partnerorganisaties', exact: true }).click();
      const orgForm = page.locator('admin-organisations form');
      await orgForm.getByLabel('Naam', { exact: true }).fill(ORG);
      await orgForm.getByLabel('Soort', { exact: true }).selectOption({ label: 'vervoerder' });
      await orgForm.getByRole('button', { name: 'Organisatie aanmaken' }).click();
      await page.locator('admin-organisations tbody th', { hasText: ORG }).waitFor();
      await shoot(page, 'owner-org-created');
      await page.getByRole('link', { name: 'Gebruikers', exact: true }).click();
      const userForm = page.locator('admin-users form');
      await userForm.getByLabel('Inlogcode', { exact: true }).fill(CARRIER.loginCode);
      await userForm.getByLabel('Naam', { exact: true }).fill(CARRIER.name);
      await userForm.getByLabel('Rol', { exact: true }).selectOption({ label: 'partner' });
      await userForm.getByLabel('Partnerorganisatie', { exact: true }).selectOption({ label: ORG });
      await userForm.getByLabel('Wachtwoord', { exact: true }).fill(CARRIER.password);
      await userForm.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
      await page.locator('admin-users tbody th', { hasText: CARRIER.loginCode }).waitFor();
      expect(await page.locator('admin-users tbody tr', { hasText: CARRIER.loginCode }).textContent()).toContain(ORG);
      await shoot(page, 'owner-carrier-user-created');

      // 4. Find the case by the consumer's e-mail address in the cases list.
      await menu(page, 'Zaken', 'Zaken');
      // Type only once the list and the organisation filter have loaded: a later re-render resets the field.
      await page.locator('admin-cases tbody tr').first().waitFor();
      await page.locator('admin-cases select[name=org] option', { hasText: ORG }).waitFor({ state: 'attached' });
      await page.locator('admin-cases form[role=search]').getByLabel('Zoeken', { exact: true }).fill(WHO.email);
      await page.getByRole('button', { name: 'Toepassen' }).click();
      await expect.poll(() => page.evaluate(() => location.hash)).toContain('q=');
      const row = page.locator('admin-cases tbody tr');
      await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
      expect(await row.first().locator('th a').textContent()).toBe(reference);
      expect(await row.first().textContent()).toContain(`${WHO.firstName} ${WHO.lastName}`);
      await shoot(page, 'owner-search');

      // 5. Open it; add an internal (not shared) note; assign it to the carrier.
      await row.first().locator('th a').click();
      await heading(page, `Zaak ${reference}`);
      await page.getByRole('heading', { name: 'Geschiedenis' }).waitFor();
      expect(await visibleText(page)).toContain(WHO.email);
      await page.getByLabel('Nieuwe notitie', { exact: true }).fill(NOTE);
      await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
      await page.locator('admin-case-notes li', { hasText: NOTE }).waitFor();
      expect(await page.locator('admin-case-notes li', { hasText: NOTE }).textContent()).toContain('intern');
      await page.locator('admin-case-work').getByLabel('Partnerorganisatie', { exact: true }).selectOption({ label: `${ORG} (vervoerder)` });
      await page.getByRole('button', { name: 'Toewijzen', exact: true }).click();
      await expect.poll(async () => (await page.locator('admin-case dl.facts').first().textContent()) ?? '').toContain(ORG);
      await page.waitForLoadState('networkidle');
      await shoot(page, 'owner-case-assigned');

      // 6. The carrier, before the erasure: name, address, phone, product; no e-mail, note, history or consent.
      const before = await asCarrier(reference, 'before');
      expectCarrierProjection(before);
      for (const shown of [WHO.firstName, WHO.lastName, WHO.street, WHO.city, '1017 GC', '+31687654321', 'Bosch', 'WAN28K20NL']) expect(before.text).toContain(shown);

      // 7. Export CSV from the filtered list; the export log shows it with the owner's name and IP.
      await menu(page, 'Zaken', 'Zaken');
      await page.evaluate((q) => (location.hash = `#/cases?q=${encodeURIComponent(q)}`), WHO.email);
      await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV', exact: true }).click()]);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv).toContain(reference);
      expect(csv).toContain(WHO.email);
      expect(csv.trim().split('\n')).toHaveLength(2);
      await menu(page, 'Logboeken', /^Logboeken/);
      const logRow = page.locator('admin-export-log tbody tr', { hasText: 'cases_csv' });
      await logRow.first().waitFor();
      const logText = (await logRow.first().textContent())!;
      expect(logText).toContain(`${OWNER.name} (${OWNER.loginCode})`);
      expect(logText).toContain('127.0.0.1');
      await shoot(page, 'owner-export-log');

      // 8. Betrokkenen → search → detail → anonymise (type the word in the dialog).
      await menu(page, 'Betrokkenen', 'Betrokkenen');
      await page.getByLabel('Zoeken op e-mailadres, telefoonnummer of naam').fill(WHO.email);
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      const subjectLink = page.locator('admin-subjects tbody th a');
      await expect.poll(() => subjectLink.count(), { timeout: 15_000 }).toBe(1);
      await shoot(page, 'owner-subjects');
      await subjectLink.click();
      await heading(page, `Betrokkene ${WHO.firstName} ${WHO.lastName}`);
      await page.getByRole('button', { name: 'Anonimiseren…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Deze betrokkene anonimiseren?' });
      await dialog.waitFor();
      await dialog.getByLabel(/ANONIMISEER/).fill('ANONIMISEER');
      await shoot(page, 'owner-erase-dialog', { fullPage: false });
      await dialog.getByRole('button', { name: 'Definitief anonimiseren' }).click();
      await heading(page, 'Geanonimiseerde betrokkene');
      await page.waitForLoadState('networkidle');
      expect(await visibleText(page)).not.toContain(WHO.email);
      await shoot(page, 'owner-anonymised');

      // The anonymised subject is no longer found.
      await menu(page, 'Betrokkenen', 'Betrokkenen');
      await page.getByLabel('Zoeken op e-mailadres, telefoonnummer of naam').fill(WHO.email);
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await page.getByText(/Niemand gevonden/).waitFor();
      expect(unexpected(problems)).toEqual([]);
    } catch (err) {
      await page.screenshot({ path: `${SHOTS}/admin-e2e-failure.png`, fullPage: true }).catch(() => {});
      throw new Error(`${String(err)}\nproblems: ${JSON.stringify(problems)}`);
    } finally {
      await context.close();
    }

    // 9. The carrier after the erasure: still only that case, with placeholders.
    const after = await asCarrier(reference, 'after');
    expectCarrierProjection(after);
    expect(after.text).toContain('[anonymised]');
    for (const gone of [WHO.firstName, WHO.lastName, WHO.street, '+31687654321']) expect(after.text).not.toContain(gone);
    // The brand stays; the model is the consumer's free text and is erased too (README, R10).
    expect(after.text).toContain('Bosch');
    expect(after.text).not.toContain('WAN28K20NL');

    // 10. The raw database: the subject is anonymised; the CSV export is logged with actor, IP, kind, rows.
    const subject = (await server.db.execute({ sql: 'SELECT s.* FROM subjects s JOIN cases c ON c.subject_id = s.id WHERE c.reference = ?', args: [reference] })).rows[0]!;
    expect(subject.anonymized_at).not.toBeNull();
    expect(subject).toMatchObject({ first_name: '[anonymised]', last_name: '[anonymised]', email: '[anonymised]', phone: null });
    expect(JSON.stringify(subject)).not.toContain(WHO.email);
    const logs = (await server.db.execute({ sql: "SELECT * FROM export_log WHERE tenant_id = ? AND kind = 'cases_csv'", args: [server.tenantId] })).rows;
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ actor_type: 'user', actor_id: owner.id, ip: '127.0.0.1', kind: 'cases_csv', row_count: 1 });
    expect(JSON.parse(String(logs[0]!.filter))).toEqual({ q: '[search]', sort: 'created', order: 'desc' }); // the search words are not kept (personal data)
    const caseRow = (await server.db.execute({ sql: 'SELECT c.assigned_org_id, o.name, o.type FROM cases c JOIN partner_orgs o ON o.id = c.assigned_org_id WHERE c.reference = ?', args: [reference] })).rows[0]!;
    expect(caseRow).toMatchObject({ name: ORG, type: 'carrier' });
  }, 240_000);

  it('My account: a password change (errors per field) ends the other session; its next export click returns to sign-in instead of saving the error', async () => {
    const NEW = 'blauwe-walvis-zwemt-diep-2025';
    const a = await openAdmin(browser, `${server.url}/admin/`);
    const b = await openAdmin(browser, `${server.url}/admin/`);
    try {
      await signIn(a.page, `${OWNER.loginCode}@demo`, OWNER.password);
      await ownerLanded(a.page);
      let downloads = 0;
      a.page.on('download', () => void downloads++);

      await signIn(b.page, `${OWNER.loginCode}@demo`, OWNER.password);
      await menu(b.page, 'Mijn account', 'Mijn account');
      const form = b.page.locator('admin-password-form form');
      await form.getByLabel('Huidig wachtwoord', { exact: true }).fill('niet-het-goede-wachtwoord');
      await form.getByLabel('Nieuw wachtwoord', { exact: true }).fill('kort');
      await form.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
      await form.getByText('Dit is te kort.').waitFor();
      await form.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW);
      await form.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
      await form.getByText('Dit wachtwoord klopt niet.').waitFor();
      expect(await form.getByLabel('Huidig wachtwoord', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      await shoot(b.page, 'account-password-errors');
      await form.getByLabel('Huidig wachtwoord', { exact: true }).fill(OWNER.password);
      await form.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
      await b.page.locator('admin-password-form .notice', { hasText: 'Uw wachtwoord is gewijzigd' }).waitFor();
      await shoot(b.page, 'account-password-changed');

      // The other session was ended by the change: its CSV link must not save the 401 problem as a file.
      await a.page.getByRole('link', { name: 'CSV', exact: true }).click();
      await heading(a.page, 'Aanmelden');
      await a.page.getByText('Uw sessie is verlopen').first().waitFor();
      await shoot(a.page, 'export-after-session-end');
      expect(downloads).toBe(0);
      await signIn(a.page, `${OWNER.loginCode}@demo`, NEW);
      await ownerLanded(a.page);
      const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.getByRole('link', { name: 'CSV', exact: true }).click()]);
      expect(readFileSync((await download.path())!, 'utf8').split('\n')[0]).toMatch(/reference/i);
      expect(unexpected(a.problems)).toEqual([]);
      expect(unexpected(b.problems).filter((p) => !/status of 422/.test(p))).toEqual([]); // the refused attempts were on purpose
    } catch (err) {
      await b.page.screenshot({ path: `${SHOTS}/admin-e2e-failure-b.png`, fullPage: true }).catch(() => {});
      await a.page.screenshot({ path: `${SHOTS}/admin-e2e-failure-a.png`, fullPage: true }).catch(() => {});
      throw new Error(`${String(err)}\nproblems: ${JSON.stringify([...a.problems, ...b.problems])}`);
    } finally {
      await a.context.close();
      await b.context.close();
    }
  }, 120_000);
});
