import { afterEach, describe, expect, it } from 'vitest';
import { createAdminClient } from '../../../../sdk/src/admin-client/index.js';
import { makeAdminHarness, ADMIN_ORIGIN, type AdminHarness, type As } from '../../testing/admin-harness.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

/** The typed client against the real app with an sk_ key. */
function client(as: As) {
  const fetch = ((input: string, init: RequestInit = {}) => h.app.request(input, init)) as typeof globalThis.fetch;
  return createAdminClient({ baseUrl: ADMIN_ORIGIN, apiKey: as && 'bearer' in as ? as.bearer : undefined, fetch });
}

describe('typed admin client: exports and logs', () => {
  it('exports cases and reads, downloads and verifies the logs with { data } | { error }', async () => {
    h = await makeAdminHarness();
    const a = await h.submitCase('repair');
    const owner = client(await h.keyFor({ role: 'owner', name: 'ERP' }));

    const csv = await owner.exports.casesCsv({ kind: 'repair' }, { delimiter: 'semicolon' });
    expect(csv.data?.split('\r\n')[0]).toMatch(/^id;reference;kind;/);
    expect(csv.data).toContain(a.reference);
    const json = await owner.exports.casesJson({ q: a.reference });
    expect(json.data?.map((d) => d.reference)).toEqual([a.reference]);
    const bad = await owner.exports.casesJson({ status: 'bogus' as never });
    expect(bad.error).toMatchObject({ code: 'validation_failed', status: 422, errors: [{ path: 'status', code: 'invalid_value' }] });
    expect(owner.exports.printUrl({ kind: 'repair' }, { lang: 'en' })).toBe(`${ADMIN_ORIGIN}/v1/admin/exports/cases/print?kind=repair&lang=en`);
    expect(owner.exports.csvUrl({ status: 'new' })).toBe(`${ADMIN_ORIGIN}/v1/admin/exports/cases.csv?status=new`);

    const page = await owner.logs.exports({ limit: 1 });
    expect(page.data?.items[0]).toMatchObject({ kind: 'cases_json', filter: { q: '[search]' }, actor: { type: 'api_key', keyName: 'ERP' } });
    const next = await owner.logs.exports({ limit: 1, cursor: page.data!.nextCursor! });
    expect(next.data?.items[0]?.kind).toBe('cases_csv');
    expect((await owner.logs.exportsCsv()).data).toContain('export_log_csv');
    expect((await owner.logs.exportsJson()).data?.[0]?.kind).toBe('export_log_json');
    expect((await owner.logs.audit({ limit: 2 })).data?.items).toHaveLength(2);
    expect((await owner.logs.verify()).data).toMatchObject({ ok: true });

    const staff = client(await h.keyFor({ role: 'staff' }));
    expect((await staff.logs.exports()).error).toMatchObject({ code: 'forbidden', status: 403 });
    const auditor = client(await h.keyFor({ role: 'auditor' }));
    expect((await auditor.exports.casesCsv()).error).toMatchObject({ code: 'forbidden', status: 403 });
  });
});
