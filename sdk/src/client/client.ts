import * as v from 'valibot';
import {
  CaseCreatedSchema, CaseInputSchema, PublicConfigSchema,
  type CaseCreated, type CaseInput, type PublicConfig,
} from '../schemas/index.js';
import { retryPolicy } from './backoff.js';
import { fetchJson } from './fetch-json.js';
import { newIdempotencyKey } from './idempotency-key.js';
import { withRetry } from './retry.js';
import type { CallOptions, ClientOptions, Result, SubmitOptions } from './types.js';

/** The public (publishable-key) API of one tenant. */
export interface PublicClient {
  /**
   * `GET /v1/config`: the tenant's name, enabled case kinds, locales, current consent text per
   * locale (id, hash, text), privacy-statement URL and theme tokens.
   */
  getConfig(opts?: CallOptions): Promise<Result<PublicConfig>>;
  /**
   * `POST /v1/cases`: opens a case. The input is checked with `CaseInputSchema` first; when it
   * is invalid no request is sent and the error is `validation_failed` or `consent_required`
   * with per-field `errors`. Otherwise the input is sent as given (the server normalises it) with
   * one `Idempotency-Key` for every attempt, so retries never create a second case.
   */
  submitCase(input: CaseInput, opts?: SubmitOptions): Promise<Result<CaseCreated>>;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * A client for the public API, for browsers, Node and Workers (it uses only `fetch`,
 * `AbortController`, `setTimeout` and `crypto`). Calls never throw: they resolve to
 * `{ data }` or `{ error }`. Network errors, timeouts, 5xx, 429 and 409 `idempotency_in_flight`
 * are retried with full-jitter exponential backoff, honouring `Retry-After`.
 *
 * ```ts
 * const client = createClient({ publishableKey: 'pk_…', baseUrl: 'https://aftercare.example' });
 * const { data: config, error } = await client.getConfig();
 * ```
 */
export function createClient(opts: ClientOptions): PublicClient {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const policy = retryPolicy(opts.retry);
  const timeoutMs = opts.timeoutMs !== undefined && opts.timeoutMs > 0 ? opts.timeoutMs : DEFAULT_TIMEOUT_MS;
  const doFetch: typeof fetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const headers = (extra: Record<string, string>): Record<string, string> => ({
    accept: 'application/json, application/problem+json',
    authorization: `Bearer ${opts.publishableKey}`,
    ...(opts.origin ? { origin: opts.origin } : {}),
    ...extra,
  });

  const call = <T>(path: string, init: { method: string; headers: Record<string, string>; body?: string }, schema: v.GenericSchema<unknown, T>, signal?: AbortSignal) =>
    withRetry({
      attempt: () => fetchJson({ fetch: doFetch, url: `${base}${path}`, init, timeoutMs, signal }),
      schema,
      policy,
      timeoutMs,
      signal,
    });

  return {
    getConfig(callOpts = {}) {
      return call('/v1/config', { method: 'GET', headers: headers({}) }, PublicConfigSchema, callOpts.signal);
    },

    async submitCase(input, callOpts = {}) {
      const checked = v.safeParse(CaseInputSchema, input);
      if (!checked.success) {
        // Loaded only when needed: keeps the English texts out of the widget's download.
        const errors = (await import('../schemas/field-errors.js')).toFieldErrors(checked.issues);
        const consentMissing = errors.some((e) => e.path === 'consent' || e.path === 'consent.accepted');
        return {
          error: consentMissing
            ? { code: 'consent_required', message: 'Consent is required.', errors }
            : { code: 'validation_failed', message: 'The case has invalid fields.', errors },
        };
      }
      const init = {
        method: 'POST',
        headers: headers({ 'content-type': 'application/json', 'idempotency-key': callOpts.idempotencyKey ?? newIdempotencyKey() }),
        body: JSON.stringify(input),
      };
      return call('/v1/cases', init, CaseCreatedSchema, callOpts.signal);
    },
  };
}
