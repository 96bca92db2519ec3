import { signatureHeader } from '../../../sdk/src/webhooks/signature.js';

export type SendResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/**
 * One delivery attempt: POST `body` to `url`, signed with `secret` at `nowMs`. 2xx = delivered.
 * Redirects are not followed (a 3xx is a failure: the tenant should configure the final URL,
 * and a redirect must not steer our request elsewhere). The receiver's answer body is never
 * read or stored. Errors are short codes: `http_<status>`, `timeout`, `network`.
 */
export async function sendWebhook(o: {
  fetch: typeof fetch; url: string; secret: string; id: string; body: string; nowMs: number; timeoutMs: number;
}): Promise<SendResult> {
  const timestamp = Math.floor(o.nowMs / 1000);
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
    const name = err instanceof Error ? err.name : '';
    return { ok: false, status: null, error: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network' };
  }
}
