import * as v from 'valibot';

/** Every error code the public API answers with, and what the client adds itself. */
export const API_ERROR_CODES = [
  'unauthorized', 'origin_not_allowed', 'invalid_json', 'unsupported_media_type', 'validation_failed',
  'consent_required', 'consent_mismatch', 'kind_not_enabled', 'idempotency_key_required',
  'idempotency_key_reused', 'idempotency_in_flight', 'payload_too_large', 'rate_limited',
  'not_found', 'method_not_allowed', 'internal',
] as const;
/** Codes only the admin API answers with (the widget never sees them). */
export const ADMIN_ERROR_CODES = [
  'forbidden', 'invalid_credentials', 'mfa_required', 'invalid_totp', 'session_expired', 'csrf_failed',
  'invalid_transition', 'conflict',
  'server_busy',
] as const;
export type AdminErrorCode = (typeof ADMIN_ERROR_CODES)[number];
export const CLIENT_ERROR_CODES = ['network_error', 'timeout', 'invalid_response'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
export type ErrorCode = ApiErrorCode | ClientErrorCode;

export const FieldErrorSchema = v.object({ path: v.string(), code: v.string(), message: v.string() });
export type FieldError = v.InferOutput<typeof FieldErrorSchema>;

/** RFC 9457 problem details with a stable `code` and per-field `errors`. */
export const ProblemSchema = v.object({
  type: v.string(),
  title: v.string(),
  status: v.number(),
  code: v.picklist(API_ERROR_CODES),
  detail: v.optional(v.string()),
  errors: v.optional(v.array(FieldErrorSchema)),
  retryAfter: v.optional(v.number()),
});
export type Problem = v.InferOutput<typeof ProblemSchema>;

/** Problem details from the admin API: the public codes plus the admin ones. */
export const AdminProblemSchema = v.object({
  ...ProblemSchema.entries,
  code: v.picklist([...API_ERROR_CODES, ...ADMIN_ERROR_CODES]),
});
export type AdminProblem = v.InferOutput<typeof AdminProblemSchema>;
