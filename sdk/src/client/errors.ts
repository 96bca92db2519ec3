import * as v from 'valibot';
import { ProblemSchema, type ApiErrorCode } from '../schemas/index.js';
import type { ClientError } from './types.js';

/** The code for an error answer whose body is not one of our problem documents (a proxy's page). */
export function codeForStatus(status: number): ClientError['code'] {
  const byStatus: Record<number, ApiErrorCode> = {
    401: 'unauthorized', 403: 'origin_not_allowed', 404: 'not_found', 405: 'method_not_allowed',
    413: 'payload_too_large', 415: 'unsupported_media_type', 422: 'validation_failed', 429: 'rate_limited',
  };
  if (byStatus[status]) return byStatus[status]!;
  return status >= 500 ? 'internal' : 'invalid_response';
}

/**
 * A non-2xx answer as a {@link ClientError}: the problem document's code, detail and field
 * errors when the body is one, otherwise a code by status. `retryAfterMs` (from the header,
 * or the body's `retryAfter`) becomes `retryAfter` in whole seconds.
 */
export function errorFromResponse(status: number, json: unknown, retryAfterMs: number | undefined): ClientError {
  const parsed = v.safeParse(ProblemSchema, json);
  const retryAfter = retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000);
  const error: ClientError = parsed.success
    ? { code: parsed.output.code, status, message: parsed.output.detail ?? parsed.output.title }
    : { code: codeForStatus(status), status, message: `The server answered HTTP ${status}.` };
  if (parsed.success && parsed.output.errors) error.errors = parsed.output.errors;
  if (retryAfter !== undefined) error.retryAfter = retryAfter;
  return error;
}

/** Retry-After in ms from the header, else from a problem body's `retryAfter` (seconds). */
export function retryAfterOf(headerMs: number | undefined, json: unknown): number | undefined {
  if (headerMs !== undefined) return headerMs;
  const seconds = (json as { retryAfter?: unknown } | null)?.retryAfter;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** Whether another attempt may succeed: 5xx, 429, and 409 while the same key is in flight. */
export function isRetryable(error: ClientError): boolean {
  const status = error.status ?? 0;
  return status >= 500 || status === 429 || (status === 409 && error.code === 'idempotency_in_flight');
}

export const abortedError = (): ClientError => ({ code: 'network_error', message: 'The request was aborted.' });
