import { argon2idAsync } from '@noble/hashes/argon2.js';
import { hashGate } from './hash-gate.js';

/**
 * R13: passwords are hashed with argon2id at OWASP's parameters (19 MiB, t=2, p=1), stored as
 * PHC strings. Pure JavaScript (@noble/hashes): the Workers runtime refuses runtime WebAssembly
 * compilation and PBKDF2 above 100,000 iterations, so neither a WASM argon2 nor WebCrypto
 * would run on both hosts. ~0.45 s per hash on this machine; it yields to the event loop
 * every 10 ms, and at most `HASH_CONCURRENCY` run at once (hash-gate.ts).
 */
export type Argon2Params = { m: number; t: number; p: number };
export const OWASP_PARAMS: Argon2Params = { m: 19456, t: 2, p: 1 };

/**
 * How much argon2 work this process is doing: hashes running now, the most ever running at
 * once, and the total started (read by tests and operators; the hash gate keeps `peak` low).
 */
export const argon2Load = { running: 0, peak: 0, total: 0 };

/**
 * Every argon2id of this module goes through here: through the hash gate (a check refused with
 * `ServerBusyError` when its queue is full, a new hash waiting), seen by `argon2Load`.
 */
function argon2id(password: string, salt: Uint8Array, params: Argon2Params, dkLen: number, refuseWhenFull: boolean): Promise<Uint8Array> {
  return hashGate.run(async () => {
    argon2Load.total++;
    argon2Load.peak = Math.max(argon2Load.peak, ++argon2Load.running);
    try {
      return await argon2idAsync(password, salt, { ...params, dkLen, asyncTick: 10 });
    } finally {
      argon2Load.running--;
    }
  }, { refuseWhenFull });
}

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/=+$/, '');
const unb64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

export async function hashPassword(password: string, params: Argon2Params = OWASP_PARAMS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await argon2id(password, salt, params, 32, false);
  return `$argon2id$v=19$m=${params.m},t=${params.t},p=${params.p}$${b64(salt)}$${b64(hash)}`;
}

/** Constant-time comparison of two byte strings. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

export function parsePhc(phc: string): { params: Argon2Params; salt: Uint8Array; hash: Uint8Array } | null {
  const m = PHC.exec(phc);
  if (!m) return null;
  return { params: { m: Number(m[1]), t: Number(m[2]), p: Number(m[3]) }, salt: unb64(m[4]!), hash: unb64(m[5]!) };
}

/**
 * Checks a password against a PHC string; `rehash` is true when its parameters are not the
 * current ones. Throws `ServerBusyError` when the hash gate's queue is full.
 */
export async function verifyPassword(password: string, phc: string, current: Argon2Params = OWASP_PARAMS): Promise<{ ok: boolean; rehash: boolean }> {
  const parsed = parsePhc(phc);
  if (!parsed) return { ok: false, rehash: false };
  const { params, salt, hash } = parsed;
  const candidate = await argon2id(password, salt, params, hash.length, true);
  const ok = equalBytes(candidate, hash);
  return { ok, rehash: ok && (params.m !== current.m || params.t !== current.t || params.p !== current.p) };
}

/** Cheap parameters for test fixtures only (a login then upgrades them: "re-hash on login"). */
export const TEST_PARAMS: Argon2Params = { m: 64, t: 1, p: 1 };
