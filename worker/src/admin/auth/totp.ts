import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';

/**
 * R13 optional second factor: TOTP per RFC 6238 (HOTP, RFC 4226, over 30-second steps),
 * HMAC-SHA1 and 6 digits — what every authenticator app defaults to. A code is accepted for the
 * current step ±1 (clock drift), and never for a step at or before the last one accepted (replay).
 */
export const STEP_SECONDS = 30;
export const DIGITS = 6;
const WINDOW = 1;

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

/** Base32 without padding; spaces and case are forgiven (people type secrets in groups). */
export function base32Decode(text: string): Uint8Array {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const i = B32.indexOf(ch);
    if (i < 0) throw new Error('not base32');
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

/** RFC 4226 HOTP value for a counter, `digits` long, zero-padded. */
export function hotp(key: Uint8Array, counter: number, digits = DIGITS): string {
  const msg = new Uint8Array(8);
  const view = new DataView(msg.buffer);
  view.setUint32(0, Math.floor(counter / 2 ** 32));
  view.setUint32(4, counter >>> 0);
  const mac = hmac(sha1, key, msg);
  const offset = mac[mac.length - 1]! & 0x0f;
  const bin = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(bin % 10 ** digits).padStart(digits, '0');
}

export const stepAt = (nowMs: number) => Math.floor(nowMs / 1000 / STEP_SECONDS);

/** The code for the step containing `nowMs`. */
export const totpAt = (secret: string, nowMs: number, digits = DIGITS) => hotp(base32Decode(secret), stepAt(nowMs), digits);

/** Constant-time string comparison (equal lengths assumed by the caller's format check). */
function same(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * The step a code matches (now ±1), or null. Steps at or before `lastStep` are never accepted,
 * so a code that worked once (or an older one) cannot be replayed.
 */
export function verifyTotp(secret: string, code: string, nowMs: number, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const key = base32Decode(secret);
  const now = stepAt(nowMs);
  let found: number | null = null;
  for (let step = now - WINDOW; step <= now + WINDOW; step++) {
    // Check every candidate so the time taken does not tell which step matched.
    if (same(hotp(key, step), code) && (lastStep === null || step > lastStep) && found === null) found = step;
  }
  return found;
}

/** A new 160-bit secret (RFC 4226 recommends the HMAC-SHA1 output size), base32. */
export function newTotpSecret(): string {
  return base32Encode(crypto.getRandomValues(new Uint8Array(20)));
}

/** The otpauth:// URI authenticator apps read from a QR code. */
export function otpauthUri(secret: string, account: string, issuer = 'Aftercare'): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const q = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: String(DIGITS), period: String(STEP_SECONDS) });
  return `otpauth://totp/${label}?${q.toString()}`;
}
