import type { Context } from 'hono';
import type { AdminEnv } from '../env.js';

/** `aftercare-<what>-YYYY-MM-DD.<ext>` in UTC. */
export const datedFilename = (what: string, now: number, ext: string) => `aftercare-${what}-${new Date(now).toISOString().slice(0, 10)}.${ext}`;

export const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8', html: 'text/html; charset=utf-8' } as const;

/**
 * Headers of a logged download. `x-aftercare-row-count` is the count written to the export log:
 * a client can check that it received that many rows (a failure mid-stream also shows as a
 * network error while reading the body).
 */
export function downloadHeaders(o: { type: keyof typeof CONTENT_TYPES; filename?: string; exportId: string; rowCount: number }): Record<string, string> {
  return {
    'content-type': CONTENT_TYPES[o.type],
    ...(o.filename ? { 'content-disposition': `attachment; filename="${o.filename}"` } : {}),
    'x-content-type-options': 'nosniff',
    'x-aftercare-export-id': o.exportId,
    'x-aftercare-row-count': String(o.rowCount),
  };
}

/**
 * What a failed stream logs and ends with, without personal data: the export id, kind, who,
 * and the database's own reason. Drizzle's `Failed query: … params: …` message carries the
 * query's parameters (a search text, ids), so only its `cause` is used, or the error's name.
 */
export const streamFailure = (c: Context<AdminEnv>, exportId: string, kind: string) => (err: unknown): Error => {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : null;
  const reason = cause ? `${cause.name}: ${cause.message}` : err instanceof Error ? err.name : 'unknown error';
  const safe = new Error(`export ${exportId} (${kind}) by ${c.var.principal.type} ${c.var.principal.id} failed mid-stream: ${reason}`);
  console.error(`[aftercare] ${safe.message}`);
  return safe;
};
