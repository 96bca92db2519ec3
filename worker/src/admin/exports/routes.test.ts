import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { caseNotes, cases, exportLog, exportSubjects, subjects } from '../../db/schema.js';
import { uuidv7 } from '../../lib/ids.js';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import type { AdminCaseView } from '../../../../sdk/src/admin/cases.js';
import { PRINT_CSP } from './case-export.js';

let h: AdminHarness;
let now = Date.UTC(2026, 10, 20, 9, 0, 0);
beforeEach(async () => {
  now = Date.UTC(2026, 10, 20, 9, 0, 0);
  h = await makeAdminHarness({ clock: { now: () => now } });
});
afterEach(() => h.dispose());

const logRows = () => h.db.select().from(exportLog).where(eq(exportLog.tenantId, h.tenant.tenantId));
const subjectsOf = (exportId: string) => h.db.select().from(exportSubjects).where(eq(exportSubjects.exportId, exportId));
const noBom = async (res: Response) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
const csvLines = (text: string) => text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);

/** Two cases of the tenant (one repair, one return) and one of the other tenant. */
async function seed() {
  const a = await h.submitCase('repair', (c) => { c.subject.email = 'anna@example.nl'; c.subject.lastName = 'Alfa'; });
  now += 1000;
  const b = await h.submitCase('return', (c) => { c.subject.email = 'bert@example.nl'; c.subject.lastName = 'Bravo'; });
  const other = await h.submitOtherCase();
  now += 1000;
  return { a, b, other };
}

