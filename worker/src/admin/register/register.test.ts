import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, exportLog, tenants } from '../../db/schema.js';
import { makeAdminHarness, type AdminHarness, type As } from '../../testing/admin-harness.js';
import type { RegisterDocument } from '../../../../sdk/src/admin/register.js';
import { REGISTER_PRINT_CSP } from '../../registers/print.js';

/**
 * R16: the art. 30(2) register of a tenant configured here (contact, DPO, kinds, a non-EEA
 * sub-processor), in nl and en, as JSON, CSV and print page, each logged before it leaves.
 */
let h: AdminHarness;
let owner: As;
let auditor: As;
const NOW = Date.parse('2030-03-01T09:00:00Z');

const contact = { name: 'Fietsenwinkel Test BV', address: 'Damrak 1, 1012 LG Amsterdam', email: 'privacy@fiets.example', phone: '+31 20 123 4567' };
const dpo = { name: 'Mr. A. de Vries', email: 'fg@fiets.example' };

beforeAll(async () => {
  h = await makeAdminHarness({ clock: { now: () => NOW } });
  owner = (await h.as('owner')).auth;
  auditor = (await h.as('auditor')).auth;
  const operator = (await h.as('operator')).auth;
  // The controller, through the API; its kinds straight in the table (settings is another feature).
  const put = await h.admin('/register/controller', { as: owner, method: 'PUT', body: { contact, dpo } });
  expect(put.status, await put.clone().text()).toBe(200);
  await h.db.update(tenants).set({ kinds: ['repair', 'return'] }).where(eq(tenants.id, h.tenant.tenantId));
  // A non-EEA sub-processor with safeguards, an EEA one, and an ended one.
  for (const body of [
    { name: 'Mailer Inc.', purpose: 'E-mail delivery', location: 'us', safeguards: 'EU-US Data Privacy Framework; SCCs 2021/914', startDate: '2030-06-01' },
    { name: 'Hosting GmbH', purpose: 'Hosting', location: 'DE', startDate: '2030-04-15' },
    { name: 'Gone Ltd', purpose: 'Backups', location: 'CH', safeguards: 'Adequacy decision', startDate: '2030-05-01' },
  ]) expect((await h.admin('/platform/subprocessors', { as: operator, body })).status).toBe(201);
  const list = (await (await h.admin('/platform/subprocessors', { as: operator })).json()) as { items: { id: string; name: string }[] };
  const gone = list.items.find((s) => s.name === 'Gone Ltd')!;
  expect((await h.admin(`/platform/subprocessors/${gone.id}`, { as: operator, method: 'PATCH', body: { ended: true } })).status).toBe(200);
}, 60_000);
afterAll(() => h?.dispose());

const get = async (lang: 'nl' | 'en', as: As = owner) => {
  const res = await h.admin(`/register?lang=${lang}`, { as });
  expect(res.status).toBe(200);
  return { res, doc: (await res.json()) as RegisterDocument };
};

describe('GET /v1/admin/register', () => {
  it('(a) names the processor and the controller with their contact details and DPOs', async () => {
    const { doc } = await get('en');
    expect(doc.controller).toEqual({ name: 'Fietsenwinkel Test', contact: { ...contact }, dpo });
    expect(doc.processor.name).toBeTruthy();
    expect(doc.processor.contact.email).toMatch(/@/);
    expect(doc.tenantId).toBe(h.tenant.tenantId);
    expect(doc.generatedAt).toBe(new Date(NOW).toISOString());
  });

  it('(b) has one processing category per enabled kind, with the data categories its intake schema collects', async () => {
    const { doc } = await get('en');
    expect(doc.processing.map((p) => p.kind)).toEqual(['repair', 'return']);
    const repair = doc.processing[0]!;
    expect(repair.name).toBe('Repair requests');
    expect(repair.dataSubjects).toMatch(/Consumers/);
    const cats = Object.fromEntries(repair.dataCategories.map((c) => [c.category, c.fields]));
    expect(cats.identity).toEqual(['firstName', 'lastName']);
    expect(cats.contact).toEqual(['email', 'phone']);
    expect(cats.address).toContain('postcode');
    expect(cats.product).toContain('serialNumber');
    expect(cats.appointment).toEqual(['visitWindows']);
    expect(cats.consent).toEqual(expect.arrayContaining(['textHash', 'ip', 'userAgent']));
    expect(cats.order).toBeUndefined();
    const ret = Object.fromEntries(doc.processing[1]!.dataCategories.map((c) => [c.category, c.fields]));
    expect(ret.order).toEqual(['reason', 'orderNumber', 'preferredResolution']);
    expect(ret.appointment).toBeUndefined();
    expect(doc.operations.length).toBeGreaterThan(0);
  });

  it('follows the live configuration: a kind enabled later appears at once', async () => {
    await h.db.update(tenants).set({ kinds: ['repair', 'return', 'installation'] }).where(eq(tenants.id, h.tenant.tenantId));
    const { doc } = await get('en');
    expect(doc.processing.map((p) => p.kind)).toEqual(['repair', 'installation', 'return']);
    await h.db.update(tenants).set({ kinds: ['repair', 'return'] }).where(eq(tenants.id, h.tenant.tenantId));
  });

  it('(c) lists transfers outside the EEA with their safeguards, and the sub-processors in use or announced', async () => {
    const { doc } = await get('en');
    expect(doc.subprocessors.map((s) => [s.name, s.location, s.eea, s.upcoming])).toEqual([
      ['Hosting GmbH', 'DE', true, true],
      ['Mailer Inc.', 'US', false, true],
    ]);
    expect(doc.transfers).toEqual([{ subprocessorId: doc.subprocessors[1]!.id, recipient: 'Mailer Inc.', country: 'US', safeguards: 'EU-US Data Privacy Framework; SCCs 2021/914' }]);
  });

  it('(d) describes the security measures, in the language asked for', async () => {
    const en = (await get('en')).doc;
    const nl = (await get('nl')).doc;
    expect(en.securityMeasures).toMatch(/argon2id/);
    expect(en.securityMeasures).toMatch(/hash-chained audit log/);
    expect(nl.securityMeasures).toMatch(/argon2id/);
    expect(nl.securityMeasures).toMatch(/auditlog/);
    expect(nl.processing[0]!.name).toBe('Reparatieverzoeken');
    expect(nl.processing[0]!.dataCategories[0]!.label).toBe('Naam');
    expect(nl.lang).toBe('nl');
    expect((await (await h.admin('/register', { as: owner })).json()) as RegisterDocument).toMatchObject({ lang: 'nl' });
  });

  it('refuses an unknown language or parameter with 422 per field, and logs nothing', async () => {
    const before = await exportCount();
    const res = await h.admin('/register?lang=de&x=1', { as: owner });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { path: string; code: string }[] };
    expect(body.errors.map((e) => e.path).sort()).toEqual(['lang', 'x']);
    expect(await exportCount()).toBe(before);
  });
});

