import type { CaseCreated } from '../../../sdk/src/schemas/case.js';
import type { Result } from '../../../sdk/src/client/types.js';

/** Failures another round may cure; the SDK has already retried these itself. */
const TRANSIENT = /^(network_error|timeout|internal|rate_limited|idempotency_in_flight)$/;

/**
 * Sends; after a transient failure (the SDK's own retries spent) waits `delays[i]` (at least the
 * server's Retry-After, at most a minute) and sends again: `delays.length` more rounds, stopped
 * by `signal`. `send` must reuse one Idempotency-Key, so a round after a lost answer replays the
 * stored case instead of making a second one.
 */
export async function sendWithRetries(
  send: () => Promise<Result<CaseCreated>>,
  signal: AbortSignal,
  delays: readonly number[],
  onWait: () => void,
): Promise<Result<CaseCreated>> {
  for (let round = 0; ; round++) {
    const result = await send();
    const wait = Math.max(delays[round] ?? Infinity, (result.error?.retryAfter ?? 0) * 1000);
    if (!result.error || signal.aborted || !TRANSIENT.test(result.error.code) || wait > 60_000) return result;
    onWait();
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, wait);
      signal.addEventListener('abort', () => resolve(clearTimeout(timer)));
    });
  }
}
