import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseFilterSchema, type CaseFilterInput } from '../../../../sdk/src/admin/cases.js';
import type { Principal } from '../principal.js';
import { caseListQuery } from './query.js';
import { encodeCursor } from './cursor.js';
import { caseHarness, type CaseHarness } from './testing.js';

/** Search `q`: every meaning, never an anonymised subject, never a full scan. */
let h: CaseHarness;
type Made = Awaited<ReturnType<CaseHarness['submitCase']>>;
let jan: Made, piet: Made, marie: Made, otherCase: Made;

beforeAll(async () => {
  h = await caseHarness();
  jan = await h.submitCase('repair');
  piet = await h.submitCase('complaint', (c) => {
    Object.assign(c.subject, { firstName: 'Piet', lastName: 'van der Berg', email: 'Piet@Example.nl', postcode: '3511ab' });
    c.product.serialNumber = 'ABC-999';
  });
  marie = await h.submitCase('return', (c) => {
    Object.assign(c.subject, { firstName: 'Marie', lastName: 'Dupont', email: 'marie@example.be', postcode: '1000', country: 'BE', phone: undefined });
    c.product.serialNumber = 'MD-1';
  });
  otherCase = await h.submitOtherCase('repair');
});
afterAll(() => h.dispose());

const found = async (q: string) => (await h.list({ q })).items.map((i) => i.id);

describe('search', () => {
  it('reference: any case, with or without the dash', async () => {
    const ref = jan.reference;
    for (const q of [ref, ref.toLowerCase(), ref.replace('-', ''), ` ${ref.replace('-', ' ').toLowerCase()} `]) expect(await found(q)).toEqual([jan.id]);
  });

  it('email: exact, lower-cased', async () => {
    expect(await found('JAN@example.nl')).toEqual([jan.id]);
    expect(await found('piet@example.nl')).toEqual([piet.id]);
    expect(await found('jan@example')).toEqual([]);
  });

  it('postcode: normalised as the intake stores it', async () => {
    expect(await found('1234ab')).toEqual([jan.id]);
    expect(await found('3511 AB')).toEqual([piet.id]);
    expect(await found('3511')).toEqual([]);
  });

  it('serial number: exact (as typed or upper case)', async () => {
    expect(await found('GZ-123456')).toEqual([jan.id]);
    expect(await found('gz-123456')).toEqual([jan.id]);
    expect(await found('abc-999')).toEqual([piet.id]);
    expect(await found('GZ-12345')).toEqual([]);
  });

  it('name: last-name prefix in any common casing, or first and last name', async () => {
    expect(await found('de Vries')).toEqual([jan.id]);
    expect(await found('de vr')).toEqual([jan.id]);
    expect(await found('DE VRIES')).toEqual([jan.id]);
    expect(await found('Van der')).toEqual([piet.id]);
    expect(await found('Jan de Vries')).toEqual([jan.id]);
    expect(await found('piet van der berg')).toEqual([piet.id]);
    expect(await found('Jan van der Berg')).toEqual([]);
    expect(await found('Vries')).toEqual([]);
  });

  it('combines with filters', async () => {
    expect((await h.list({ q: 'jan@example.nl', kind: 'repair', status: 'new' })).items.map((i) => i.id)).toEqual([jan.id]);
    expect((await h.list({ q: 'jan@example.nl', kind: 'complaint' })).items).toEqual([]);
  });

  it('never finds another tenant’s case', async () => {
    expect(await found(otherCase.reference)).toEqual([]);
    // The other tenant's case has Jan's data too: still only ours.
    expect(await found('jan@example.nl')).toEqual([jan.id]);
  });

  it('never finds an anonymised subject, by any meaning', async () => {
    for (const q of [marie.reference, 'marie@example.be', '1000', 'MD-1', 'Dupont', 'Marie Dupont']) expect(await found(q)).toEqual([marie.id]);
    await h.anonymise(marie.subjectId);
    for (const q of [marie.reference, 'marie@example.be', '1000', 'MD-1', 'Dupont', 'Marie Dupont']) expect(await found(q), q).toEqual([]);
    // Still in the unfiltered list (kind, status and dates are kept for statistics).
    expect((await h.list({})).items.map((i) => i.id)).toContain(marie.id);
  });
});

describe('query plans (EXPLAIN QUERY PLAN): indexes only', () => {
  const principal = (over: Partial<Principal> = {}): Principal => ({
    type: 'user', id: 'u', tenantId: h.tenant.tenantId, role: 'owner', partnerOrgId: null, partnerType: null, sessionId: null, displayName: 'x', locale: 'en', ...over,
  });
  async function plan(input: CaseFilterInput, p = principal()) {
    const filter = v.parse(CaseFilterSchema, input);
    const lines: string[] = [];
    for (const cursor of [null, encodeCursor({ sort: filter.sort, order: filter.order, value: Date.now(), id: 'ffffffff' })]) {
      const q = caseListQuery(h.db, p, filter, { limit: 26, cursor }).toSQL();
      const res = await h.database.client.execute({ sql: `EXPLAIN QUERY PLAN ${q.sql}`, args: q.params as never[] });
      lines.push(...res.rows.map((r) => String(r.detail)));
    }
    return lines;
  }

  it.each(['jan@example.nl', 'K7P2-9QXD', '1234ab', 'GZ-123456', 'Jan de Vries', 'vries'])('search %s: every table by an index, cases only by id, subject or reference', async (q) => {
    const lines = await plan({ q, kind: 'repair', status: 'new', sort: 'updated' });
    expect(lines.filter((l) => /^SCAN /.test(l))).toEqual([]);
    const caseAccess = lines.filter((l) => /^SEARCH (cases|search_case) /.test(l));
    expect(caseAccess.length).toBeGreaterThan(0);
    for (const l of caseAccess) expect(l).toMatch(/USING INDEX (sqlite_autoindex_cases_1 \(id=\?\)|cases_tenant_subject \(tenant_id=\? AND subject_id=\?\)|cases_tenant_reference \(tenant_id=\? AND reference=\?\))/);
  });

  it.each<[CaseFilterInput, string]>([
    [{}, 'cases_tenant_created (tenant_id=?'],
    [{ kind: 'repair' }, 'cases_tenant_created (tenant_id=?'],
    [{ kind: 'repair', status: 'new' }, 'cases_tenant_kind_status_created (tenant_id=? AND kind=? AND status=?'],
    [{ org: 'none', kind: 'repair' }, 'cases_tenant_org_created (tenant_id=? AND assigned_org_id=?'],
    [{ from: '2025-01-01', to: '2025-02-01' }, 'cases_tenant_created (tenant_id=? AND created_at>? AND created_at<?)'],
    [{ sort: 'updated', order: 'asc', kind: 'repair' }, 'cases_tenant_updated (tenant_id=?'],
  ])('list %j walks %s, no sort step', async (input, index) => {
    const lines = await plan(input);
    expect(lines.filter((l) => /^SCAN |TEMP B-TREE/.test(l))).toEqual([]);
    for (const l of lines) expect(l).toContain(`USING INDEX ${index}`);
  });

  it('a partner’s list walks its organisation’s index', async () => {
    const lines = await plan({}, principal({ role: 'partner', partnerOrgId: 'org', partnerType: 'carrier' }));
    for (const l of lines) expect(l).toContain('USING INDEX cases_tenant_org_created (tenant_id=? AND assigned_org_id=?');
  });
});
