import type { Context } from 'hono';
import { problem } from '../../lib/problem.js';
import type { AdminEnv } from '../env.js';
import { ipBucket } from '../../lib/ip-bucket.js';
import { ServerBusyError, serverBusy } from './hash-gate.js';
import {
  ACCOUNT, IP, SOURCE_FREE, accountKey, accountSourceKey, claimAttempt, ipKey, releaseAttempt, resetThrottle,
} from './throttle.js';

/**
 * The brakes on one password check, at sign-in and at step-up (README: "Sign-in"):
 *
 * 1. At most `PASSWORD_CHECKS_PER_IP` checks in flight per IP (IPv6 per /64) in this process
 *    (`passwordChecksPerIp` in the app config); another is refused at once (429, Retry-After 1).
 * 2. The attempt is counted before the hash (throttle.ts `claimAttempt`), in this order:
 *    - per IP: 30 free, then 2ⁿ s (cap 15 min) — one source spraying many accounts;
 *    - per account and source: 5 free, then 2ⁿ s — this source on this account;
 *    - per account: 5 free, then 2ⁿ s — but that lock holds only sources that already failed
 *      `SOURCE_FREE` (3) times on the account. Anyone can spend an account's budget, so once it
 *      is spent the account is not locked, its attackers are: another source (the owner) still
 *      gets its 3 tries, while the account's lock is the slow allowance every failing source
 *      shares (~96 guesses a day at the cap, plus 3 per new source, each source also bounded
 *      by its IP budget).
 *    A refused claim answers 429 with Retry-After and takes back the claims made before it.
 * 3. The hash runs through the process-wide hash gate (hash-gate.ts); when its queue is full
 *    the claims are taken back and the answer is 503 `server_busy` with Retry-After.
 * 4. A right password resets the account and account+source counters and takes back its IP
 *    claim (never resets it: an attacker's own account must not unlock a spray). A wrong one
 *    stays counted.
 */
export const PASSWORD_CHECKS_PER_IP = 2;

const inFlight = new Map<string, number>();

const tooManyInFlight = () =>
  problem('rate_limited', { retryAfter: 1, detail: 'Another sign-in from your network is still being checked; try again in 1 s.' }, { 'retry-after': '1' });
const locked = (seconds: number) =>
  problem('rate_limited', { retryAfter: seconds, detail: `Too many failed attempts; try again in ${seconds} s.` }, { 'retry-after': String(seconds) });

/**
 * Runs `check` (one password check for `loginCode`, resolving to null when the password is
 * wrong) under the brakes above. Resolves to `check`'s value, null (counted as a failure), or
 * the refusal to answer with (429 / 503).
 */
export async function brakedPasswordCheck<T>(c: Context<AdminEnv>, loginCode: string, check: () => Promise<T | null>): Promise<T | null | Response> {
  const { db, clock } = c.var.deps;
  const bucket = ipBucket(c.var.ip);
  const limit = c.var.config.passwordChecksPerIp ?? PASSWORD_CHECKS_PER_IP;
  const busy = inFlight.get(bucket) ?? 0;
  if (busy >= limit) return tooManyInFlight();
  inFlight.set(bucket, busy + 1);
  const claimed: string[] = [];
  const takeBack = () => Promise.all(claimed.map((key) => releaseAttempt(db, key)));
  try {
    const now = clock.now();
    const ip = ipKey(c.var.ip);
    const source = accountSourceKey(loginCode, c.var.ip);
    const account = accountKey(loginCode);
    const byIp = await claimAttempt(db, ip, IP, now);
    if (!byIp.ok) return locked(byIp.retryAfter);
    claimed.push(ip);
    const bySource = await claimAttempt(db, source, ACCOUNT, now);
    if (!bySource.ok) return (await takeBack(), locked(bySource.retryAfter));
    claimed.push(source);
    // This source's earlier failures on the account: under SOURCE_FREE, the account's lock does not hold it.
    const byAccount = await claimAttempt(db, account, ACCOUNT, now, { force: bySource.attempts - 1 < SOURCE_FREE });
    if (!byAccount.ok) return (await takeBack(), locked(byAccount.retryAfter));
    claimed.push(account);

    let result: T | null;
    try {
      result = await check();
    } catch (err) {
      if (!(err instanceof ServerBusyError)) throw err;
      await takeBack();
      return serverBusy();
    }
    if (result === null) return null;
    await Promise.all([resetThrottle(db, account), resetThrottle(db, source), releaseAttempt(db, ip)]);
    return result;
  } finally {
    const left = (inFlight.get(bucket) ?? 1) - 1;
    if (left > 0) inFlight.set(bucket, left);
    else inFlight.delete(bucket);
  }
}
