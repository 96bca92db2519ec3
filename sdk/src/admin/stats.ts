import * as v from 'valibot';
import type { CaseKind } from '../schemas/case.js';
import type { AdminCaseStatus } from './workflow.js';

/**
 * R23 anonymised statistics. Computed only from non-personal columns (case kind, status,
 * created and closed dates; product brand and model) by GROUP BY in the database: never an
 * id, name, e-mail, serial number or free text.
 *
 * Small counts are suppressed so nobody can be singled out: a cell counting fewer than
 * {@link STATS_MIN_COUNT} cases (zero included) is `{ count: null, suppressed: true }`. So that
 * a suppressed cell cannot be recovered by subtraction from a total, each list whose cells add
 * up to a total (kinds, statuses, months + `earlier`, tenants) also
 * suppresses its smallest visible cells until the suppressed cells together count ≥ 5 or 0.
 * There are no cross-tables (kind × status, kind × month): only these separate lists.
 * Product models with fewer than 5 cases are not listed at all (a rare model's name would
 * itself say it was bought): they are counted together in `otherModels`; when that would be
 * 1–4, the smallest listed model joins them. Medians are given only over ≥ 5 closed cases.
 * Months are calendar months in UTC.
 */
export const STATS_MIN_COUNT = 5;

/**
 * R10: the model of an anonymised case's product (the model is the consumer's free text, so
 * erasure replaces it; the brand stays). Anonymised cases are therefore counted in `byModel`
 * under their brand with this model (when ≥ 5 of a brand), else in `otherModels`.
 */
export const ERASED_MODEL = '[anonymised]';

export type StatCell = { count: number; suppressed: false } | { count: null; suppressed: true };

export type CaseStatistics = {
  /** When these were computed (ISO 8601). */
  generatedAt: string;
  minCount: typeof STATS_MIN_COUNT;
  total: StatCell;
  /** Every case kind, in CASE_KINDS order. */
  byKind: ({ kind: CaseKind } & StatCell)[];
  /** Every status, in ADMIN_CASE_STATUSES order. */
  byStatus: ({ status: AdminCaseStatus } & StatCell)[];
  /** Cases created per month (`YYYY-MM`), the last `months` months, oldest first. */
  byMonth: ({ month: string } & StatCell)[];
  /** Cases created before the first month of `byMonth`. */
  earlier: StatCell;
  /** Product models (brand + model, exactly as entered; {@link ERASED_MODEL} for anonymised cases) with ≥ 5 cases, most cases first. */
  byModel: ({ brand: string; model: string } & StatCell)[];
  /** The cases of every model not listed, together. */
  otherModels: StatCell;
  /**
   * Per kind: the median days from creation to closing over its closed cases (status `closed`;
   * cancelled ones are not resolutions), given only over ≥ 5 of them (`suppressed` otherwise).
   * How many were closed is not given: with `byKind` it would tell how many are still open.
   */
  resolution: { kind: CaseKind; medianDays: number | null; suppressed: boolean }[];
};

/** `GET /stats/platform` (operator): the same over every tenant, plus each tenant's total only. */
export type PlatformStatistics = CaseStatistics & { tenants: ({ tenantId: string; name: string } & StatCell)[] };

/** `?months=` of both routes: how many months `byMonth` lists (1..120, default 24). Unknown keys refused. */
export const StatsQuerySchema = v.strictObject(
  {
    months: v.optional(v.pipe(v.string('invalid_type'), v.regex(/^\d{1,3}$/, 'invalid_value'), v.transform(Number), v.minValue(1, 'invalid_value'), v.maxValue(120, 'invalid_value'))),
  },
  'unknown_field',
);
export type StatsQueryInput = { months?: number };
