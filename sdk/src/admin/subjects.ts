import * as v from 'valibot';
import { SubjectSchema, type SubjectOutput } from '../schemas/subject.js';
import type { CaseKind, CaseStatus } from '../schemas/case.js';

/**
 * Data-subject rights (R6, R9, R10, R11): find a subject, rectify, access export,
 * withdraw consent, erase by anonymisation. Requests are valibot schemas; answers are types.
 */

/** `GET /v1/admin/subjects?q=`: an email, a phone number or a name ("Jan de Vries"). */
export const SubjectSearchQuerySchema = v.object({
  q: v.pipe(v.string('required'), v.trim(), v.minLength(2, 'too_short'), v.maxLength(200, 'too_long')),
});
export type SubjectSearchQueryInput = v.InferInput<typeof SubjectSearchQuerySchema>;
export type SubjectSearchQueryOutput = v.InferOutput<typeof SubjectSearchQuerySchema>;

const f = SubjectSchema.entries;

/**
 * `PATCH /v1/admin/subjects/:id` (R9): any of the R2 subject fields, each checked like the
 * intake form does. `null` clears an optional field (phone, house-number addition).
 * Postcode and phone are checked and normalised for the resulting country by
 * {@link rectifiedSubject}, on the merged subject.
 */
export const SubjectPatchSchema = v.pipe(
  v.strictObject(
    {
      firstName: v.optional(f.firstName),
      lastName: v.optional(f.lastName),
      street: v.optional(f.street),
      houseNumber: v.optional(f.houseNumber),
      houseNumberAddition: v.optional(v.nullable(f.houseNumberAddition.wrapped)),
      postcode: v.optional(f.postcode),
      city: v.optional(f.city),
      country: v.optional(f.country.wrapped),
      email: v.optional(f.email),
      phone: v.optional(v.nullable(f.phone.wrapped)),
    },
    'unknown_field',
  ),
  v.check((p) => Object.keys(p).length > 0, 'required'),
);
export type SubjectPatchInput = v.InferInput<typeof SubjectPatchSchema>;
export type SubjectPatchOutput = v.InferOutput<typeof SubjectPatchSchema>;

/** The R2 fields of a subject as stored (optional ones are null). */
export type SubjectFields = {
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
export const SUBJECT_FIELDS = ['firstName', 'lastName', 'street', 'houseNumber', 'houseNumberAddition', 'postcode', 'city', 'country', 'email', 'phone'] as const satisfies readonly (keyof SubjectFields)[];

const toStored = (s: SubjectOutput): SubjectFields => ({ ...s, houseNumberAddition: s.houseNumberAddition || null, phone: s.phone ?? null });

/**
 * Applies a patch to the current fields and checks the result with the intake's subject
 * schema (postcode per country, phone to E.164). Returns the new fields and the names of
 * those that changed, or the valibot issues (paths are field names).
 */
export function rectifiedSubject(current: SubjectFields, patch: SubjectPatchOutput):
  | { ok: true; fields: SubjectFields; changed: (keyof SubjectFields)[] }
  | { ok: false; issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]] } {
  const merged: Record<string, unknown> = {};
  for (const k of SUBJECT_FIELDS) {
    const value = k in patch ? patch[k] : current[k];
    if (value !== null && value !== undefined) merged[k] = value;
  }
  const parsed = v.safeParse(SubjectSchema, merged);
  if (!parsed.success) return { ok: false, issues: parsed.issues };
  const fields = toStored(parsed.output);
  const changed = SUBJECT_FIELDS.filter((k) => fields[k] !== current[k]);
  return { ok: true, fields, changed };
}

/** `POST /v1/admin/subjects/:id/anonymise` (R10): irreversible, so it must be confirmed. */
export const AnonymiseRequestSchema = v.strictObject({ confirm: v.literal(true, 'required') }, 'unknown_field');
export type AnonymiseRequestInput = v.InferInput<typeof AnonymiseRequestSchema>;

/** A subject as the admin API shows it. After anonymisation its R2 fields hold placeholders. */
export type AdminSubject = SubjectFields & { id: string; createdAt: number; updatedAt: number; anonymizedAt: number | null };

export type SubjectSearchItem = {
  id: string;
  /** First and last name. */
  name: string;
  email: string;
  phone: string | null;
  postcode: string;
  city: string;
  caseCount: number;
  createdAt: number;
};
/** `truncated`: more subjects matched than shown; narrow the search. */
export type SubjectSearchResult = { items: SubjectSearchItem[]; truncated: boolean };

export type SubjectCase = {
  id: string;
  reference: string;
  kind: CaseKind;
  status: CaseStatus;
  productId: string;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
};
export type SubjectProduct = {
  id: string;
  brand: string;
  model: string;
  serialNumber: string | null;
  purchaseDate: string;
  retailer: string | null;
  proofOfPurchaseRef: string | null;
  createdAt: number;
};
/** R5 consent evidence; R6 withdrawal (when, and the id of the user or key that recorded it). */
export type SubjectConsent = {
  id: string;
  caseId: string;
  consentTextId: string;
  textHash: string;
  locale: string;
  privacyUrl: string;
  givenAt: number;
  ip: string;
  userAgent: string;
  pageUrl: string | null;
  withdrawnAt: number | null;
  withdrawnBy: string | null;
};

/** `GET /v1/admin/subjects/:id`. */
export type SubjectDetail = { subject: AdminSubject; cases: SubjectCase[]; products: SubjectProduct[]; consents: SubjectConsent[] };

export type SubjectNote = { id: string; authorId: string; body: string; shared: boolean; createdAt: number };

/** `GET /v1/admin/subjects/:id/export` (R11): everything held about one subject, as one JSON document. */
export type SubjectAccessExport = {
  format: 'aftercare.subject-access.v1';
  generatedAt: number;
  /** The export-log row written before this document was sent (R7). */
  exportId: string;
  subject: AdminSubject;
  cases: (SubjectCase & { details: Record<string, unknown>; notes: SubjectNote[] })[];
  products: SubjectProduct[];
  /** With the exact words shown (`text`, `version`) when the text is still on file. */
  consents: (SubjectConsent & { text: string | null; version: number | null })[];
  /** Every export or print that included this subject, this one included. */
  exports: { id: string; at: number; kind: string; actorType: string; actorId: string }[];
};

/** `PATCH /v1/admin/subjects/:id`: the subject after the change and the names of the changed fields. */
export type RectifyResult = { subject: AdminSubject; changed: (keyof SubjectFields)[] };

/** `POST /v1/admin/subjects/:id/anonymise`: what was replaced. */
export type AnonymiseResult = {
  subjectId: string;
  anonymizedAt: number;
  cases: number;
  products: number;
  consents: number;
  notes: number;
  /** Whether the WAL was checkpointed (old page images gone from the -wal file); see the README. */
  checkpoint: 'truncated' | 'busy' | 'unsupported';
};
