import type { MiddlewareHandler } from 'hono';
import { adminCacheControl, adminPageHeaders, demoPageHeaders, widgetHeaders } from './headers.js';

/**
 * The Node host's `/admin` and `/admin/*`: the admin page's security headers on every response
 * (files, redirects and 404s alike). HSTS when `production` is set or the request came over https.
 */
export function adminPageHeadersMiddleware(o: { production?: boolean } = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const production = Boolean(o.production) || new URL(c.req.url).protocol === 'https:';
    for (const [name, value] of Object.entries(adminPageHeaders({ production }))) c.res.headers.set(name, value);
    c.res.headers.set('cache-control', c.res.status === 200 ? adminCacheControl(c.req.path) : 'no-store');
  };
}

/**
 * The Node host's `/demo/*` (strict CSP, nosniff) and `/widget/*` (nosniff) headers, on every
 * response; the same sets as the Workers `_headers` rules (headers.ts, publicHeaderLines).
 */
export function publicPageHeadersMiddleware(o: { production?: boolean } = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const production = Boolean(o.production) || new URL(c.req.url).protocol === 'https:';
    const headers = c.req.path.startsWith('/demo') ? demoPageHeaders({ production }) : widgetHeaders({ production });
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}