const exportCount = async () => (await h.db.select({ n: sql<number>`count(*)` }).from(exportLog).where(eq(exportLog.tenantId, h.tenant.tenantId)))[0]!.n;

describe('register exports are logged before data leaves', () => {
  for (const [path, kind] of [['/register?lang=en', 'register_json'], ['/register.csv?lang=en&delimiter=semicolon', 'register_csv'], ['/register/print?lang=en', 'register_print']] as const) {
    it(`${path} writes a ${kind} export-log row naming the caller`, async () => {
      const { user, auth } = await h.as('auditor');
      const res = await h.admin(path, { as: auth });
      expect(res.status).toBe(200);
      const id = res.headers.get('x-aftercare-export-id')!;
      const [row] = await h.db.select().from(exportLog).where(eq(exportLog.id, id));
      expect(row).toMatchObject({ tenantId: h.tenant.tenantId, kind, actorId: user.id, actorType: 'user', rowCount: 1 });
      expect(JSON.parse(row!.filter)).toMatchObject({ lang: 'en' });
    });
  }

  it('sends nothing when the log row cannot be written', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await h.db.run(sql.raw(`CREATE TRIGGER test_no_export BEFORE INSERT ON export_log BEGIN SELECT RAISE(ABORT, 'export log unavailable'); END`));
    try {
      for (const path of ['/register', '/register.csv', '/register/print']) {
        const res = await h.admin(path, { as: owner });
        const text = await res.text();
        expect(res.status, path).toBe(500);
        expect(text).not.toContain('Damrak');
        expect(text).not.toContain('argon2id');
      }
    } finally {
      await h.db.run(sql.raw('DROP TRIGGER test_no_export'));
      errors.mockRestore();
    }
  });
});

