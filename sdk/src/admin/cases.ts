import * as v from 'valibot';
import { CASE_KINDS, type CaseKind } from '../schemas/case.js';
import { isoDate } from '../schemas/date.js';
import type { PartnerType } from './roles.js';
import { ADMIN_CASE_STATUSES, type AdminCaseStatus } from './workflow.js';

/**
 * The admin API's case contract: the list filter, the case document, the write bodies.
 * Field names of {@link AdminCase} are the paths of the R22 projection table
 * (worker/src/admin/projection.ts `CASE_FIELDS`): a role receives only the fields its audience may see,
 * so every field of a received case is optional ({@link AdminCaseView}).
 */

const ID = v.pipe(v.string('invalid_type'), v.trim(), v.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'invalid_format'), v.toLowerCase());

/** A page size: 1..100, from a query string (`"50"`) or a number. */
const limit = v.pipe(
  v.union([v.string(), v.number()], 'invalid_type'),
  v.transform((x) => (typeof x === 'string' && x.trim() !== '' ? Number(x) : x)),
  v.number('invalid_type'),
  v.integer('invalid_value'),
  v.minValue(1, 'invalid_value'),
  v.maxValue(100, 'invalid_value'),
);

/**
 * The entries of {@link CaseFilterSchema}, for features that take the same filter plus their own
 * parameters: `v.strictObject({ ...CASE_FILTER_ENTRIES, format: … })`.
 */
export const CASE_FILTER_ENTRIES = {
  kind: v.optional(v.picklist(CASE_KINDS, 'invalid_value')),
  status: v.optional(v.picklist(ADMIN_CASE_STATUSES, 'invalid_value')),
  /** A partner organisation's id, or `none` for unassigned cases. */
  org: v.optional(v.union([v.literal('none'), ID], 'invalid_format')),
  /** Created on or after this date (`YYYY-MM-DD`, a calendar day in Europe/Amsterdam). */
  from: v.optional(isoDate),
  /** Created on or before this date (`YYYY-MM-DD`, inclusive, a calendar day in Europe/Amsterdam). */
  to: v.optional(isoDate),
  /**
   * Search: a case reference (`K7P2-9QXD`, any case, dash optional), an email address (exact),
   * a postcode (`1234ab` finds `1234 AB`), a serial number (exact), or a name (last name prefix,
   * or `first last`). Anonymised subjects are never found.
   */
  q: v.optional(v.pipe(v.string('invalid_type'), v.trim(), v.maxLength(200, 'too_long'))),
  /** Sort by creation or last change (default `created`). */
  sort: v.optional(v.picklist(['created', 'updated'], 'invalid_value'), 'created'),
  /** Default `desc` (newest first). */
  order: v.optional(v.picklist(['desc', 'asc'], 'invalid_value'), 'desc'),
  /** The `nextCursor` of the previous page (opaque; valid only with the same sort and order). */
  cursor: v.optional(v.pipe(v.string('invalid_type'), v.maxLength(200, 'too_long'))),
  /** Page size 1..100, default 25. */
  limit: v.optional(limit, 25),
};

/**
 * `GET /v1/admin/cases` query: every key optional; unknown keys are refused (422 `unknown_field`)
 * so a misspelt filter never silently widens the list. Values come from a query string.
 * `from`/`to` are inclusive calendar days in Europe/Amsterdam (the tenants' time zone).
 */
export const CaseFilterSchema = v.pipe(
  v.strictObject(CASE_FILTER_ENTRIES, 'unknown_field'),
  v.forward(v.partialCheck([['from'], ['to']], (f) => !f.from || !f.to || f.from <= f.to, 'invalid_value'), ['to']),
);
/** What a caller passes (query-string values or numbers). */
export type CaseFilterInput = v.InferInput<typeof CaseFilterSchema>;
/** The parsed filter the worker works with (sort, order and limit defaulted; `q` trimmed). */
export type CaseFilter = v.InferOutput<typeof CaseFilterSchema>;

/** The partner organisation a case is assigned to. */
export type AdminCaseOrg = { id: string; name: string; type: PartnerType };

