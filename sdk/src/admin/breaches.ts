import * as v from 'valibot';
import { isRealDate } from '../schemas/date.js';

/**
 * R18: the data-breach register (art. 33 GDPR). The platform operator records breaches
 * (`platform.manage`, under `/v1/admin/platform-breaches`); every affected tenant is notified in
 * the product (a notice of kind `breach`) and by a `breach.notified` webhook, and must be
 * notified within 48 hours of discovery so it can meet the authority's 72-hour deadline.
 * Tenants read the breaches that affect them (`registers.read`: owner, auditor, under
 * `/v1/admin/breaches`) and record their own follow-up (`registers.manage`: owner).
 * Breaches are never deleted, notified or not (art. 33(5)). Times are ISO 8601 UTC strings.
 */

/** Categories of data a breach concerns. */
export const BREACH_DATA_CATEGORIES = ['contact', 'address', 'product', 'case_text', 'consent_evidence', 'credentials', 'other'] as const;
export type BreachDataCategory = (typeof BREACH_DATA_CATEGORIES)[number];

/** A tenant must be notified within this many hours of discovery. */
export const BREACH_NOTICE_HOURS = 48;

/**
 * Per affected tenant: `met` (notified at most 48 h after discovery), `missed` (notified later,
 * or not notified and the 48 h have passed), `pending` (not notified, still within 48 h).
 */