describe('GET /exports/cases.csv', () => {
  it('writes the log row (actor, time, IP, filter, row count, kind) before the first byte, then streams every case', async () => {
    const { a, b, other } = await seed();
    const { user, auth } = await h.as('staff');
    const res = await h.admin('/exports/cases.csv', { as: auth });
    expect(res.status).toBe(200);
    // Nothing of the body has been read yet: the log row is already there.
    const [row, ...more] = await logRows();
    expect(more).toHaveLength(0);
    expect(row).toMatchObject({ actorType: 'user', actorId: user.id, at: now, ip: '203.0.113.7', kind: 'cases_csv', rowCount: 2 });
    expect(JSON.parse(row!.filter)).toEqual({ sort: 'created', order: 'desc' });
    expect(res.headers.get('x-aftercare-export-id')).toBe(row!.id);
    expect(res.headers.get('x-aftercare-row-count')).toBe('2');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="aftercare-cases-2026-11-20.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csvLines(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
    expect(lines).toHaveLength(3);
    const header = lines[0]!.split(',');
    expect(header).toEqual(expect.arrayContaining(['id', 'reference', 'subject.email', 'subject.lastName', 'product.serialNumber', 'details', 'assignedOrg.name']));
    expect(lines[1]).toContain(b.reference); // newest first
    expect(lines[1]).toContain('bert@example.nl');
    expect(lines[2]).toContain(a.reference);
    expect(lines.join('\n')).not.toContain(other.reference);
    // Which subjects the export included (R11).
    expect((await subjectsOf(row!.id)).map((s) => s.subjectId).sort()).toEqual([a.subjectId, b.subjectId].sort());
  });

  it('filters like the case list, logs the filter, and never stores the search text', async () => {
    const { a } = await seed();
    const { auth } = await h.as('owner');
    const res = await h.admin('/exports/cases.csv?kind=repair&q=anna%40example.nl&delimiter=semicolon', { as: auth });
    expect(res.status).toBe(200);
    const lines = csvLines(await noBom(res));
    expect(lines).toHaveLength(2);
    expect(lines[0]!.startsWith('id;reference;kind;')).toBe(true);
    expect(lines[1]).toContain(a.reference);
    const [row] = await logRows();
    expect(row!.rowCount).toBe(1);
    expect(JSON.parse(row!.filter)).toEqual({ kind: 'repair', q: '[search]', sort: 'created', order: 'desc' });
    const raw = await h.db.all<Record<string, unknown>>(sql`SELECT * FROM export_log`);
    expect(JSON.stringify(raw)).not.toContain('anna');
  });

  it('quotes per RFC 4180 and guards formula cells', async () => {
    const { a } = await seed();
    await h.db.update(subjects).set({ firstName: '=HYPERLINK("https://evil.example","klik")', city: 'Den Haag, "centrum"', street: '@SUM(1)' }).where(eq(subjects.id, a.subjectId));
    const { auth } = await h.as('owner');
    const text = await noBom(await h.admin('/exports/cases.csv?q=anna%40example.nl', { as: auth }));
    expect(text).toContain(`"'=HYPERLINK(""https://evil.example"",""klik"")"`);
    expect(text).toContain('"Den Haag, ""centrum"""');
    expect(text).toContain(",'@SUM(1),");
    expect(text).not.toMatch(/(^|,)[=@]/m);
  });

  it('refuses a bad filter with per-field errors and writes no log row', async () => {
    await seed();
    const { auth } = await h.as('owner');
    const res = await h.admin('/exports/cases.csv?status=bogus&kind=nope&limit=5&delimiter=tab', { as: auth });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { code: string; errors: { path: string; code: string }[] };
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((e) => e.path).sort()).toEqual(['delimiter', 'kind', 'limit', 'status']);
    expect(body.errors.find((e) => e.path === 'limit')!.code).toBe('unknown_field');
    const order = await h.admin('/exports/cases.json?from=2026-11-20&to=2026-11-01', { as: auth });
    expect(order.status).toBe(422);
    expect(((await order.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['to']);
    const print = await h.admin('/exports/cases/print?lang=de&cursor=abc', { as: auth });
    expect(((await print.json()) as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual(['cursor', 'lang']);
    expect(await logRows()).toHaveLength(0);
  });

  it('refuses a non-existent date with 422, not 500, and logs nothing (fails while the `day` check in sdk/src/admin/cases.ts throws on invalid dates)', async () => {
    const { auth } = await h.as('owner');
    const res = await h.admin('/exports/cases.csv?from=2026-13-01', { as: auth });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['from']);
    expect(await logRows()).toHaveLength(0);
  });
});

describe('GET /exports/cases.json', () => {
  it('streams a JSON array of the projected case documents, logged first', async () => {
    const { a, b } = await seed();
    const key = await h.keyFor({ role: 'staff', name: 'ERP' });
    const res = await h.admin('/exports/cases.json?order=asc', { as: key });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const [row] = await logRows();
    expect(row).toMatchObject({ actorType: 'api_key', kind: 'cases_json', rowCount: 2 });
    const docs = (await res.json()) as AdminCaseView[];
    expect(docs.map((d) => d.reference)).toEqual([a.reference, b.reference]);
    expect(docs[0]).toMatchObject({ kind: 'repair', subject: { email: 'anna@example.nl', lastName: 'Alfa' }, details: { description: expect.any(String) } });
  });

  it('sends an empty array (and logs 0 rows) when nothing matches', async () => {
    await seed();
    const { auth } = await h.as('owner');
    const res = await h.admin('/exports/cases.json?status=closed', { as: auth });
    expect(await res.json()).toEqual([]);
    expect((await logRows())[0]!.rowCount).toBe(0);
  });
});

describe('GET /exports/cases/print', () => {
  it('is a complete HTML page under a strict CSP, with no inline script or style, every value escaped', async () => {
    const { a } = await seed();
    await h.db.update(subjects).set({ lastName: '<script>alert(1)</script>', city: '" onmouseover="x' }).where(eq(subjects.id, a.subjectId));
    const { auth } = await h.as('owner');
    const res = await h.admin('/exports/cases/print', { as: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(PRINT_CSP);
    expect(PRINT_CSP).toBe("default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await logRows())[0]).toMatchObject({ kind: 'cases_print', rowCount: 2 });
    const html = await res.text();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="nl">');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<link rel="stylesheet" href="../print.css">');
    expect(html).not.toMatch(/<script|<style|<[a-z][^>]*\s(style|on\w+)=/i);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('&#34; onmouseover=&#34;x');
    expect(html).toContain('anna@example.nl');
    expect(html).toContain('Referentie');
    expect((html.match(/<tr>/g) ?? []).length).toBe(3); // header + 2 cases
  });

  it('speaks English with ?lang=en and serves its stylesheet from its own route', async () => {
    await seed();
    const { auth } = await h.as('owner');
    const html = await (await h.admin('/exports/cases/print?lang=en', { as: auth })).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Reference');
    const css = await h.admin('/exports/print.css', { as: auth });
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain('@media print');
    // The stylesheet route is not an export.
    expect((await logRows()).map((r) => r.kind)).toEqual(['cases_print']);
  });
});

describe('partners (R22)', () => {
  it("a carrier's CSV, JSON and print hold only its organisation's cases and no email, notes or details", async () => {
    const { a, b, other } = await seed();
    const carrier = await h.addOrg(h.tenant.tenantId, 'carrier');
    const technician = await h.addOrg(h.tenant.tenantId, 'technician');
    await h.db.update(cases).set({ assignedOrgId: carrier }).where(eq(cases.id, a.id));
    await h.db.update(cases).set({ assignedOrgId: technician }).where(eq(cases.id, b.id));
    await h.db.insert(caseNotes).values({ id: uuidv7(now), tenantId: h.tenant.tenantId, caseId: a.id, authorId: 'x', body: 'NOTITIE-GEHEIM', shared: true, createdAt: now });
    const { auth } = await h.as('partner', { partnerOrgId: carrier });
    const [detailText] = await h.db.select({ details: cases.details }).from(cases).where(eq(cases.id, a.id));
    const description = String((detailText!.details as { description: string }).description);

    const csv = await noBom(await h.admin('/exports/cases.csv', { as: auth }));
    const json = await (await h.admin('/exports/cases.json', { as: auth })).text();
    const print = await (await h.admin('/exports/cases/print', { as: auth })).text();
    for (const [name, text] of [['csv', csv], ['json', json], ['print', print]] as const) {
      expect(text, name).toContain(a.reference);
      expect(text, name).toContain('Alfa');
      for (const forbidden of ['anna@example.nl', 'bert@example.nl', b.reference, other.reference, 'NOTITIE-GEHEIM', description, '@example.nl']) {
        expect(text, `${name} ${forbidden}`).not.toContain(forbidden);
      }
    }
    const header = csvLines(csv)[0]!.split(',');
    expect(header).not.toContain('subject.email');
    expect(header).not.toContain('details');
    expect(header).toEqual(expect.arrayContaining(['subject.phone', 'subject.street', 'product.model']));
    expect(csvLines(csv)).toHaveLength(2);
    const docs = JSON.parse(json) as AdminCaseView[];
    expect(docs).toHaveLength(1);
    expect(Object.keys(docs[0]!.subject!)).not.toContain('email');
    expect(docs[0]).not.toHaveProperty('details');
    const rows = await logRows();
    expect(rows.map((r) => r.rowCount)).toEqual([1, 1, 1]);
  });

  it('a technician sees details (its projection) but still no email', async () => {
    const { a } = await seed();
    const technician = await h.addOrg(h.tenant.tenantId, 'technician');
    await h.db.update(cases).set({ assignedOrgId: technician }).where(eq(cases.id, a.id));
    const { auth } = await h.as('partner', { partnerOrgId: technician });
    const header = csvLines(await noBom(await h.admin('/exports/cases.csv', { as: auth })))[0]!.split(',');
    expect(header).toContain('details');
    expect(header).not.toContain('subject.email');
  });
});

describe('who may export', () => {
  it('auditors and operators get 403 on case exports and nothing is logged', async () => {
    await seed();
    for (const role of ['auditor', 'operator'] as const) {
      const { auth } = await h.as(role);
      for (const path of ['/exports/cases.csv', '/exports/cases.json', '/exports/cases/print', '/exports/print.css']) {
        expect((await h.admin(path, { as: auth })).status, `${role} ${path}`).toBe(403);
      }
    }
    expect((await h.admin('/exports/cases.csv', { as: null })).status).toBe(401);
    expect(await logRows()).toHaveLength(0);
  });

  it("another tenant's owner exports only its own cases", async () => {
    const { a, other } = await seed();
    const { auth } = await h.as('owner', { tenantId: h.other.tenantId });
    const text = await noBom(await h.admin('/exports/cases.csv', { as: auth }));
    expect(text).toContain(other.reference);
    expect(text).not.toContain(a.reference);
    expect(await logRows()).toHaveLength(0);
  });
});
