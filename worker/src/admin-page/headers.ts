/**
 * R14: the security headers of the admin page (`/admin/*`), one table for both hosts: the Node
 * host sets them on every /admin response (worker/src/hosts/node.ts), and the build writes the
 * same set into the Workers `_headers` file (scripts/build-admin.mjs, from `adminHeaderLines`).
 *
 * The page needs no inline script or style: one module script and Lit's constructed stylesheets
 * (adoptedStyleSheets), which `style-src 'self'` allows.
 */
export const ADMIN_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export const HSTS = 'max-age=63072000; includeSubDomains';

/** Headers on every /admin/* response. HSTS only in production (or when served over https). */
export function adminPageHeaders(o: { production: boolean }): Record<string, string> {
  return {
    'content-security-policy': ADMIN_CSP,
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    ...(o.production ? { 'strict-transport-security': HSTS } : {}),
  };
}

/**
 * Caching: the HTML (and anything not versioned) is never stored, so a new build and a signed-out
 * page are never served from a cache; the hashed bundle never changes.
 */
export function adminCacheControl(pathname: string): string {
  return /\/admin-[A-Z0-9]{8,}\.js(\.map)?$/i.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-store';
}

/**
 * The same rules as lines of a Cloudflare `_headers` file. Workers Assets are always served over
 * https in production, so HSTS is included; the hashed bundle gets its own, later rule
 * (`! Cache-Control` detaches the page-wide no-store first).
 */
export function adminHeaderLines(bundleFile: string): string {
  const lines = ['/admin/*'];
  for (const [k, val] of Object.entries({ ...adminPageHeaders({ production: true }), 'cache-control': 'no-store' })) lines.push(`  ${canonical(k)}: ${val}`);
  lines.push(`/admin/${bundleFile}`, '  ! Cache-Control', '  Cache-Control: public, max-age=31536000, immutable');
  return `${lines.join('\n')}\n`;
}

/**
 * R14: the demo retailer's pages (`/demo/*`) share the admin's origin, so they get a strict CSP
 * too. They load only same-origin files: demo.css (+ hostile.css), the widget's module script
 * from /widget, sdk-demo.js and csp-watch.js, and call /v1 with fetch; the widget styles itself
 * with constructed stylesheets, which `style-src 'self'` allows (demo/public/strict-csp.html).
 * That is exactly the admin page's policy, so it is the same one.
 */
export const DEMO_CSP = ADMIN_CSP;

/** Headers on every /demo/* response (HSTS when served over TLS, as for the admin page). */
export function demoPageHeaders(o: { production: boolean }): Record<string, string> {
  return {
    'content-security-policy': DEMO_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    ...(o.production ? { 'strict-transport-security': HSTS } : {}),
  };
}

/** Headers on every /widget/* response: scripts loaded cross-origin must be taken for their declared type only. */
export function widgetHeaders(o: { production: boolean }): Record<string, string> {
  return { 'x-content-type-options': 'nosniff', ...(o.production ? { 'strict-transport-security': HSTS } : {}) };
}

/** The /demo/* and /widget/* rules of the Workers `_headers` file (always https there, so HSTS). */
export function publicHeaderLines(): string {
  const lines: string[] = [];
  for (const [rule, headers] of [['/demo/*', demoPageHeaders({ production: true })], ['/widget/*', widgetHeaders({ production: true })]] as const) {
    lines.push(rule);
    for (const [k, val] of Object.entries(headers)) lines.push(`  ${canonical(k)}: ${val}`);
  }
  return `${lines.join('\n')}\n`;
}

const canonical = (name: string) => name.replace(/(^|-)([a-z])/g, (_, dash: string, ch: string) => dash + ch.toUpperCase());
