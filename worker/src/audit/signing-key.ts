import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { AuditPublicJwk } from '../../../sdk/src/admin/audit.js';

/**
 * R17: the operator's Ed25519 key that signs audit checkpoints (JWS alg EdDSA). It lives in
 * the environment as `AFTERCARE_SIGNING_KEY`, a private JWK as JSON:
 * - Node host: `process.env`; when absent, node-main.ts fills it from `data/signing-key.json`
 *   beside the database, generated once (mode 600; data/ is gitignored).
 * - Workers: a secret (`wrangler secret put AFTERCARE_SIGNING_KEY`); without it checkpointing
 *   is skipped with a warning.
 * The key id (`kid`) is the RFC 7638 thumbprint of the public key.
 */
export const SIGNING_KEY_ENV = 'AFTERCARE_SIGNING_KEY';

export type SigningKey = { privateKey: CryptoKey; publicKey: CryptoKey; publicJwk: AuditPublicJwk; kid: string };

export class SigningKeyError extends Error {}

/** A new private JWK (JSON text) for AFTERCARE_SIGNING_KEY. */
export async function generateSigningKeyJwk(): Promise<string> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(privateKey);
  return JSON.stringify({ ...jwk, alg: 'EdDSA', use: 'sig', kid: await calculateJwkThumbprint({ kty: jwk.kty!, crv: jwk.crv!, x: jwk.x! }) });
}

/** The public half of an Ed25519 JWK (private or public), with its thumbprint as kid; throws SigningKeyError. */
export async function publicJwkOf(jwk: unknown): Promise<AuditPublicJwk> {
  const j = jwk as JWK | null;
  if (!j || typeof j !== 'object' || j.kty !== 'OKP' || j.crv !== 'Ed25519' || typeof j.x !== 'string') throw new SigningKeyError('not an Ed25519 JWK (kty OKP, crv Ed25519, x)');
  const kid = await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: j.x });
  return { kty: 'OKP', crv: 'Ed25519', x: j.x, kid, alg: 'EdDSA', use: 'sig' };
}

/** Imports a private JWK given as JSON text; throws SigningKeyError (without the key's text). */
export async function importSigningKey(json: string): Promise<SigningKey> {
  let jwk: JWK;
  try {
    jwk = JSON.parse(json) as JWK;
  } catch {
    throw new SigningKeyError(`${SIGNING_KEY_ENV} is not JSON`);
  }
  const { key: publicKey, publicJwk } = await importPublicKey(jwk);
  if (typeof jwk.d !== 'string') throw new SigningKeyError(`${SIGNING_KEY_ENV} has no private part (d)`);
  const privateKey = (await importJWK({ kty: 'OKP', crv: 'Ed25519', x: publicJwk.x, d: jwk.d, alg: 'EdDSA' }, 'EdDSA')) as CryptoKey;
  return { privateKey, publicKey, publicJwk, kid: publicJwk.kid };
}

/** Imports a public JWK (JSON text or object) for verification. */
export async function importPublicKey(jwk: unknown): Promise<{ key: CryptoKey; publicJwk: AuditPublicJwk }> {
  const publicJwk = await publicJwkOf(jwk);
  const key = (await importJWK({ kty: 'OKP', crv: 'Ed25519', x: publicJwk.x, alg: 'EdDSA' }, 'EdDSA')) as CryptoKey;
  return { key, publicJwk };
}

let cached: { json: string; key: Promise<SigningKey> } | undefined;

/** The key from an environment (Node's process.env, a Worker's env), or null when not set. Cached per value. */
export function signingKeyFromEnv(env: Readonly<Record<string, unknown>> | undefined): Promise<SigningKey> | null {
  const json = env?.[SIGNING_KEY_ENV];
  if (typeof json !== 'string' || !json.trim()) return null;
  if (cached?.json !== json) {
    const key = importSigningKey(json);
    cached = { json, key };
    key.catch(() => {
      if (cached?.key === key) cached = undefined;
    });
  }
  return cached.key;
}

/**
 * The key a request handler uses: the Worker's env (`c.env`, secrets), else the Node
 * process's environment. Read through `globalThis` so this file needs no node: import.
 */
export function hostSigningKey(workerEnv: unknown): Promise<SigningKey> | null {
  const fromWorker = signingKeyFromEnv(workerEnv && typeof workerEnv === 'object' ? (workerEnv as Record<string, unknown>) : undefined);
  if (fromWorker) return fromWorker;
  const proc = (globalThis as { process?: { env?: Record<string, unknown> } }).process;
  return signingKeyFromEnv(proc?.env);
}