describe('CSV and print view', () => {
  it('CSV: one fact per line, BOM, chosen delimiter, formula cells guarded', async () => {
    await h.db.update(tenants).set({ contact: { ...contact, name: '=HYPERLINK("http://evil.example")' } }).where(eq(tenants.id, h.tenant.tenantId));
    try {
      const res = await h.admin('/register.csv?lang=nl&delimiter=semicolon', { as: owner });
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="aftercare-register-nl-2030-03-01\.csv"/);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
      expect(text.startsWith('\uFEFFsectie;onderdeel;veld;waarde\r\n')).toBe(true);
      expect(text).toContain(`controller;contact;name;"'=HYPERLINK(""http://evil.example"")"\r\n`);
      expect(text).toContain('controller;dpo;email;fg@fiets.example\r\n');
      expect(text).toMatch(/transfer;[0-9a-f-]+;US;"Mailer Inc\.: EU-US Data Privacy Framework; SCCs 2021\/914"\r\n/);
      expect(text).toContain('processor;dpo;name;Niet aangesteld\r\n');
      expect(text).toMatch(/processing;repair;identity;Naam: firstName, lastName/);
      expect(text).toMatch(/security;1;text;/);
    } finally {
      await h.db.update(tenants).set({ contact }).where(eq(tenants.id, h.tenant.tenantId));
    }
  });

  it('print: strict CSP, own stylesheet, no inline script or style, every value escaped, nl and en', async () => {
    await h.db.update(tenants).set({ name: '<script>alert(1)</script> & "Zonen"' }).where(eq(tenants.id, h.tenant.tenantId));
    try {
      const res = await h.admin('/register/print?lang=en', { as: auditor });
      expect(res.headers.get('content-security-policy')).toBe(REGISTER_PRINT_CSP);
      expect(REGISTER_PRINT_CSP).toBe("default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).not.toContain('<script');
      expect(html).not.toMatch(/<style|style=/);
      expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;Zonen&#34;');
      expect(html).toContain('<link rel="stylesheet" href="/v1/admin/register/print.css">');
      expect(html).toContain('Transfers to third countries');
      expect(html).toContain('EU-US Data Privacy Framework');
      expect(html).toContain('Damrak 1, 1012 LG Amsterdam');
      expect(html).toContain(res.headers.get('x-aftercare-export-id')!);
      const nl = await (await h.admin('/register/print', { as: auditor })).text();
      expect(nl).toContain('<html lang="nl">');
      expect(nl).toContain('Doorgiften naar derde landen');
      const css = await h.admin('/register/print.css', { as: auditor });
      expect(css.headers.get('content-type')).toMatch(/^text\/css/);
      expect(await css.text()).toContain('@media print');
    } finally {
      await h.db.update(tenants).set({ name: 'Fietsenwinkel Test' }).where(eq(tenants.id, h.tenant.tenantId));
    }
  });
});

describe('who may read the register', () => {
  it('owner and auditor read; staff, partner and operator get 403 and nothing is logged', async () => {
    expect((await h.admin('/register', { as: auditor })).status).toBe(200);
    const before = await exportCount();
    const org = await h.addOrg(h.tenant.tenantId, 'technician');
    for (const as of [(await h.as('staff')).auth, (await h.as('partner', { partnerOrgId: org })).auth, (await h.as('operator')).auth]) {
      for (const path of ['/register', '/register.csv', '/register/print', '/register/controller', '/register/subprocessors']) {
        const res = await h.admin(path, { as });
        expect(res.status, path).toBe(403);
      }
    }
    expect(await exportCount()).toBe(before);
  });

  it("never shows another tenant's controller details", async () => {
    await h.db.update(tenants).set({ contact: { name: 'Andere', address: 'Elders 9', email: 'andere@other.example' } }).where(eq(tenants.id, h.other.tenantId));
    const { doc } = await get('nl');
    expect(JSON.stringify(doc)).not.toContain('andere@other.example');
  });
});

describe('controller details (PUT /v1/admin/register/controller)', () => {
  it('the auditor reads but may not change them', async () => {
    const res = await h.admin('/register/controller', { as: auditor });
    expect(await res.json()).toEqual({ name: 'Fietsenwinkel Test', contact, dpo });
    expect((await h.admin('/register/controller', { as: auditor, method: 'PUT', body: { contact, dpo: null } })).status).toBe(403);
  });

  it('422 per field, nothing written', async () => {
    const res = await h.admin('/register/controller', { as: owner, method: 'PUT', body: { contact: { name: '', address: 'x', email: 'geen-mail', phone: 'bel maar' }, dpo: { name: 'X' }, extra: 1 } });
    expect(res.status).toBe(422);
    const { errors } = (await res.json()) as { errors: { path: string; code: string }[] };
    expect(Object.fromEntries(errors.map((e) => [e.path, e.code]))).toEqual({
      'contact.name': 'required', 'contact.email': 'invalid_email', 'contact.phone': 'invalid_phone', 'dpo.email': 'required', extra: 'unknown_field',
    });
    const [t] = await h.db.select({ contact: tenants.contact }).from(tenants).where(eq(tenants.id, h.tenant.tenantId));
    expect(t!.contact).toEqual(contact);
  });

  it('an update is audited with field names only; an unchanged PUT writes nothing', async () => {
    const count = async () => (await h.db.select({ n: sql<number>`count(*)` }).from(auditLog).where(and(eq(auditLog.tenantId, h.tenant.tenantId), eq(auditLog.action, 'register.controller.updated'))))[0]!.n;
    const before = await count();
    expect((await h.admin('/register/controller', { as: owner, method: 'PUT', body: { contact, dpo } })).status).toBe(200);
    expect(await count()).toBe(before);
    const res = await h.admin('/register/controller', { as: owner, method: 'PUT', body: { contact, dpo: null } });
    expect(await res.json()).toMatchObject({ dpo: null });
    const rows = await h.db.select().from(auditLog).where(and(eq(auditLog.tenantId, h.tenant.tenantId), eq(auditLog.action, 'register.controller.updated')));
    expect(rows).toHaveLength(before + 1);
    expect(JSON.parse(rows.at(-1)!.fields)).toEqual(['dpo']);
    expect(JSON.stringify(rows)).not.toContain('fg@fiets.example');
    expect((await get('en')).doc.controller.dpo).toBeNull();
    await h.admin('/register/controller', { as: owner, method: 'PUT', body: { contact, dpo } });
  });
});
