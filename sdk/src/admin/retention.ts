import * as v from 'valibot';
import { CASE_KINDS, type CaseKind } from '../schemas/case.js';

/**
 * R12 retention: per tenant and case kind, how long a case is kept before its subject is
 * anonymised (R10). A subject is anonymised only when ALL of its cases have expired.
 *
 * `basis` says where the term starts:
 * - `purchase`: the product's purchase date (registrations: the product's lifetime);
 * - `warranty_end`: the warranty's end — the case's `warrantyEndDate` answer when given, else
 *   purchase + {@link DEFAULT_WARRANTY_MONTHS} (the EU legal guarantee); warranty cases only;
 * - `closed`: when the case reached a final status (closed/cancelled); an OPEN case never expires;
 * - `created`: when the case was submitted.
 * A case's own end date (`cases.retention_until`, when set) overrides its kind's policy.
 * Months are calendar months as SQLite's date arithmetic counts them (31 Jan + 1 month = 3 Mar).
 */
export const RETENTION_BASES = ['purchase', 'warranty_end', 'closed', 'created'] as const;
export type RetentionBasis = (typeof RETENTION_BASES)[number];

/** Which bases each kind may use: `warranty_end` only where there is a warranty. */
export const RETENTION_BASES_BY_KIND: Record<CaseKind, readonly RetentionBasis[]> = {
  registration: ['purchase', 'closed', 'created'],
  warranty: ['warranty_end', 'purchase', 'closed', 'created'],
  repair: ['closed', 'created', 'purchase'],
  installation: ['closed', 'created', 'purchase'],
  complaint: ['closed', 'created', 'purchase'],
  return: ['closed', 'created', 'purchase'],
  exchange: ['closed', 'created', 'purchase'],
};

/** The warranty end when a warranty case names none: purchase + 24 months (EU legal guarantee). */
export const DEFAULT_WARRANTY_MONTHS = 24;
export const RETENTION_MONTHS_MIN = 1;
export const RETENTION_MONTHS_MAX = 600;

/**
 * The policy of a kind the tenant has not set: registrations for a 10-year product lifetime
 * from purchase; warranty data until 6 months after the warranty's end; every other kind
 * 24 months after the case was closed.
 */
export const DEFAULT_RETENTION: Record<CaseKind, { basis: RetentionBasis; months: number }> = {
  registration: { basis: 'purchase', months: 120 },
  warranty: { basis: 'warranty_end', months: 6 },
  repair: { basis: 'closed', months: 24 },
  installation: { basis: 'closed', months: 24 },
  complaint: { basis: 'closed', months: 24 },
  return: { basis: 'closed', months: 24 },
  exchange: { basis: 'closed', months: 24 },
};

/** One kind's policy as the API shows it. */
export type RetentionPolicy = {
  kind: CaseKind;
  basis: RetentionBasis;
  months: number;
  /** True when the tenant has not set this kind (the default above applies). */
  isDefault: boolean;
  /** When the tenant last set it; null for a default. */
  updatedAt: number | null;
};

/** `GET|PUT /v1/admin/retention/policies`: every kind, in {@link CASE_KINDS} order. */
export type RetentionPolicies = { policies: RetentionPolicy[] };

const months = v.pipe(
  v.number('invalid_type'),
  v.integer('invalid_value'),
  v.minValue(RETENTION_MONTHS_MIN, 'invalid_value'),
  v.maxValue(RETENTION_MONTHS_MAX, 'invalid_value'),
);
const policyOf = (kind: CaseKind) =>
  v.nullable(v.strictObject({ basis: v.picklist(RETENTION_BASES_BY_KIND[kind] as [RetentionBasis, ...RetentionBasis[]], 'invalid_value'), months }, 'unknown_field'));

/**
 * `PUT /v1/admin/retention/policies` body: the kinds to change, each `{ basis, months }`
 * (months 1..600, basis allowed for that kind) or `null` to go back to the default. Kinds not
 * named stay as they are. Errors are per field: `repair.months`, `registration.basis`.
 * ```json
 * { "repair": { "basis": "closed", "months": 36 }, "registration": null }
 * ```
 */
export const RetentionPoliciesPutSchema = v.pipe(
  v.strictObject(
    Object.fromEntries(CASE_KINDS.map((k) => [k, v.optional(policyOf(k))])) as { [K in CaseKind]: v.OptionalSchema<ReturnType<typeof policyOf>, undefined> },
    'unknown_field',
  ),
  v.check((o) => Object.values(o).some((p) => p !== undefined), 'required'),
);
export type RetentionPoliciesPutInput = Partial<Record<CaseKind, { basis: RetentionBasis; months: number } | null>>;
export type RetentionPoliciesPutOutput = v.InferOutput<typeof RetentionPoliciesPutSchema>;

/** `GET /v1/admin/retention/preview?days=30`: days ahead, 1..366 (default 30). */
export const RetentionPreviewQuerySchema = v.object({
  days: v.optional(
    v.pipe(v.string('invalid_type'), v.regex(/^\d{1,3}$/, 'invalid_value'), v.transform(Number), v.minValue(1, 'invalid_value'), v.maxValue(366, 'invalid_value')),
    '30',
  ),
});
export type RetentionPreviewQueryInput = { days?: number };

/** Counts per case kind (kinds with none are left out). */
export type KindCounts = Partial<Record<CaseKind, number>>;

/**
 * What the retention service will anonymise from now until `until`: subjects whose LAST case
 * expires in the window (or already has: they go at the next run), by calendar day
 * (Europe/Amsterdam) of that last expiry. A subject with any case still within retention at
 * `until` is not listed. No personal data; `cases` (references) only for owners
 * (`registers.manage`), left out for auditors.
 */
export type RetentionPreview = {
  from: number;
  until: number;
  days: number;
  total: { subjects: number; cases: KindCounts };
  byDate: { date: string; subjects: number; cases: KindCounts }[];
  /** Owners only: the cases, at most {@link RETENTION_PREVIEW_MAX_CASES}. */
  cases?: { reference: string; kind: CaseKind; status: string; expiresAt: number; date: string }[];
  /** True when `cases` was cut at the maximum. */
  casesTruncated?: boolean;
};
export const RETENTION_PREVIEW_MAX_CASES = 1000;

/**
 * The result of a retention run for one tenant (also written to the tenant's audit log as
 * `retention.run`, counts as field names: `subjects:3`, `cases.repair:2`).
 */
export type RetentionRunReport = {
  tenantId: string;
  runId: string;
  at: number;
  subjects: number;
  cases: KindCounts;
  batches: number;
  /** False when the run stopped at its batch bound (or lost its lease): the rest goes next run. */
  complete: boolean;
};

/** `POST /v1/admin/retention/run`: body `{}`; the tenant's report. 409 `conflict` while another run holds this tenant. */
export type RetentionRunResult = RetentionRunReport;
