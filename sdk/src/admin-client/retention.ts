import type { RetentionPolicies, RetentionPoliciesPutInput, RetentionPreview, RetentionRunResult } from '../admin/retention.js';
import type { AdminResult, Transport } from './transport.js';

/**
 * R12 retention: `admin.retention.*`. Reading needs `registers.read` (owner, auditor);
 * changing and running need `registers.manage` (owner).
 */
export function retentionApi(t: Transport) {
  return {
    /** Every case kind's policy (basis + months); `isDefault` marks kinds the tenant has not set. */
    policies: (): Promise<AdminResult<RetentionPolicies>> => t.json('GET', '/retention/policies'),
    /**
     * Sets the named kinds (`{ repair: { basis: 'closed', months: 36 } }`), or resets one to its
     * default with `null`. 422 `validation_failed` with errors per field (`repair.months`).
     */
    setPolicies: (patch: RetentionPoliciesPutInput): Promise<AdminResult<RetentionPolicies>> => t.json('PUT', '/retention/policies', { body: patch }),
    /** What will be anonymised in the next `days` (1..366, default 30): counts per kind and date; owners also get case references. */
    preview: (days?: number): Promise<AdminResult<RetentionPreview>> => t.json('GET', '/retention/preview', { query: { days } }),
    /** Runs retention for the tenant now; 409 `conflict` while another run holds it. */
    run: (): Promise<AdminResult<RetentionRunResult>> => t.json('POST', '/retention/run', { body: {} }),
  };
}
export type RetentionApi = ReturnType<typeof retentionApi>;
