import * as v from 'valibot';
import { text, optionalText, futureDate, httpsUrl } from './fields.js';
import { SubjectSchema } from './subject.js';
import { ProductSchema } from './product.js';
import { ConsentSchema } from './consent.js';

/** R1: every kind of case a consumer can open. */
export const CASE_KINDS = ['registration', 'warranty', 'repair', 'installation', 'complaint', 'return', 'exchange'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CaseKindSchema = v.picklist(CASE_KINDS, 'invalid_value');

export const CASE_STATUSES = ['new', 'approved', 'rejected', 'scheduled', 'in_progress', 'received', 'resolved', 'refunded', 'exchanged', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

const description = text(10, 4000);

/** A part of a day on which a technician may come. */
export const VisitWindowSchema = v.strictObject(
  { date: futureDate, part: v.picklist(['morning', 'afternoon', 'evening'], 'invalid_value') },
  'unknown_field',
);
const visitWindows = (min: number) =>
  v.pipe(
    v.array(VisitWindowSchema, 'invalid_type'),
    v.minLength(min, 'required'),
    v.maxLength(5, 'too_many'),
    v.check((ws) => new Set(ws.map((w) => `${w.date}/${w.part}`)).size === ws.length, 'duplicate'),
  );

export const RETURN_REASONS = ['defective', 'damaged_in_transit', 'wrong_item', 'not_as_described', 'changed_mind', 'other'] as const;

export const WarrantyDetailsSchema = v.pipe(
  v.strictObject(
    {
      mode: v.picklist(['registration', 'claim'], 'invalid_value'),
      faultDescription: v.optional(description),
      warrantyEndDate: v.optional(futureDate),
    },
    'unknown_field',
  ),
  v.forward(v.partialCheck([['mode'], ['faultDescription']], (d) => d.mode !== 'claim' || !!d.faultDescription, 'required'), ['faultDescription']),
);
export const RepairDetailsSchema = v.strictObject({ description, visitWindows: v.optional(visitWindows(0)) }, 'unknown_field');
export const InstallationDetailsSchema = v.strictObject({ description, visitWindows: visitWindows(1) }, 'unknown_field');
export const ComplaintDetailsSchema = v.strictObject({ description }, 'unknown_field');
const returnLike = <R extends readonly [string, ...string[]]>(resolutions: R) =>
  v.strictObject(
    {
      reason: v.picklist(RETURN_REASONS, 'invalid_value'),
      reasonDetail: optionalText(2000),
      orderNumber: text(1, 64),
      preferredResolution: v.picklist(resolutions, 'invalid_value'),
    },
    'unknown_field',
  );
export const ReturnDetailsSchema = returnLike(['refund', 'store_credit'] as const);
export const ExchangeDetailsSchema = returnLike(['same_model', 'other_variant', 'other_product'] as const);

const base = {
  subject: SubjectSchema,
  product: ProductSchema,
  consent: ConsentSchema,
  /** The page the form was on (R5 evidence); the server falls back to the Referer. */
  pageUrl: v.optional(httpsUrl),
};
const kindCase = <K extends CaseKind, D extends v.GenericSchema>(kind: K, details: D) =>
  v.strictObject({ kind: v.literal(kind), ...base, details }, 'unknown_field');

/** `POST /v1/cases` body: one case of any kind, discriminated by `kind`. */
export const CaseInputSchema = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('registration'), ...base }, 'unknown_field'),
    kindCase('warranty', WarrantyDetailsSchema),
    kindCase('repair', RepairDetailsSchema),
    kindCase('installation', InstallationDetailsSchema),
    kindCase('complaint', ComplaintDetailsSchema),
    kindCase('return', ReturnDetailsSchema),
    kindCase('exchange', ExchangeDetailsSchema),
  ],
  'invalid_kind',
);
export type CaseInput = v.InferInput<typeof CaseInputSchema>;
export type CaseOutput = v.InferOutput<typeof CaseInputSchema>;

/** `201` answer of `POST /v1/cases`. */
export const CaseCreatedSchema = v.object({
  id: v.string(),
  reference: v.string(),
  kind: CaseKindSchema,
  status: v.picklist(CASE_STATUSES),
});
export type CaseCreated = v.InferOutput<typeof CaseCreatedSchema>;