export const DEADLINE_STATUSES = ['met', 'missed', 'pending'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant as epoch ms or an ISO 8601 timestamp with a zone (`2030-03-01T09:00:00Z`); NaN when neither. */
export function instantMs(value: unknown): number {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : NaN;
  // Date.parse rolls 2024-02-30 over into March: the date part must exist.
  if (typeof value === 'string' && ISO_INSTANT.test(value.trim()) && isRealDate(value.trim().slice(0, 10))) return Date.parse(value.trim());
  return NaN;
}

/** Epoch ms or ISO 8601 with a zone → epoch ms. The server also refuses instants in the future (`date_in_future`). */
export const InstantSchema = v.pipe(
  v.union([v.number(), v.string()], 'invalid_type'),
  v.transform((x: string | number) => instantMs(x)),
  v.check((n: number) => Number.isFinite(n), 'invalid_format'),
);

const text = (max: number) => v.pipe(v.string('invalid_type'), v.trim(), v.minLength(1, 'required'), v.maxLength(max, 'too_long'));
const categories = v.pipe(
  v.array(v.picklist(BREACH_DATA_CATEGORIES, 'invalid_value'), 'invalid_type'),
  v.minLength(1, 'required'),
  v.check((xs: BreachDataCategory[]) => new Set(xs).size === xs.length, 'duplicate'),
);
const subjects = v.pipe(v.number('invalid_type'), v.integer('invalid_type'), v.minValue(0, 'invalid_value'), v.maxValue(10_000_000_000, 'invalid_value'));
const tenantIds = v.pipe(v.array(v.pipe(v.string('invalid_type'), v.minLength(1, 'required'), v.maxLength(64, 'too_long')), 'invalid_type'), v.maxLength(10_000, 'too_many'));

/**
 * `POST /v1/admin/platform-breaches`. `discoveredAt`: when the breach was discovered (epoch ms or
 * ISO 8601 with a zone), not in the future. `tenantIds`: the affected tenants (may be empty;
 * an unknown id is 422 `unknown_tenant` on `tenantIds.<i>`). `notify` (default true): notify
 * every affected tenant at once (recorded as its `notifiedAt`); `false` records the breach
 * only — notify later with `POST /:id/notify`. Free texts must not hold personal data.
 */
export const BreachCreateSchema = v.strictObject(
  {
    discoveredAt: InstantSchema,
    description: text(4000),
    dataCategories: categories,
    approxSubjects: subjects,
    consequences: text(4000),
    measures: text(4000),
    tenantIds,
    notify: v.optional(v.boolean('invalid_type'), true),
  },
  'unknown_field',
);
export type BreachCreateInput = v.InferInput<typeof BreachCreateSchema>;

/**
 * `PATCH /v1/admin/platform-breaches/:id`: later knowledge. Texts, categories and the number of
 * subjects are replaced (the audit log names the fields); `addTenantIds` adds affected tenants
 * (tenants are never removed), notified at once unless `notify: false`. At least one field.
 */
export const BreachPatchSchema = v.pipe(
  v.strictObject(
    {
      description: v.optional(text(4000)),
      consequences: v.optional(text(4000)),
      measures: v.optional(text(4000)),
      dataCategories: v.optional(categories),
      approxSubjects: v.optional(subjects),
      addTenantIds: v.optional(tenantIds),
      notify: v.optional(v.boolean('invalid_type'), true),
    },
    'unknown_field',
  ),
  v.check((b) => Object.keys(b).some((k) => k !== 'notify'), 'required'),
);
export type BreachPatchInput = v.InferInput<typeof BreachPatchSchema>;

/**
 * `PUT /v1/admin/breaches/:id/follow-up` (owner): whether the tenant reported the breach to the
 * authority (Autoriteit Persoonsgegevens), when (`reportedAt`, required when reported, not
 * allowed otherwise; not in the future, not before discovery), and why / why not (`note`).
 * A later PUT replaces it; each one is in the audit log with user and time.
 */
export const FollowUpPutSchema = v.pipe(
  v.strictObject(
    {
      reportedToAuthority: v.boolean('invalid_type'),
      reportedAt: v.optional(v.nullable(InstantSchema)),
      note: text(4000),
    },
    'unknown_field',
  ),
  v.forward(
    v.partialCheck([['reportedToAuthority'], ['reportedAt']], (b) => !b.reportedToAuthority || typeof b.reportedAt === 'number', 'required'),
    ['reportedAt'],
  ),
  v.forward(
    v.partialCheck([['reportedToAuthority'], ['reportedAt']], (b) => b.reportedToAuthority || b.reportedAt === undefined || b.reportedAt === null, 'invalid_value'),
    ['reportedAt'],
  ),
);
export type FollowUpPutInput = v.InferInput<typeof FollowUpPutSchema>;

/** A tenant's follow-up of a breach; `userName` only in the tenant's own view. */
export type BreachFollowUp = {
  reportedToAuthority: boolean;
  reportedAt: string | null;
  note: string;
  at: string;
  userId: string;
  userName: string | null;
};

/** What every view of a breach holds. `deadlineAt` = `discoveredAt` + 48 h. */
export type BreachFacts = {
  id: string;
  discoveredAt: string;
  deadlineAt: string;
  description: string;
  dataCategories: BreachDataCategory[];
  approxSubjects: number;
  consequences: string;
  measures: string;
  recordedAt: string;
};

/** One affected tenant in the operator's register. */
export type PlatformBreachTenant = {
  tenantId: string;
  tenantName: string;
  notifiedAt: string | null;
  deadline: DeadlineStatus;
  followUp: BreachFollowUp | null;
};

/** A breach in the operator's register, with every affected tenant. */
export type PlatformBreachView = BreachFacts & {
  recordedBy: string;
  tenants: PlatformBreachTenant[];
  /** How many affected tenants are `pending` / `missed`. */
  pendingTenants: number;
  missedTenants: number;
};

/** `GET /v1/admin/platform-breaches`: every breach, newest discovery first (never-notified ones too). */
export type PlatformBreachList = { items: PlatformBreachView[] };

/** `POST`/`PATCH`/`POST …/notify` answers: the breach, and what this call notified. */
export type PlatformBreachChanged = PlatformBreachView & { noticesCreated: number; webhooksQueued: number };

/**
 * A breach as an affected tenant sees it: only after it was notified, and never with other
 * tenants' names. `deadline` tells whether it was notified within 48 hours.
 */
export type TenantBreachView = BreachFacts & {
  notifiedAt: string;
  deadline: Exclude<DeadlineStatus, 'pending'>;
  followUp: BreachFollowUp | null;
};

/** `GET /v1/admin/breaches`: this tenant's breaches, newest discovery first. */
export type TenantBreachList = { items: TenantBreachView[] };

/** `?delimiter=` of the CSV exports (`semicolon` for Dutch Excel). */
export const BreachCsvQuerySchema = v.strictObject({ delimiter: v.optional(v.picklist(['comma', 'semicolon'] as const, 'invalid_value')) }, 'unknown_field');
export type BreachCsvQuery = { delimiter?: 'comma' | 'semicolon' };

/** `GET …/export.json`: the list plus the export-log id of this download. */
export type TenantBreachExport = TenantBreachList & { exportId: string; exportedAt: string };
export type PlatformBreachExport = PlatformBreachList & { exportId: string; exportedAt: string };
