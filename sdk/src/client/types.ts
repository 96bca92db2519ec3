import type { ErrorCode, FieldError } from '../schemas/index.js';

/**
 * What every client call resolves to: the data, or a typed error. Calls never throw
 * for HTTP, network or validation failures; check `error` first.
 *
 * ```ts
 * const { data, error } = await client.submitCase(input);
 * if (error) showMessage(error.code); else showReference(data.reference);
 * ```
 */
export type Result<T> = { data: T; error?: undefined } | { data?: undefined; error: ClientError };

/**
 * A failed call. `code` is stable (translate it for people); `message` is English text for
 * developers. `status` is the HTTP status when the server answered. `errors` lists per-field
 * problems (`validation_failed`, `consent_required`). `retryAfter` is in seconds, when the
 * server said when to try again (429, 409 in flight, 503).
 */
export type ClientError = {
  code: ErrorCode;
  status?: number;
  message: string;
  errors?: FieldError[];
  retryAfter?: number;
};

/** Bounded retries with full-jitter exponential backoff. */
export type RetryOptions = {
  /** Total attempts, the first included. Default 4; 1 disables retries. */
  attempts?: number;
  /** Backoff base: attempt n (from 0) waits a random time in [0, min(maxDelayMs, baseDelayMs · 2ⁿ)). Default 300. */
  baseDelayMs?: number;
  /** Upper bound of one backoff wait. Default 8000. */
  maxDelayMs?: number;
};

/** Options of {@link createClient}. */
export type ClientOptions = {
  /** The tenant's publishable key, `pk_…`. Safe to ship in a web page. */
  publishableKey: string;
  /** Where the API lives, without `/v1`, e.g. `https://aftercare.example`. */
  baseUrl: string;
  /**
   * Sent as the `Origin` header. Browsers set `Origin` themselves (and ignore this); from Node
   * or a Worker pass one of the key's allowed origins, or the server answers 403.
   */
  origin?: string;
  /** The fetch to use. Default `globalThis.fetch`, looked up at call time. */
  fetch?: typeof fetch;
  /** Time limit of one attempt (until the whole body is read), in ms. Default 15000. */
  timeoutMs?: number;
  /** Retry policy; see {@link RetryOptions}. */
  retry?: RetryOptions;
};

/** Options of a single call. */
export type CallOptions = {
  /**
   * Aborting stops the call at once (during a request or while waiting to retry); the call
   * then resolves to `{ error: { code: 'network_error' } }`. Check `signal.aborted` to tell an
   * abort from a network failure.
   */
  signal?: AbortSignal;
};

/** Options of {@link PublicClient.submitCase}. */
export type SubmitOptions = CallOptions & {
  /**
   * Sent as `Idempotency-Key` on every attempt of this call. Default: a new random UUID per
   * call. Pass your own (and keep it) to retry the same submission later without creating a
   * second case, e.g. after the user presses "try again".
   */
  idempotencyKey?: string;
};
