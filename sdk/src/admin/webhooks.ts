import * as v from 'valibot';
import type { WebhookEventName } from '../webhooks/events.js';

/**
 * Webhook settings of a tenant (`/v1/admin/webhooks`): the endpoint, the personal-data opt-in,
 * the signing secret (shown once), recent deliveries and a test event. Read with
 * `registers.read` (owner, auditor), change with `registers.manage` (owner).
 */

/** Webhook URLs: https; plain http only to localhost / 127.0.0.1 (development, refused in production). */
export const WEBHOOK_URL_MAX = 2048;

/**
 * `PUT /v1/admin/webhooks`: the whole setting. `url: null` switches webhooks off (pending
 * deliveries then fail as `no_endpoint`). The URL is checked by the server (codes
 * `invalid_url`, `https_required`, `private_address`, `too_long`).
 */
export const WebhookSettingsPutSchema = v.strictObject(
  {
    url: v.nullable(v.pipe(v.string('invalid_type'), v.trim(), v.minLength(1, 'required'), v.maxLength(WEBHOOK_URL_MAX, 'too_long'))),
    personalData: v.boolean('invalid_type'),
  },
  'unknown_field',
);
export type WebhookSettingsPutInput = v.InferInput<typeof WebhookSettingsPutSchema>;

/** `GET /v1/admin/webhooks`, also the answer of PUT. The secret itself is never shown again. */
export type WebhookSettingsView = {
  url: string | null;
  /** Whether case events carry the subject's contact fields (name, e-mail, phone). */
  personalData: boolean;
  /** The first characters of the signing secret (e.g. `whsec_Ab12`), null when none was made yet. */
  secretPrefix: string | null;
  /** Only in the PUT answer that made the tenant's first secret, and in the rotate answer: copy it now. */
  secret?: string;
};

/** `POST /v1/admin/webhooks/secret`: the new secret, shown this once. Later deliveries (also retries) are signed with it. */
export type WebhookSecretCreated = { secret: string; secretPrefix: string };

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One outbox row. `id` is the `Aftercare-Webhook-Id` the receiver sees, the same on every retry. */
export type WebhookDeliveryView = {
  id: string;
  event: WebhookEventName;
  status: WebhookDeliveryStatus;
  attempts: number;
  createdAt: number;
  /** Pending: when the next attempt is due. */
  nextAttemptAt: number | null;
  deliveredAt: number | null;
  failedAt: number | null;
  /** The last HTTP status the receiver answered, or null (network error, timeout, no endpoint). */
  lastStatus: number | null;
  /** A short machine-readable reason of the last failure (`http_500`, `timeout`, `network`, `no_endpoint`). */
  lastError: string | null;
};

/** `GET /v1/admin/webhooks/deliveries?limit&before`: newest first; `nextCursor` goes to `before`. */
export type WebhookDeliveryList = { items: WebhookDeliveryView[]; nextCursor: string | null };

/** `POST /v1/admin/webhooks/test`: the queued `ping`, delivered by the next run of the delivery job (seconds). */
export type WebhookTestQueued = { id: string; event: 'ping' };
