import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, newTotpSecret, otpauthUri, stepAt, totpAt, verifyTotp } from './totp.js';

/** RFC 6238 appendix B: the SHA1 seed is the ASCII string "12345678901234567890". */
const SEED = new TextEncoder().encode('12345678901234567890');
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it('base32 round-trips and matches the seed', () => {
    expect(base32Encode(SEED)).toBe(SECRET);
    expect(base32Decode(SECRET.toLowerCase().replace(/(.{4})/g, '$1 '))).toEqual(SEED);
    const s = newTotpSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(s)).toHaveLength(20);
  });

  it.each(VECTORS)('T=%i gives %s (8 digits, SHA1) and its last 6 digits', (t, code) => {
    expect(hotp(SEED, Math.floor(t / 30), 8)).toBe(code);
    expect(totpAt(SECRET, t * 1000)).toBe(code.slice(2));
  });

  it('accepts the previous, current and next step, nothing further', () => {
    const now = 1111111111_000;
    for (const d of [-1, 0, 1]) expect(verifyTotp(SECRET, totpAt(SECRET, now + d * 30_000), now, null)).toBe(stepAt(now) + d);
    for (const d of [-2, 2]) expect(verifyTotp(SECRET, totpAt(SECRET, now + d * 30_000), now, null)).toBeNull();
  });

  it('never accepts a step at or before the last one used (replay)', () => {
    const now = 1234567890_000;
    const code = totpAt(SECRET, now);
    const step = verifyTotp(SECRET, code, now, null)!;
    expect(verifyTotp(SECRET, code, now, step)).toBeNull();
    expect(verifyTotp(SECRET, totpAt(SECRET, now - 30_000), now, step)).toBeNull();
    expect(verifyTotp(SECRET, totpAt(SECRET, now + 30_000), now, step)).toBe(step + 1);
  });

  it('refuses malformed and wrong codes', () => {
    const now = 1234567890_000;
    const right = totpAt(SECRET, now);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    for (const c of [wrong, '', '12345', '1234567', 'abcdef', ` ${right}`]) expect(verifyTotp(SECRET, c, now, null)).toBeNull();
  });

  it('builds an otpauth URI authenticator apps read', () => {
    const uri = new URL(otpauthUri(SECRET, 'demo-eigenaar'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(SECRET);
    expect(uri.searchParams.get('issuer')).toBe('Aftercare');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
  });
});
