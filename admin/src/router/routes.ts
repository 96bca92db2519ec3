/**
 * Hash routing: `/admin/#/cases/019…?status=new`. The page is one HTML file at /admin/, so deep
 * links survive a reload on both hosts without any server-side fallback.
 */
export type RouteName = 'home' | 'sign-in' | 'cases' | 'case' | 'subjects' | 'subject' | 'settings' | 'logs' | 'tenants' | 'account' | 'privacy' | 'notices' | 'agreement' | 'platform' | 'not-found';
export type Route = { name: RouteName; params: Record<string, string>; query: URLSearchParams };

const PATTERNS: [RouteName, RegExp, string[]][] = [
  ['sign-in', /^\/sign-in$/, []],
  ['cases', /^\/cases$/, []],
  ['case', /^\/cases\/([^/]+)$/, ['id']],
  ['subjects', /^\/subjects$/, []],
  ['subject', /^\/subjects\/([^/]+)$/, ['id']],
  ['settings', /^\/settings(?:\/([a-z-]+))?$/, ['tab']],
  ['logs', /^\/logs(?:\/([a-z-]+))?$/, ['tab']],
  ['tenants', /^\/tenants$/, []],
  ['account', /^\/account$/, []],
  ['privacy', /^\/privacy(?:\/([a-z-]+))?$/, ['tab']],
  ['notices', /^\/notices$/, []],
  ['agreement', /^\/agreement$/, []],
  ['platform', /^\/platform(?:\/([a-z-]+))?$/, ['tab']],
];

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', search = ''] = raw.split('?');
  const query = new URLSearchParams(search);
  for (const [name, re, keys] of PATTERNS) {
    const m = re.exec(path);
    if (m) {
      const params: Record<string, string> = {};
      keys.forEach((k, i) => m[i + 1] && (params[k] = decodeURIComponent(m[i + 1]!)));
      return { name, params, query };
    }
  }
  return { name: path === '/' ? 'home' : 'not-found', params: {}, query };
}

/** `#/cases/abc?x=1` for links. */
export function href(path: string, query?: Record<string, string | undefined> | URLSearchParams): string {
  const q = query instanceof URLSearchParams ? query : new URLSearchParams(Object.entries(query ?? {}).filter((e): e is [string, string] => !!e[1]));
  const s = q.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

export function navigate(path: string, query?: Record<string, string | undefined> | URLSearchParams, replace = false) {
  const target = href(path, query);
  if (replace) history.replaceState(null, '', target), window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = target;
}
