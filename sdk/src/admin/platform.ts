import * as v from 'valibot';
import { isoDate } from '../schemas/date.js';

/**
 * The platform operator's side of the compliance registers (R16, R21): the processor's profile
 * as it appears in every art. 30(2) register, and the list of sub-processors. Permission
 * `platform.manage` (operator). Times are ISO 8601 UTC strings; dates are `YYYY-MM-DD`.
 */

/** ISO 3166-1 alpha-2 codes (officially assigned). */
export const ISO_COUNTRIES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

/**
 * The European Economic Area: the 27 EU member states plus Iceland, Liechtenstein and Norway.
 * A sub-processor located anywhere else is a transfer to a third country (GDPR chapter V) and
 * needs safeguards (adequacy decision, standard contractual clauses, binding corporate rules).
 */
export const EEA_COUNTRIES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  'IS', 'LI', 'NO',
] as const;

export const isIsoCountry = (code: string): boolean => ISO_COUNTRIES.includes(code);
export const isEea = (code: string): boolean => (EEA_COUNTRIES as readonly string[]).includes(code);

/**
 * Tenants are told of a new sub-processor at least this many days before it starts (art. 28(2)
 * GDPR: the controller must be able to object). The exception is the initial list: see
 * `SubprocessorCreateSchema.initial`.
 */
export const SUBPROCESSOR_NOTICE_DAYS = 30;

const line = (max: number) => v.pipe(v.string('invalid_type'), v.trim(), v.minLength(1, 'required'), v.maxLength(max, 'too_long'));
const optionalLine = (max: number) => v.optional(v.pipe(v.string('invalid_type'), v.trim(), v.maxLength(max, 'too_long')));
const email = v.pipe(v.string('invalid_type'), v.trim(), v.toLowerCase(), v.maxLength(254, 'too_long'), v.email('invalid_email'));
const phone = v.optional(v.pipe(v.string('invalid_type'), v.trim(), v.maxLength(32, 'too_long'), v.regex(/^\+?[\d ()./-]{6,32}$/, 'invalid_phone')));

/** Contact details of an organisation in a register: who, where, how to reach. */
export const RegisterContactSchema = v.strictObject(
  { name: line(160), address: line(300), email, phone },
  'unknown_field',
);
export type RegisterContactInput = v.InferInput<typeof RegisterContactSchema>;
export type RegisterContact = { name: string; address: string; email: string; phone?: string };

/** A data protection officer (functionaris gegevensbescherming); `null` where none is appointed. */
export const DpoSchema = v.nullable(v.strictObject({ name: line(160), email, phone }, 'unknown_field'));
export type DpoInput = v.InferInput<typeof DpoSchema>;
export type Dpo = { name: string; email: string; phone?: string } | null;

/** Text in both languages of the register. */
export const BilingualTextSchema = v.strictObject({ nl: line(8000), en: line(8000) }, 'unknown_field');
export type BilingualText = { nl: string; en: string };

/**
 * `PUT /v1/admin/platform/profile`: the whole profile. `securityMeasures` is the general
 * description of the technical and organisational measures (art. 32), one measure per line.
 */
export const PlatformProfilePutSchema = v.strictObject(
  { name: line(160), contact: RegisterContactSchema, dpo: DpoSchema, securityMeasures: BilingualTextSchema },
  'unknown_field',
);
export type PlatformProfilePutInput = v.InferInput<typeof PlatformProfilePutSchema>;

/** The processor's profile. `isDefault`: nothing was saved yet, these are the built-in defaults. */
export type PlatformProfile = {
  name: string;
  contact: RegisterContact;
  dpo: Dpo;
  securityMeasures: BilingualText;
  updatedAt: string | null;
  isDefault: boolean;
};

const countryCode = v.pipe(v.string('invalid_type'), v.trim(), v.toUpperCase(), v.check(isIsoCountry, 'invalid_country'));

/**
 * `POST /v1/admin/platform/subprocessors`. `location` is an ISO 3166-1 alpha-2 country code;
 * outside the EEA `safeguards` is required (e.g. "EU-US Data Privacy Framework" or "SCCs
 * 2021/914, module 3"). `startDate` must lie at least SUBPROCESSOR_NOTICE_DAYS days after
 * today (UTC) — the server checks it with its clock — unless `initial` is true.
 *
 * `initial: true` records a sub-processor of the initial list (in use before tenants signed the
 * processor agreement, which lists them): its `startDate` must be today or earlier, and it is
 * refused once any sub-processor was announced with notice (the initial list is closed then).
 * Every addition, initial or not, notifies every tenant.
 */
export const SubprocessorCreateSchema = v.pipe(
  v.strictObject(
    {
      name: line(160),
      purpose: line(500),
      location: countryCode,
      safeguards: v.optional(v.nullable(optionalLine(1000))),
      startDate: isoDate,
      initial: v.optional(v.boolean('invalid_type'), false),
    },
    'unknown_field',
  ),
  v.forward(
    v.partialCheck([['location'], ['safeguards']], (s) => isEea(s.location) || !!s.safeguards, 'required'),
    ['safeguards'],
  ),
);
export type SubprocessorCreateInput = v.InferInput<typeof SubprocessorCreateSchema>;

/** `PATCH /v1/admin/platform/subprocessors/:id`: `{ ended: true }` ends the use of a sub-processor (now). */
export const SubprocessorPatchSchema = v.strictObject({ ended: v.literal(true, 'invalid_value') }, 'unknown_field');
export type SubprocessorPatchInput = v.InferInput<typeof SubprocessorPatchSchema>;

/** A sub-processor as both sides see it. */
export type SubprocessorView = {
  id: string;
  name: string;
  purpose: string;
  /** ISO 3166-1 alpha-2. */
  location: string;
  /** Located in the EEA; otherwise its use is a transfer to a third country. */
  eea: boolean;
  safeguards: string | null;
  /** YYYY-MM-DD. */
  startDate: string;
  /** Announced, not started yet (startDate after today, UTC). */
  upcoming: boolean;
  createdAt: string;
  endedAt: string | null;
};

/** The operator's view of one objection: which tenant, why, when. */
export type PlatformObjectionView = { id: string; tenantId: string; tenantName: string; reason: string; at: string };

/** `GET /v1/admin/platform/subprocessors`: every sub-processor (ended ones too) with the tenants' objections. */
export type PlatformSubprocessorList = { items: (SubprocessorView & { objections: PlatformObjectionView[] })[] };

/** `POST /v1/admin/platform/subprocessors` answer: the sub-processor and how many tenants were notified. */
export type SubprocessorCreated = SubprocessorView & { noticesCreated: number; webhooksQueued: number };
