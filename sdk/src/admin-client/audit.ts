import type { AuditBundle, AuditCheckpointPage, AuditCheckpointQueryInput, AuditCheckpointRun, AuditPublicKey, AuditVerification } from '../admin/audit.js';
import type { CaseStatistics, PlatformStatistics, StatsQueryInput } from '../admin/stats.js';
import type { AdminResult, Query, Transport } from './transport.js';

/**
 * R17 the audit log you can prove: `admin.audit.*`. Owners and auditors (`logs.read` /
 * `registers.read`) read, verify and download; the operator (`platform.manage`) runs
 * checkpoints now. The plain log and its chain-only check are `admin.logs.audit()` / `admin.logs.verify()`.
 *
 * ```ts
 * const { data } = await admin.audit.verify();
 * if (data && !data.ok) console.log(`broken at seq ${data.brokenAt?.seq}: ${data.brokenAt?.reason}`);
 * ```
 */
export function auditApi(t: Transport) {
  return {
    /** The operator's public key (Ed25519 JWK, kid = thumbprint); `configured: false` when the host has none. Also for operators. */
    publicKey: (): Promise<AdminResult<AuditPublicKey>> => t.json('GET', '/audit/public-key'),
    /** The tenant's signed checkpoints, newest first (`cursor` = the previous page's `nextCursor`; limit 1..500). */
    checkpoints: (page: AuditCheckpointQueryInput = {}): Promise<AdminResult<AuditCheckpointPage>> => t.json('GET', '/audit/checkpoints', { query: page as Query }),
    /** Recomputes the chain and checks every checkpoint; `brokenAt` = the first broken link {seq, code, reason}. */
    verify: (): Promise<AdminResult<AuditVerification>> => t.json('GET', '/audit/verify'),
    /** The whole log + checkpoints + public key as one bundle (logged as an export, `audit_log_bundle`). */
    bundle: (): Promise<AdminResult<AuditBundle>> => t.json('GET', '/audit/export'),
    /** The bundle's URL, for a download link (the file verifies offline: `npm run aftercare -- audit verify --file …`). */
    bundleUrl: (): string => t.url('/audit/export'),
    /** Operator: signs a checkpoint of every chain that grew since its last one, now. */
    runCheckpoints: (): Promise<AdminResult<AuditCheckpointRun>> => t.json('POST', '/audit/checkpoints/run', { body: {} }),
  };
}
export type AuditApi = ReturnType<typeof auditApi>;

/**
 * R23 anonymised statistics: `admin.stats.*`. Counts under 5 come back as
 * `{ count: null, suppressed: true }`; there is never an id, name or free text.
 */
export function statsApi(t: Transport) {
  return {
    /** The caller's tenant (owner, auditor). `months`: how many months `byMonth` lists (1..120, default 24). */
    tenant: (q: StatsQueryInput = {}): Promise<AdminResult<CaseStatistics>> => t.json('GET', '/stats', { query: q as Query }),
    /** Operator: every tenant together, plus each tenant's total. */
    platform: (q: StatsQueryInput = {}): Promise<AdminResult<PlatformStatistics>> => t.json('GET', '/stats/platform', { query: q as Query }),
  };
}
export type StatsApi = ReturnType<typeof statsApi>;
