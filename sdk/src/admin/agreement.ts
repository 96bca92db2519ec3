import * as v from 'valibot';
import type { BreachDataCategory } from './breaches.js';

/**
 * R20: the processor agreement (verwerkersovereenkomst) and the in-product notices.
 *
 * The operator publishes versions (`platform.manage`, `/v1/admin/platform-agreements`); each
 * version is immutable, numbered 1, 2, … and identified by the SHA-256 of its text. Publishing
 * sends every tenant a notice of kind `agreement`. A tenant owner accepts the current version
 * (`registers.manage`); the acceptance (version, time, user, IP) is kept in an append-only table.
 *
 * The admin page's gate: `GET /v1/admin/agreement` answers `agreementRequired: true` while a
 * version is published that this tenant has not accepted; the page then shows the agreement
 * first (with the accept button when `canAccept`, otherwise a line asking the owner to accept).
 */

/** The agreement's text in both languages. */
export type AgreementText = { nl: string; en: string };

const body = (max: number) => v.pipe(v.string('invalid_type'), v.trim(), v.minLength(200, 'too_short'), v.maxLength(max, 'too_long'));

/** `POST /v1/admin/platform-agreements`: a new version's text (each language 200–30 000 characters, trimmed; the hash is of the trimmed text). */
export const AgreementPublishSchema = v.strictObject(
  { text: v.strictObject({ nl: body(30_000), en: body(30_000) }, 'unknown_field') },
  'unknown_field',
);
export type AgreementPublishInput = v.InferInput<typeof AgreementPublishSchema>;

/**
 * `POST /v1/admin/agreement/accept`: the version the owner read and its `sha256` (as sent by
 * `GET /v1/admin/agreement`), so an acceptance can only be of the text that was shown.
 * 409 `conflict` when the version is not the current one (or was accepted already);
 * 422 on `sha256` (`mismatch`) when the hash is not the version's, on `version`
 * (`unknown_version`) when no such version exists.
 */
export const AgreementAcceptSchema = v.strictObject(
  {
    version: v.pipe(v.number('invalid_type'), v.integer('invalid_type'), v.minValue(1, 'invalid_value')),
    sha256: v.pipe(v.string('invalid_type'), v.trim(), v.toLowerCase(), v.regex(/^[0-9a-f]{64}$/, 'invalid_format')),
  },
  'unknown_field',
);
export type AgreementAcceptInput = v.InferInput<typeof AgreementAcceptSchema>;

/**
 * One version. `sha256` is the lowercase hex SHA-256 of the UTF-8 text
 * `JSON.stringify({ en: text.en, nl: text.nl })` (keys in that order).
 */
export type AgreementVersion = { version: number; text: AgreementText; sha256: string; publishedAt: string };

/** One acceptance: which version, when, by whom (display name), from which IP. */
export type AgreementAcceptance = { version: number; sha256: string; at: string; userId: string; user: string | null; ip: string };

/** `GET /v1/admin/agreement` (owner, auditor). */
export type TenantAgreement = {
  /** The current version; null while the operator has published none. */
  current: AgreementVersion | null;
  /** This tenant's acceptance of the current version, or null. */
  accepted: Omit<AgreementAcceptance, 'version' | 'sha256'> | null;
  /** Every acceptance of this tenant, newest first. */
  history: AgreementAcceptance[];
  /** True while a current version exists and this tenant has not accepted it: the page shows the agreement first. */
  agreementRequired: boolean;
  /** Whether the caller may accept (owner with a session; `registers.manage`). */
  canAccept: boolean;
};

/** `POST /v1/admin/agreement/accept` answer (201). */
export type AgreementAccepted = AgreementAcceptance;

/** The operator's view of a version: how many tenants accepted it. */
export type PlatformAgreementVersion = AgreementVersion & { acceptances: number };

/** `GET /v1/admin/platform-agreements`: versions (newest first), each tenant's latest acceptance, and the built-in text for version 1. */
export type PlatformAgreementList = {
  items: PlatformAgreementVersion[];
  tenants: { tenantId: string; tenantName: string; acceptedVersion: number | null; acceptedAt: string | null }[];
  /** The built-in text (`defaultAgreementText()` on the server): publish it when no version exists yet. */
  template: AgreementText;
};

/** `POST /v1/admin/platform-agreements` answer (201): the new version and how many tenants got a notice. */
export type AgreementPublished = AgreementVersion & { noticesCreated: number };

// ---------------------------------------------------------------------------------------------
// In-product notices (`GET /v1/admin/notices`, owner and auditor; marking read: owner).

export const NOTICE_KINDS = ['breach', 'subprocessor', 'agreement'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** What a notice is about, enough for one line in the page; open the breach / list / agreement for the rest. */
export type NoticeSubject =
  | { kind: 'breach'; discoveredAt: string; deadlineAt: string; notifiedAt: string | null; dataCategories: BreachDataCategory[]; approxSubjects: number }
  | { kind: 'subprocessor'; name: string; purpose: string; location: string; startDate: string }
  | { kind: 'agreement'; version: number; publishedAt: string }
  | { kind: 'unknown' };

export type NoticeView = {
  id: string;
  kind: NoticeKind;
  /** The breach id, sub-processor id or agreement version id. */
  refId: string;
  createdAt: string;
  readAt: string | null;
  /** Display name of who marked it read (or the API key's name), null while unread. */
  readBy: string | null;
  about: NoticeSubject;
};

/** `GET /v1/admin/notices`: the newest 200 of this tenant, newest first, and how many of all are unread. */
export type NoticeList = { items: NoticeView[]; unread: number };
