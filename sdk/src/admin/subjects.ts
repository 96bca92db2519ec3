import * as v from 'valibot';
import { SubjectSchema, type SubjectInput, type SubjectOutput } from '../schemas/subject.js';
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

/**
 * `PATCH /v1/admin/subjects/:id` (R9): any of the R2 subject fields; `null` clears an optional
 * one (phone, house-number addition). Checked by {@link rectifiedSubject}.
 */
export type SubjectPatchInput = Partial<Omit<SubjectInput, 'phone' | 'houseNumberAddition'>> & { phone?: string | null; houseNumberAddition?: string | null };

/** A patch must be a JSON object naming at least one field. */
const PatchShapeSchema = v.pipe(
  v.unknown(),
  v.check((o) => typeof o === 'object' && o !== null && !Array.isArray(o), 'invalid_type'),
  v.transform((o) => o as Record<string, unknown>),
  v.check((o) => Object.keys(o).length > 0, 'required'),
);

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
 * Applies a patch to the current fields and checks the RESULT with the intake's subject
 * schema, so every field is checked as on intake, postcode and phone for the resulting
 * country (`1234ab` → `1234 AB`, `06-…` → `+316…`), and unknown fields are refused; all
 * problems are reported at once. Returns the new fields and the names of those that
 * changed, or the valibot issues (paths are field names).
 */
export function rectifiedSubject(current: SubjectFields, patch: unknown):
  | { ok: true; fields: SubjectFields; changed: (keyof SubjectFields)[] }
  | { ok: false; issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]] } {
  const shape = v.safeParse(PatchShapeSchema, patch);
  if (!shape.success) return { ok: false, issues: shape.issues };
  const merged: Record<string, unknown> = {};
  for (const k of SUBJECT_FIELDS) if (current[k] !== null) merged[k] = current[k];
  for (const [k, value] of Object.entries(shape.output)) {
    if (value === null && (k === 'phone' || k === 'houseNumberAddition')) delete merged[k];
    else merged[k] = value;
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
