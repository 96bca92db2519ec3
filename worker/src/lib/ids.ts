/** UUIDv7 (RFC 9562): time-ordered, so ids sort by creation. Works on Node and Workers. */
export function uuidv7(nowMs: number = Date.now()): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  let t = nowMs;
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256;
    t = Math.floor(t / 256);
  }
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Letters and digits nobody confuses on the phone: no 0/O, 1/I/L, U. */
const REF_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A case reference such as `K7P2-9QXD`: 30^8 ≈ 6.6·10^11 values, unique per tenant by index. */
export function caseReference(): string {
  return randomString(REF_ALPHABET, 8).replace(/^(.{4})/, '$1-');
}

/** Uniform random string over `alphabet` (rejection sampling, no modulo bias). */
export function randomString(alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    const buf = new Uint8Array(length * 2);
    crypto.getRandomValues(buf);
    for (const x of buf) {
      if (x < limit && out.length < length) out += alphabet[x % alphabet.length];
    }
  }
  return out;
}

const KEY_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Publishable key: `pk_live_` + 24 base62 characters (~143 bits). */
export function publishableKey(): string {
  return `pk_live_${randomString(KEY_ALPHABET, 24)}`;
}
