import * as v from 'valibot';
import type { CaseKind } from '../schemas/index.js';
import { DpoSchema, RegisterContactSchema, type Dpo, type RegisterContact, type SubprocessorView } from './platform.js';

/**
 * A tenant's art. 30(2) register of processing activities (R16) and its side of the
 * sub-processor list (R21). Read: `registers.read` (owner, auditor). Change: `registers.manage`
 * (owner). Operators have no access to a tenant's register (their side is `platform.ts`).
 */

export const REGISTER_LANGS = ['nl', 'en'] as const;
export type RegisterLang = (typeof REGISTER_LANGS)[number];

/** `?lang=` of `GET /v1/admin/register`, `/register.csv` and `/register/print` (default nl); CSV also takes `delimiter`. */
export const RegisterQuerySchema = v.strictObject(
  {
    lang: v.optional(v.picklist(REGISTER_LANGS, 'invalid_value')),
    delimiter: v.optional(v.picklist(['comma', 'semicolon'] as const, 'invalid_value')),
  },
  'unknown_field',
);
export type RegisterQueryInput = { lang?: RegisterLang; delimiter?: 'comma' | 'semicolon' };

/** `PUT /v1/admin/register/controller`: the tenant as controller — its contact and its DPO (`null`: none appointed). */
export const ControllerPutSchema = v.strictObject({ contact: RegisterContactSchema, dpo: DpoSchema }, 'unknown_field');
export type ControllerPutInput = v.InferInput<typeof ControllerPutSchema>;

/** `GET`/`PUT /v1/admin/register/controller`. `contact` is null until the owner fills it in. */
export type ControllerDetails = { name: string; contact: RegisterContact | null; dpo: Dpo };

/** `POST /v1/admin/register/subprocessors/:id/objection`. */
export const ObjectionCreateSchema = v.strictObject(
  { reason: v.pipe(v.string('invalid_type'), v.trim(), v.minLength(10, 'too_short'), v.maxLength(4000, 'too_long')) },
  'unknown_field',
);
export type ObjectionCreateInput = v.InferInput<typeof ObjectionCreateSchema>;

/**
 * One recorded objection (append-only: a later objection adds a row, nothing is overwritten).
 * `userId` is the owner's user id, or the API key's id when an owner key objected.
 */
export type ObjectionView = { id: string; subprocessorId: string; reason: string; userId: string; userName: string | null; at: string };

/** `GET /v1/admin/register/subprocessors`: the list (ended ones too) with this tenant's own objections. */
export type TenantSubprocessorList = { items: (SubprocessorView & { objections: ObjectionView[] })[] };

/** The data categories a case field belongs to. `other` means a field has no category yet (a test keeps it empty). */
export const DATA_CATEGORIES = ['identity', 'contact', 'address', 'product', 'case', 'appointment', 'order', 'consent', 'other'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** One category of processing: a case kind the tenant has enabled, its purpose and the data it collects. */
export type RegisterProcessing = {
  kind: CaseKind;
  /** The name of the activity, e.g. "Reparatieverzoeken". */
  name: string;
  purpose: string;
  dataSubjects: string;
  /** Per data category, the fields the form collects (from the intake schema) or the server records. */
  dataCategories: { category: DataCategory; label: string; fields: string[] }[];
};

/** (c) A transfer to a third country: a sub-processor located outside the EEA, with its safeguards. */
export type RegisterTransfer = { subprocessorId: string; recipient: string; country: string; safeguards: string | null };

/**
 * `GET /v1/admin/register?lang=nl|en`: the art. 30(2) register, generated from live
 * configuration at `generatedAt`. (a) `processor` and `controller` with their DPOs;
 * (b) `processing` (one entry per enabled case kind) and `operations`; (c) `transfers`;
 * (d) `securityMeasures` (one measure per line); plus `subprocessors` (current and announced).
 * Every read is recorded in the export log (kind `register_json`) before it is sent.
 */
export type RegisterDocument = {
  lang: RegisterLang;
  generatedAt: string;
  tenantId: string;
  processor: { name: string; contact: RegisterContact; dpo: Dpo };
  controller: ControllerDetails;
  processing: RegisterProcessing[];
  /** What the processor does with the data on the controller's behalf. */
  operations: string[];
  subprocessors: SubprocessorView[];
  transfers: RegisterTransfer[];
  securityMeasures: string;
  /** The export-log id of this read. */
  exportId: string;
};

