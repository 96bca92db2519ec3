import * as v from 'valibot';
import { AdminProblemSchema, type AdminErrorCode, type ErrorCode, type FieldError } from '../schemas/index.js';
import { fetchJson } from '../client/fetch-json.js';
import { codeForStatus } from '../client/errors.js';

/** A failed admin call: a stable code (public or admin), English text for developers, field errors. */
export type AdminClientError = {
  code: ErrorCode | AdminErrorCode;
  status?: number;
  message: string;
  errors?: FieldError[];
  retryAfter?: number;
};
export type AdminResult<T> = { data: T; error?: undefined } | { data?: undefined; error: AdminClientError };

export type AdminClientOptions = {
  /** Where the API lives, without `/v1`, e.g. `https://aftercare.example` (the admin page passes `''`). */
  baseUrl: string;
  /**
   * An `sk_…` key for server-to-server use. Never put one in a web page: without a key the
   * client uses the browser's session cookie (the admin page) and sends the CSRF header.
   */
  apiKey?: string;
  fetch?: typeof fetch;
  /** Time limit of one request, in ms. Default 30000. */
  timeoutMs?: number;
};

export type Query = Record<string, string | number | boolean | null | undefined>;
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type CallOpts = { query?: Query; body?: unknown; signal?: AbortSignal };

/** What feature modules build their typed methods on. */
export type Transport = {
  /** A JSON call: resolves to the parsed body, or the problem document as a typed error. */
  json<T>(method: Method, path: string, opts?: CallOpts): Promise<AdminResult<T>>;
  /** A call whose body is not JSON (CSV, HTML print view): resolves to the text. */
  text(method: Method, path: string, opts?: CallOpts): Promise<AdminResult<{ text: string; contentType: string }>>;
  /** The absolute URL of an admin path with its query (for download links in the admin page). */
  url(path: string, query?: Query): string;
};

export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, val] of Object.entries(query)) if (val !== undefined && val !== null && val !== '') params.set(k, String(val));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function toError(status: number, json: unknown, headers: Headers): AdminClientError {
  const parsed = v.safeParse(AdminProblemSchema, json);
  const retry = Number(headers.get('retry-after'));
  const error: AdminClientError = parsed.success
    ? { code: parsed.output.code, status, message: parsed.output.detail ?? parsed.output.title }
    : { code: codeForStatus(status), status, message: `The server answered HTTP ${status}.` };
  if (parsed.success && parsed.output.errors) error.errors = parsed.output.errors;
  if (Number.isFinite(retry) && retry > 0) error.retryAfter = retry;
  return error;
}

/** The admin API's transport: `/v1/admin` + path, bearer key or cookie + CSRF header. No retries (writes are not idempotent). */
export function createTransport(o: AdminClientOptions): Transport {
  const base = `${o.baseUrl.replace(/\/$/, '')}/v1/admin`;
  const timeoutMs = o.timeoutMs ?? 30_000;
  const url = (path: string, query?: Query) => `${base}${path}${queryString(query)}`;
  const headersFor = (method: Method, body: unknown): Record<string, string> => {
    const h: Record<string, string> = { accept: 'application/json' };
    if (o.apiKey) h.authorization = `Bearer ${o.apiKey}`;
    else if (method !== 'GET') h['x-aftercare-csrf'] = '1';
    if (body !== undefined) h['content-type'] = 'application/json';
    return h;
  };
  const doFetch = (input: string, init: RequestInit) => (o.fetch ?? globalThis.fetch)(input, { ...init, credentials: o.apiKey ? 'omit' : 'same-origin' });
  return {
    url,
    async json<T>(method: Method, path: string, opts: CallOpts = {}) {
      const attempt = await fetchJson({
        fetch: doFetch as typeof fetch,
        url: url(path, opts.query),
        init: { method, headers: headersFor(method, opts.body), ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) },
        timeoutMs,
        signal: opts.signal,
      });
      if (attempt.kind === 'timeout') return { error: { code: 'timeout', message: 'The request timed out.' } };
      if (attempt.kind !== 'response') return { error: { code: 'network_error', message: attempt.kind === 'network' ? attempt.message : 'The request was aborted.' } };
      if (attempt.status >= 200 && attempt.status < 300) return { data: (attempt.json ?? null) as T };
      return { error: toError(attempt.status, attempt.json, attempt.headers) };
    },
    async text(method: Method, path: string, opts: CallOpts = {}) {
      try {
        const res = await doFetch(url(path, opts.query), {
          method,
          headers: { ...headersFor(method, opts.body), accept: '*/*' },
          ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
          signal: opts.signal,
        });
        const text = await res.text();
        if (res.ok) return { data: { text, contentType: res.headers.get('content-type') ?? '' } };
        let json: unknown;
        try { json = JSON.parse(text); } catch { json = undefined; }
        return { error: toError(res.status, json, res.headers) };
      } catch (err) {
        return { error: { code: 'network_error', message: err instanceof Error ? err.message : String(err) } };
      }
    },
  };
}
