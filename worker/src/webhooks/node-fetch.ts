import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { RefusedTargetError, parseIPv4, refusedAddress, targetRefusal } from './target.js';

/** Resolves a name to every address it has (default: the system resolver, as Node's own connect uses). */
export type Resolve = (hostname: string) => Promise<{ address: string; family: number }[]>;

const systemResolve: Resolve = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

/**
 * The Node host's fetch for webhook delivery (SSRF guard; README "Webhooks"). Before
 * connecting it checks the URL (target.ts), then resolves the name and refuses the request if
 * ANY address is loopback, private, link-local, reserved, IPv4-mapped, NAT64, 6to4, Teredo, …
 * (RefusedTargetError). The socket then connects to the address that was checked: the
 * `lookup` given to http(s).request answers with it, so there is no second resolution for a
 * DNS-rebinding answer to slip into. TLS SNI, certificate check and the Host header keep the
 * original name. No redirects are followed (http.request never does; a 3xx is returned as is).
 * Only what sendWebhook uses is supported: method, headers, string body, signal; the answer
 * body is discarded.
 *
 * `allowPrivate` is the development setting (WEBHOOK_ALLOW_PRIVATE_TARGETS): then nothing is
 * refused, for receivers on this machine.
 */
export function nodeWebhookFetch(o: { allowPrivate?: boolean; resolve?: Resolve } = {}): typeof fetch {
  const allowPrivate = o.allowPrivate === true;
  const lookup = guardedLookup(o);
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const refusal = targetRefusal(url.href, allowPrivate);
    if (refusal) throw new RefusedTargetError(refusal);
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === 'string' ? init.body : init.body == null ? undefined : (() => { throw new TypeError('nodeWebhookFetch: string bodies only'); })();
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const status = await new Promise<number>((resolveStatus, reject) => {
      const req = send(
        url,
        {
          method: init.method ?? 'GET',
          headers,
          lookup,
          // One connection per delivery: no pooled socket to an address checked for another request.
          agent: false,
          signal: init.signal ?? undefined,
        },
        (res) => {
          resolveStatus(res.statusCode ?? 0);
          res.resume();
          res.destroy();
        },
      );
      req.on('error', (err) => reject(err));
      req.end(body);
    });
    return new Response(null, { status: status >= 200 && status <= 599 ? status : 599 });
  }) as typeof fetch;
}

/**
 * The `lookup` the sockets use: resolves once, refuses when any address is not allowed
 * (outside development), and answers with the checked addresses only.
 */
export function guardedLookup(o: { allowPrivate?: boolean; resolve?: Resolve } = {}): LookupFunction {
  const allowPrivate = o.allowPrivate === true;
  const resolve = o.resolve ?? systemResolve;
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (all) => {
        const family = options.family === 6 ? 6 : options.family === 4 ? 4 : 0;
        const usable = all.filter((a) => !family || a.family === family);
        if (!usable.length) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
        if (!allowPrivate && all.some((a) => refusedAddress(a.address))) return callback(new RefusedTargetError('private_address'), '', 0);
        if (options.all) return (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, usable);
        callback(null, usable[0]!.address, usable[0]!.family);
      },
      (err: Error) => callback(err as NodeJS.ErrnoException, '', 0),
    );
  };
}

/**
 * The save-time check on Node (Deps.webhookHostCheck): resolves the name and refuses it when any
 * address is not allowed. A name that does not resolve (yet) passes: every send checks again.
 */
export function webhookHostCheck(o: { resolve?: Resolve } = {}): (hostname: string) => Promise<'private_address' | null> {
  const resolve = o.resolve ?? systemResolve;
  return async (hostname) => {
    const host = hostname.startsWith('[') || parseIPv4(hostname) ? undefined : hostname;
    if (!host) return null; // a literal: target.ts has checked it
    const all = await resolve(host).catch(() => []);
    return all.some((a) => refusedAddress(a.address)) ? 'private_address' : null;
  };
}
