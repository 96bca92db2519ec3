import type { AdminClientError, AdminResult } from '../../../sdk/src/admin-client/index.js';
import { NL, type MessageKey } from '../i18n/index.js';
import { store } from './store.js';

/** A person's text for a failed call: the code's own text, else a generic one naming the code. */
export function errorText(error: AdminClientError): string {
  if (error.code === 'rate_limited') return error.retryAfter ? store.t('err_rate_limited', { seconds: error.retryAfter }) : store.t('err_rate_limited_plain');
  const key = `err_${error.code}`;
  return key in NL ? store.t(key as MessageKey) : store.t('err_other', { code: error.code });
}

/** Per-field texts by dot path (`subject.email`), translated by code. */
export function fieldErrors(error: AdminClientError | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of error?.errors ?? []) {
    const key = `field_${e.code}`;
    out[e.path] ??= key in NL ? store.t(key as MessageKey) : store.t('field_other');
  }
  return out;
}

/**
 * Every call the page makes goes through here: a session that ended (expired, revoked, or the
 * server no longer knows it) sends the page back to sign-in with a message.
 */
export async function call<T>(p: Promise<AdminResult<T>>): Promise<AdminResult<T>> {
  const r = await p;
  if (r.error && store.me && (r.error.code === 'session_expired' || r.error.code === 'unauthorized')) {
    store.signedOut('err_session_expired');
  }
  return r;
}
