import type { Context } from 'hono';
import type { AdminErrorCode, AdminProblem, ApiErrorCode as PublicErrorCode, FieldError } from '../../../sdk/src/schemas/index.js';

type ApiErrorCode = PublicErrorCode | AdminErrorCode;

const TITLES: Record<ApiErrorCode, string> = {
  unauthorized: 'Missing or unknown publishable key',
  origin_not_allowed: 'This origin may not use this key',
  invalid_json: 'The body is not valid JSON',
  unsupported_media_type: 'The body must be application/json',
  validation_failed: 'The request has invalid fields',
  consent_required: 'Consent is required',
  consent_mismatch: 'The consent does not match a text this tenant published',
  kind_not_enabled: 'This kind of case is not enabled for this tenant',
  idempotency_key_required: 'An Idempotency-Key header is required',
  idempotency_key_reused: 'This Idempotency-Key was used with a different request',
  idempotency_in_flight: 'A request with this Idempotency-Key is still being processed',
  payload_too_large: 'The body is larger than 64 KB',
  rate_limited: 'Too many requests',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  internal: 'Internal error',
  forbidden: 'Your role may not do this',
  invalid_credentials: 'Login code or password is wrong',
  mfa_required: 'A second factor (TOTP code) is required',
  invalid_totp: 'The TOTP code is wrong or was already used',
  session_expired: 'Your session has ended; sign in again',
  csrf_failed: 'Cross-site request refused',
  invalid_transition: 'This status change is not allowed',
  conflict: 'The request conflicts with the current state',
  server_busy: 'Too many password checks at once; try again shortly',
};

const STATUS: Record<ApiErrorCode, number> = {
  unauthorized: 401, origin_not_allowed: 403, invalid_json: 400, unsupported_media_type: 415,
  validation_failed: 422, consent_required: 422, consent_mismatch: 422, kind_not_enabled: 422,
  idempotency_key_required: 400, idempotency_key_reused: 422, idempotency_in_flight: 409,
  payload_too_large: 413, rate_limited: 429, not_found: 404, method_not_allowed: 405, internal: 500,
  forbidden: 403, invalid_credentials: 401, mfa_required: 401, invalid_totp: 401, session_expired: 401,
  csrf_failed: 403, invalid_transition: 409, conflict: 409,
  server_busy: 503,
};

export function problemBody(code: ApiErrorCode, extra: { detail?: string; errors?: FieldError[]; retryAfter?: number } = {}): AdminProblem {
  return {
    type: `https://aftercare.dev/problems/${code.replaceAll('_', '-')}`,
    title: TITLES[code],
    status: STATUS[code],
    code,
    ...extra,
  };
}

/** An RFC 9457 `application/problem+json` response with a stable `code`. */
export function problem(code: ApiErrorCode, extra: Parameters<typeof problemBody>[1] = {}, headers: Record<string, string> = {}): Response {
  const body = problemBody(code, extra);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

export type { Context };
