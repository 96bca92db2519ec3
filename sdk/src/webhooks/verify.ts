import { constantTimeEqual, webhookSignature } from './signature.js';
import type { WebhookEnvelope } from './events.js';

/** `Headers`, or a plain object such as Node's `req.headers` (any key case; arrays allowed). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export type VerifyWebhookOptions = {
  /** The signing secret (`whsec_…`). During your own rotation, pass the new and the old one. */
  secret: string | readonly string[];
  /** The RAW request body exactly as received (before any JSON parsing). */
  body: string;
  headers: WebhookHeaders;
  /** How far the signed timestamp may be from now, either way. Default 300 s. */
  toleranceSeconds?: number;
  /** Now in epoch milliseconds (tests); default `Date.now()`. */
  now?: number;
};

export type VerifyWebhookResult =
  | { ok: true; id: string; timestamp: number; event: WebhookEnvelope }
  | { ok: false; reason: 'signature' | 'timestamp' | 'format' };

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const lower = name.toLowerCase();
  for (const [k, val] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (k.toLowerCase() === lower) return Array.isArray(val) ? val.join(', ') : val;
  }
  return undefined;
}

/**
 * Checks an Aftercare webhook: the `Aftercare-Signature` (`v1=<hex>`, HMAC-SHA256 over
 * `${Aftercare-Webhook-Timestamp}.${body}`) compared in constant time, then the timestamp
 * against `toleranceSeconds`. Reasons: `format` (a header missing or malformed, or the body is
 * not a JSON envelope), `signature` (not signed with this secret, or body/timestamp altered),
 * `timestamp` (genuine but too old or too far ahead: a replay, or a clock off).
 *
 * Replay protection needs one more step from you: Aftercare retries a delivery with the SAME
 * `Aftercare-Webhook-Id` (= `event.id`) and a fresh timestamp and signature, and a genuine
 * message may be replayed within the tolerance. Store the ids you have processed and ignore
 * repeats; keep them at least 48 hours (Aftercare's retries of one delivery span at most about
 * 29 hours, plus the tolerance).
 *
 * ```ts
 * const result = await verifyWebhook({ secret: env.AFTERCARE_WEBHOOK_SECRET, body: await request.text(), headers: request.headers });
 * if (!result.ok) return new Response(null, { status: 400 });
 * if (await alreadyProcessed(result.id)) return new Response(null, { status: 200 });
 * ```
 */
export async function verifyWebhook(o: VerifyWebhookOptions): Promise<VerifyWebhookResult> {
  const id = header(o.headers, 'aftercare-webhook-id')?.trim();
  const ts = header(o.headers, 'aftercare-webhook-timestamp')?.trim();
  const sig = header(o.headers, 'aftercare-signature');
  if (!id || !ts || !/^\d{1,12}$/.test(ts) || !sig || typeof o.body !== 'string') return { ok: false, reason: 'format' };
  const given = sig.split(',').map((s) => s.trim()).filter((s) => s.startsWith('v1=')).map((s) => s.slice(3).toLowerCase());
  if (!given.length || !given.every((g) => /^[0-9a-f]{64}$/.test(g))) return { ok: false, reason: 'format' };

  const secrets = typeof o.secret === 'string' ? [o.secret] : [...o.secret];
  let match = false;
  for (const secret of secrets) {
    if (!secret) continue;
    const expected = await webhookSignature(secret, ts, o.body);
    // Every pair is compared (no early exit), each in constant time.
    for (const g of given) match = constantTimeEqual(expected, g) || match;
  }
  if (!match) return { ok: false, reason: 'signature' };

  const timestamp = Number(ts);
  const now = (o.now ?? Date.now()) / 1000;
  if (Math.abs(now - timestamp) > (o.toleranceSeconds ?? 300)) return { ok: false, reason: 'timestamp' };

  let event: unknown;
  try {
    event = JSON.parse(o.body);
  } catch {
    return { ok: false, reason: 'format' };
  }
  const e = event as Partial<WebhookEnvelope> | null;
  if (!e || typeof e !== 'object' || e.id !== id || typeof e.event !== 'string' || typeof e.data !== 'object') return { ok: false, reason: 'format' };
  return { ok: true, id, timestamp, event: e as WebhookEnvelope };
}
