/**
 * Whether `err` (libSQL, D1, or drizzle's wrapper around either) is a UNIQUE violation on
 * exactly these columns, e.g. `audit_log.tenant_id, audit_log.seq`. Used where a conflict is
 * expected and answered (another writer got there first), never to hide other errors.
 */
export function isUniqueViolation(err: unknown, columns: string): boolean {
  const e = err as { message?: string; cause?: unknown } | undefined;
  const text = `${e?.message ?? String(err)} ${String(e?.cause ?? '')}`;
  return text.includes(`UNIQUE constraint failed: ${columns}`);
}
