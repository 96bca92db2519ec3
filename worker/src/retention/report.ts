import type { RetentionRunReport } from '../../../sdk/src/admin/retention.js';
import type { Actor } from '../anonymise/index.js';
import { uuidv7 } from '../lib/ids.js';

/**
 * The audit entry of a retention run: action `retention.run`, entity `retention_run`, id =
 * the run id. Audit entries hold field names only, so the counts are written as names:
 * `subjects:<n>`, `batches:<n>`, `complete:<yes|no>` and `<kind>:<cases anonymised>` per
 * kind (e.g. `repair:3`). Counts are not personal data.
 */
export function runReportEntry(r: RetentionRunReport, actor: Actor, now: number) {
  const kinds = Object.entries(r.cases)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, n]) => `${kind}:${n}`);
  return {
    id: uuidv7(now), at: now, ...actor,
    action: 'retention.run', entityType: 'retention_run', entityId: r.runId,
    fields: [`subjects:${r.subjects}`, `batches:${r.batches}`, `complete:${r.complete ? 'yes' : 'no'}`, ...kinds],
  };
}
