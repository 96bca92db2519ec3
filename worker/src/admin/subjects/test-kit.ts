import { sql } from 'drizzle-orm';
import type { AdminHarness } from '../../testing/admin-harness.js';

/** Helpers for this folder's tests (no test runner imports, so it type-checks with the server code). */
export const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;

export type Problem = { code: string; errors?: { path: string; code: string }[] };

/** Every row of a table, as the database holds it. */
export const rows = <T = Record<string, unknown>>(h: AdminHarness, table: string) => h.db.all<T>(sql.raw(`SELECT * FROM ${table}`));

/** The whole table as one text, to search for values that must not be there. */
export const tableText = async (h: AdminHarness, table: string) => JSON.stringify(await rows(h, table));

/** Row counts of the tables a subject route may write. */
export async function writeCounts(h: AdminHarness) {
  const out: Record<string, number> = {};
  for (const t of ['audit_log', 'export_log', 'export_subjects']) {
    const [r] = await h.db.all<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${t}`));
    out[t] = Number(r!.n);
  }
  return out;
}

/** A fingerprint of the personal-data tables, to prove a refused request changed nothing. */
export async function personalState(h: AdminHarness) {
  return JSON.stringify(await Promise.all(['subjects', 'products', 'cases', 'consents', 'case_notes', 'idempotency_keys'].map((t) => rows(h, t))));
}