/** The consumer, as held; `anonymized` once erased (R10), after which the personal fields hold placeholders. */
export type AdminCaseSubject = {
  id: string;
  anonymized: boolean;
  firstName: string;
  lastName: string;
  street: string;
  houseNumber: string;
  houseNumberAddition: string | null;
  postcode: string;
  city: string;
  country: string;
  email: string;
  phone: string | null;
};

export type AdminCaseProduct = {
  brand: string;
  model: string;
  serialNumber: string | null;
  /** `YYYY-MM-DD`. */
  purchaseDate: string;
  retailer: string | null;
  proofOfPurchaseRef: string | null;
};

/** R5 consent evidence given with the case. Times are ISO 8601 UTC. */
export type AdminConsent = {
  id: string;
  /** The consent text's id and version the consumer agreed to. */
  textId: string;
  version: number | null;
  /** SHA-256 (hex) of the text. */
  textHash: string;
  locale: string;
  privacyUrl: string;
  givenAt: string;
  ip: string;
  userAgent: string;
  pageUrl: string | null;
  withdrawnAt: string | null;
  /** Who recorded the withdrawal (actor id), if withdrawn. */
  withdrawnBy: string | null;
};

/** An internal note. Partners receive only notes marked `shared` (their own are always shared). */
export type AdminCaseNote = {
  id: string;
  body: string;
  shared: boolean;
  createdAt: string;
  author: { id: string; name: string | null };
};

/** One audit-log entry about the case: who did what to which fields, never values. */
export type AdminCaseHistoryEntry = {
  at: string;
  action: string;
  fields: string[];
  actor: { type: string; id: string; name: string | null };
};

/**
 * The admin case document. Times are ISO 8601 UTC strings. `consents`, `notes` and `history`
 * are filled on the detail (and where a feature asks for them), absent in list items.
 */
export type AdminCase = {
  id: string;
  /** E.g. `K7P2-9QXD`. */
  reference: string;
  kind: CaseKind;
  status: AdminCaseStatus;
  createdAt: string;
  updatedAt: string;
  /** When the case reached a final status (`closed`, `cancelled`). */
  closedAt: string | null;
  assignedOrg: AdminCaseOrg | null;
  subject: AdminCaseSubject;
  product: AdminCaseProduct;
  /** Kind-specific answers and the consumer's own free text. */
  details: Record<string, unknown>;
  consents?: AdminConsent[];
  notes?: AdminCaseNote[];
  history?: AdminCaseHistoryEntry[];
};

/** A case as a role receives it: only the fields of its projection (R22). */
export type AdminCaseView = Partial<Omit<AdminCase, 'subject' | 'product'>> & {
  subject?: Partial<AdminCaseSubject>;
  product?: Partial<AdminCaseProduct>;
};

/** One page of `GET /v1/admin/cases`; `nextCursor` is null on the last page. */
export type CaseListPage = { items: AdminCaseView[]; nextCursor: string | null };

/** `POST /v1/admin/cases/:id/status` body. */
export const CaseStatusChangeSchema = v.strictObject({ status: v.picklist(ADMIN_CASE_STATUSES, 'invalid_value') }, 'unknown_field');
export type CaseStatusChangeInput = v.InferInput<typeof CaseStatusChangeSchema>;

/** `POST /v1/admin/cases/:id/assign` body: an active partner organisation of the tenant, or null to unassign. */
export const CaseAssignSchema = v.strictObject({ organisationId: v.nullable(ID) }, 'unknown_field');
export type CaseAssignInput = v.InferInput<typeof CaseAssignSchema>;

/** `POST /v1/admin/cases/:id/notes` body. A partner's note is always shared, whatever `shared` says. */
export const CaseNoteSchema = v.strictObject(
  {
    body: v.pipe(v.string('invalid_type'), v.trim(), v.minLength(1, 'required'), v.maxLength(4000, 'too_long')),
    shared: v.optional(v.boolean('invalid_type'), false),
  },
  'unknown_field',
);
export type CaseNoteInput = v.InferInput<typeof CaseNoteSchema>;
