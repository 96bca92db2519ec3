import type { FieldError } from '../../../../sdk/src/schemas/index.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/** IPv4 literals in loopback, private, link-local (cloud metadata), CGNAT, "this network" or multicast/reserved ranges. */
function privateIPv4(host: string): boolean {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b < 128) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168) || a >= 224;
}

/** IPv6 literals (URL keeps the brackets) in loopback, unspecified, unique-local, link-local, or IPv4-mapped. */
function privateIPv6(host: string): boolean {
  if (!host.startsWith('[')) return false;
  const h = host.slice(1, -1).toLowerCase();
  return h === '::1' || h === '::' || /^f[cd]/.test(h) || /^fe[89ab]/.test(h) || h.startsWith('::ffff:');
}

/**
 * Checks a webhook URL: absolute https, no user:password, no fragment, not a private or
 * loopback IP literal (the server POSTs there: it must not reach our own network). Plain
 * http is allowed only to localhost / 127.0.0.1 outside production, for development.
 * Host names that RESOLVE to private addresses are not caught here (no DNS on Workers).
 */
export function webhookUrlErrors(raw: unknown, production: boolean, path = 'url'): FieldError[] {
  if (typeof raw !== 'string' || !raw.trim()) return [];
  const err = (code: string, message: string): FieldError[] => [{ path, code, message }];
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return err('invalid_url', 'Give an absolute URL, e.g. https://erp.example/aftercare-webhook.');
  }
  if (u.username || u.password || u.hash) return err('invalid_url', 'The URL may not hold a user name, password or #fragment.');
  const host = u.hostname.toLowerCase();
  if (u.protocol === 'http:') {
    return !production && LOCAL_HOSTS.has(host) ? [] : err('https_required', 'Use https (plain http only to localhost or 127.0.0.1 during development).');
  }
  if (u.protocol !== 'https:') return err('https_required', 'Use https.');
  const local = LOCAL_HOSTS.has(host);
  if ((local && production) || (!local && (privateIPv4(host) || privateIPv6(host)))) return err('private_address', 'The URL must be reachable on the public internet.');
  return [];
}
