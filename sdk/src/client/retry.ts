import * as v from 'valibot';
import { MAX_RETRY_AFTER_MS, nextDelay, parseRetryAfter } from './backoff.js';
import { abortedError, errorFromResponse, isRetryable, retryAfterOf } from './errors.js';
import type { Attempt } from './fetch-json.js';
import type { ClientError, Result, RetryOptions } from './types.js';

/** What one attempt means: a final result, or an error worth another attempt. */
type Step<T> = { final: Result<T> } | { retry: ClientError; retryAfterMs?: number };

function judge<T>(attempt: Attempt, schema: v.GenericSchema<unknown, T>, timeoutMs: number): Step<T> {
  switch (attempt.kind) {
    case 'aborted':
      return { final: { error: abortedError() } };
    case 'timeout':
      return { retry: { code: 'timeout', message: `No answer within ${timeoutMs} ms.` } };
    case 'network':
      return { retry: { code: 'network_error', message: `The request failed: ${attempt.message}` } };
  }
  const { status, json, headers } = attempt;
  if (status >= 200 && status < 300) {
    const parsed = v.safeParse(schema, json);
    if (parsed.success) return { final: { data: parsed.output } };
    return { final: { error: { code: 'invalid_response', status, message: 'The answer does not have the expected shape.' } } };
  }
  const retryAfterMs = retryAfterOf(parseRetryAfter(headers.get('retry-after'), Date.now()), json);
  const error = errorFromResponse(status, json, retryAfterMs);
  return isRetryable(error) ? { retry: error, retryAfterMs } : { final: { error } };
}

/** Resolves after `ms`, or early with false when `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export type RetryRun<T> = {
  /** Makes one attempt; called again, unchanged, for every retry. */
  attempt: () => Promise<Attempt>;
  /** The shape a 2xx body must have. */
  schema: v.GenericSchema<unknown, T>;
  policy: Required<RetryOptions>;
  timeoutMs: number;
  signal?: AbortSignal;
  random?: () => number;
};

/**
 * Runs attempts until one gives a final result or `policy.attempts` are spent; waits between
 * them with full-jitter backoff, at least the server's Retry-After. A Retry-After beyond
 * {@link MAX_RETRY_AFTER_MS} ends the call with that error at once.
 */
export async function withRetry<T>(run: RetryRun<T>): Promise<Result<T>> {
  for (let n = 0; ; n++) {
    const step = judge(await run.attempt(), run.schema, run.timeoutMs);
    if ('final' in step) return step.final;
    const { retry: error, retryAfterMs } = step;
    if (n + 1 >= run.policy.attempts) return { error };
    if (retryAfterMs !== undefined && retryAfterMs > MAX_RETRY_AFTER_MS) return { error };
    if (!(await sleep(nextDelay(n, run.policy, retryAfterMs, run.random), run.signal))) return { error: abortedError() };
  }
}
