/**
 * The webhook signature: `v1=` + hex HMAC-SHA256(secret, `${timestamp}.${body}`), where
 * `timestamp` is the `Aftercare-Webhook-Timestamp` header (unix seconds) and `body` the raw
 * request body. The key is the UTF-8 bytes of the whole secret string (`whsec_…`).
 * WebCrypto only: runs in Node 20, browsers and Workers.
 */

const encoder = new TextEncoder();

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Hex HMAC-SHA256 of `${timestamp}.${body}` under `secret`. */
export async function webhookSignature(secret: string, timestamp: number | string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(`${timestamp}.${body}`));
  return hex(new Uint8Array(mac));
}

/** The `Aftercare-Signature` header value for this body and timestamp. */
export async function signatureHeader(secret: string, timestamp: number | string, body: string): Promise<string> {
  return `v1=${await webhookSignature(secret, timestamp, body)}`;
}

/** Compares two strings in time that depends only on their lengths (both are hex digests here). */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
