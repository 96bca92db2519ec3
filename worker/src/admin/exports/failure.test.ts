import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createClient, type Client } from '@libsql/client';
import { exportLog, exportSubjects } from '../../db/schema.js';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';

/**
 * R7: an export that fails mid-stream leaves its log row. The fault is real: after the first
 * chunk has been read, a second connection to the same database file renames the `cases`
 * table, so the export's next keyset query fails inside SQLite.
 */
let h: AdminHarness;
let saboteur: Client;
const TOTAL = 1200;

beforeEach(async () => {
  h = await makeAdminHarness();
  saboteur = createClient({ url: `file:${h.database.file}` });
});
afterEach(() => {
  saboteur?.close();
  h?.dispose();
});

/** One case through the public API, then TOTAL - 1 copies (each with its own subject) in SQL. */
async function manyCases() {
  const first = await h.submitCase('repair');
  await h.db.run(sql`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${TOTAL - 1})
    INSERT INTO subjects (id, tenant_id, first_name, last_name, street, house_number, house_number_addition, postcode, city, country, email, phone, created_at, updated_at, anonymized_at)
    SELECT s.id || '-' || i, s.tenant_id, s.first_name, s.last_name, s.street, s.house_number, s.house_number_addition, s.postcode, s.city, s.country, 'copy' || i || '@example.nl', s.phone, s.created_at, s.updated_at, NULL
    FROM subjects s, n WHERE s.id = ${first.subjectId}`);
  await h.db.run(sql`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${TOTAL - 1})
    INSERT INTO cases (id, tenant_id, reference, kind, status, subject_id, product_id, details, assigned_org_id, closed_at, created_at, updated_at)
    SELECT c.id || '-' || i, c.tenant_id, 'COPY-' || printf('%05d', i), c.kind, c.status, c.subject_id || '-' || i, c.product_id, c.details, NULL, NULL, c.created_at - i, c.updated_at - i
    FROM cases c, n WHERE c.id = ${first.id}`);
  return first;
}

describe('an export that fails mid-stream', () => {
  it('keeps its log row; the client gets the first chunk and then a stream error, never a body that looks complete', async () => {
    await manyCases();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { user, auth } = await h.as('owner');
    // Searched by name: the failing query's parameters hold the search text.
    const res = await h.admin('/exports/cases.csv?q=de%20vries', { as: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-aftercare-row-count')).toBe(String(TOTAL));
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const head = await reader.read(); // BOM + header row
    text += decoder.decode(head.value, { stream: true });
    const chunk = await reader.read(); // the first 500 rows
    text += decoder.decode(chunk.value, { stream: true });
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + 500);

    // The fault: another connection renames the table the next chunk's query reads.
    await saboteur.execute('ALTER TABLE cases RENAME TO cases_moved');
    // The stream ends with an error that names the reason but carries no query parameters.
    const failure = (await reader.read().then(() => null, (e: unknown) => e)) as Error;
    expect(failure.message).toMatch(/failed mid-stream: .*no such table: cases/);
    expect(failure.message).not.toMatch(/vries|params/i);
    expect(failure.cause).toBeUndefined();

    const [row] = await h.db.select().from(exportLog).where(eq(exportLog.tenantId, h.tenant.tenantId));
    expect(row).toMatchObject({ kind: 'cases_csv', actorId: user.id, rowCount: TOTAL, ip: '203.0.113.7' });
    expect(JSON.parse(row!.filter)).toMatchObject({ q: '[search]' });
    // Subjects are recorded per chunk before it is sent: exactly the chunk that left.
    const recorded = await h.db.select().from(exportSubjects).where(eq(exportSubjects.exportId, row!.id));
    expect(recorded).toHaveLength(500);
    // The failure is logged without personal data.
    expect(errors).toHaveBeenCalledTimes(1);
    const logged = errors.mock.calls.flat().join(' ');
    expect(logged).toContain(row!.id);
    expect(logged).toContain('no such table: cases');
    expect(logged).not.toMatch(/@example\.nl|vries|Dorpsstraat|params/i);
    errors.mockRestore();
  });

  it('fails the JSON export the same way (no closing bracket arrives)', async () => {
    await manyCases();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { auth } = await h.as('staff');
    const res = await h.admin('/exports/cases.json', { as: auth });
    const reader = res.body!.getReader();
    await reader.read();
    await reader.read();
    await saboteur.execute('ALTER TABLE products RENAME TO products_moved');
    const failure = (await reader.read().then(() => null, (e: unknown) => e)) as Error;
    expect(failure.message).toMatch(/no such table: products/);
    const rows = await h.db.select().from(exportLog).where(eq(exportLog.tenantId, h.tenant.tenantId));
    expect(rows.map((r) => [r.kind, r.rowCount])).toEqual([['cases_json', TOTAL]]);
    vi.restoreAllMocks();
  });
});
