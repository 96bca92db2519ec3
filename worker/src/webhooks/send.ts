import { signatureHeader } from '../../../sdk/src/webhooks/signature.js';
import { RefusedTargetError, targetRefusal } from './target.js';

/** `refused: true`: the target is not allowed (target.ts); retrying cannot help, the delivery fails at once. */
export type SendResult = { ok: true; status: number } | { ok: false; status: number | null; error: string; refused?: true };

/**
 * One delivery attempt: POST `body` to `url`, signed with `secret` at `nowMs`. 2xx = delivered.
 * Redirects are not followed (a 3xx is a failure: the tenant should configure the final URL,
 * and a redirect must not steer our request elsewhere). The receiver's answer body is never
 * read or stored. Errors are short codes: `http_<status>`, `timeout`, `network`, and
 * `refused_<reason>` when the target is not allowed: checked here before every send (the URL
 * was checked when saved, but the rules or the setting may have changed since), and by the
 * Node host's fetch after resolving the name (node-fetch.ts throws RefusedTargetError).
 * `allowPrivate` is the explicit development setting (target.ts); production is the default.
 */
export async function sendWebhook(o: {
  fetch: typeof fetch; url: string; secret: string; id: string; body: string; nowMs: number; timeoutMs: number; allowPrivate?: boolean;
}): Promise<SendResult> {
  const timestamp = Math.floor(o.nowMs / 1000);
  const refusal = targetRefusal(o.url, o.allowPrivate === true);
  if (refusal) return { ok: false, status: null, error: `refused_${refusal}`, refused: true };
  try {
    const res = await o.fetch(o.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(o.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Aftercare-Webhooks/1',
        'aftercare-webhook-id': o.id,
        'aftercare-webhook-timestamp': String(timestamp),
        'aftercare-signature': await signatureHeader(o.secret, timestamp, o.body),
      },
      body: o.body,
    });
    await res.body?.cancel().catch(() => undefined);
    return res.status >= 200 && res.status < 300 ? { ok: true, status: res.status } : { ok: false, status: res.status, error: `http_${res.status}` };
  } catch (err) {
    if (err instanceof RefusedTargetError) return { ok: false, status: null, error: `refused_${err.reason}`, refused: true };
    // undici wraps connect errors (our lookup's) in a TypeError's cause.
    const cause = err instanceof Error ? err.cause : undefined;
    if (cause instanceof RefusedTargetError) return { ok: false, status: null, error: `refused_${cause.reason}`, refused: true };
    const name = err instanceof Error ? err.name : '';
    return { ok: false, status: null, error: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network' };
  }
}
