import { randomString } from '../lib/ids.js';
import { sha256Hex } from '../lib/hash.js';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A session token: 43 base62 characters (~256 bits). Only its SHA-256 is stored. */
export const sessionToken = () => randomString(ALPHABET, 43);

/** A secret API key: `sk_live_` + 40 base62 characters (~238 bits). Shown once. */
export const secretKey = () => `sk_live_${randomString(ALPHABET, 40)}`;

/** Keys and tokens are high-entropy, so a fast hash is right here (not a password hash). */
export const tokenHash = (token: string) => sha256Hex(token);

/** `Authorization: Bearer sk_live_…` with a key of the right shape (secretKey above), or undefined. */
export const bearerSecretKey = (authorization: string | undefined) => /^Bearer (sk_live_[0-9A-Za-z]{40})$/.exec(authorization ?? '')?.[1];
