import type { FieldError } from '../../../../sdk/src/schemas/index.js';
import { targetRefusal, type RefusedReason } from '../../webhooks/target.js';

const MESSAGES = {
  invalid_url: 'Give an absolute URL without user name, password or #fragment, e.g. https://erp.example/aftercare-webhook.',
  https_required: 'Use https.',
  private_address: 'The URL must be reachable on the public internet: no localhost, local-network name, or loopback, private, link-local or reserved address.',
} as const;

/**
 * Checks a webhook URL when it is saved (the server POSTs there: it must not reach our own
 * network; worker/src/webhooks/target.ts, checked again at every send). Production is the
 * default: https to a public name or address only. `allowPrivate` is the explicit
 * development setting (`webhookPrivateTargets`, README "WEBHOOK_ALLOW_PRIVATE_TARGETS"):
 * then loopback/private targets and plain http to them are accepted. Whether a public name
 * RESOLVES to a private address is checked on Node only, after this (Deps.webhookHostCheck in
 * routes.ts) and at every send (webhooks/node-fetch.ts); Workers have no DNS API.
 */
export function webhookUrlErrors(raw: unknown, allowPrivate: boolean, path = 'url'): FieldError[] {
  if (typeof raw !== 'string' || !raw.trim()) return [];
  const reason = targetRefusal(raw, allowPrivate);
  return reason ? [urlFieldError(reason, path)] : [];
}

/** The field error for one refusal (also for the Node host's save-time DNS check). */
export function urlFieldError(reason: RefusedReason, path = 'url'): FieldError {
  return { path, code: reason, message: MESSAGES[reason] };
}
