import type { CaseCreated, ErrorCode } from '../../../sdk/src/schemas/index.js';
import type { Result } from '../../../sdk/src/client/types.js';

/** Failures another attempt may cure; the SDK has already retried these itself. */
export const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['network_error', 'timeout', 'internal', 'rate_limited', 'idempotency_in_flight']);

/** Resolves true after `ms`, or false at once when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
      resolve(ok);
    };
    const stop = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener('abort', stop);
  });
}

/**
 * Sends, and after a transient failure (the SDK's own retries spent) waits `delays[i]` (at least
 * the server's Retry-After) and sends again: `delays.length` more rounds. `send` must reuse one
 * Idempotency-Key, so a round after a lost answer replays the stored case instead of making one.
 */
export async function sendWithRetries(
  send: () => Promise<Result<CaseCreated>>,
  signal: AbortSignal,
  delays: readonly number[],
  onWait: () => void,
): Promise<Result<CaseCreated>> {
  for (let round = 0; ; round++) {
    const result = await send();
    if (result.data || signal.aborted || !TRANSIENT.has(result.error.code) || round >= delays.length) return result;
    const wait = Math.max(delays[round]!, (result.error.retryAfter ?? 0) * 1000);
    if (wait > 60_000) return result;
    onWait();
    if (!(await sleep(wait, signal))) return result;
  }
}
