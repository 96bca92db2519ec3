/**
 * Where the server may POST webhooks (SSRF guard, README "Webhooks"). Platform-neutral: no
 * DNS here. Used when the URL is saved (admin/webhooks/url.ts) and again before every send
 * (send.ts). The Node host also resolves the name and checks every address it gets
 * (node-fetch.ts), then connects to that checked address.
 *
 * On Workers only this literal/name check runs: a Worker has no DNS resolution API and
 * cannot choose the address it connects to, so a public name that resolves to a private
 * address is not caught here; Cloudflare's network does not route a Worker's fetch to
 * private (RFC 1918, loopback, link-local) addresses, which is what protects it there.
 */

/** Why a target is refused: a short code, stored as the delivery's `last_error` (`refused_<reason>`). */
export type RefusedReason = 'private_address' | 'https_required' | 'invalid_url';

export class RefusedTargetError extends Error {
  override name = 'RefusedTargetError';
  constructor(readonly reason: RefusedReason, message = `webhook target refused: ${reason}`) {
    super(message);
  }
}

/** Dotted-decimal IPv4 → 4 bytes; undefined for anything else. */
export function parseIPv4(s: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const b = m.slice(1).map(Number);
  return b.every((x) => x <= 255) ? b : undefined;
}

/** An IPv6 literal (no brackets, no zone) → 16 bytes; undefined when it is not one. */
export function parseIPv6(s: string): number[] | undefined {
  if (!/^[0-9a-f:.]+$/i.test(s) || s.split('::').length > 2) return undefined;
  let tail: number[] = [];
  let text = s;
  const v4 = /(?:^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const b = parseIPv4(v4[1]!);
    if (!b) return undefined;
    tail = [(b[0]! << 8) | b[1]!, (b[2]! << 8) | b[3]!];
    text = s.slice(0, s.length - v4[1]!.length);
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  }
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const [head, rest] = text.split('::') as [string, string | undefined];
  const h = groups(head);
  const r = rest === undefined ? [] : groups(rest);
  if ([...h, ...r].some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  const missing = 8 - tail.length - h.length - r.length;
  if (rest === undefined ? missing !== 0 : missing < 1) return undefined;
  const words = [...h.map((g) => parseInt(g, 16)), ...Array<number>(rest === undefined ? 0 : missing).fill(0), ...r.map((g) => parseInt(g, 16)), ...tail];
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}

const inV4 = (b: number[], net: [number, number, number, number], bits: number) => {
  for (let i = 0; i < 4; i++) {
    const maskBits = Math.max(0, Math.min(8, bits - i * 8));
    const mask = (0xff << (8 - maskBits)) & 0xff;
    if ((b[i]! & mask) !== (net[i]! & mask)) return false;
  }
  return true;
};

/** IPv4 ranges never reachable as a webhook target (IANA special-purpose registry). */
const V4_REFUSED: [[number, number, number, number], number][] = [
  [[0, 0, 0, 0], 8], // "this network", unspecified
  [[10, 0, 0, 0], 8], // RFC 1918
  [[100, 64, 0, 0], 10], // CGNAT
  [[127, 0, 0, 0], 8], // loopback
  [[169, 254, 0, 0], 16], // link-local (cloud metadata)
  [[172, 16, 0, 0], 12], // RFC 1918
  [[192, 0, 0, 0], 24], // IETF protocol assignments
  [[192, 0, 2, 0], 24], // TEST-NET-1
  [[192, 88, 99, 0], 24], // 6to4 relay anycast
  [[192, 168, 0, 0], 16], // RFC 1918
  [[198, 18, 0, 0], 15], // benchmarking
  [[198, 51, 100, 0], 24], // TEST-NET-2
  [[203, 0, 113, 0], 24], // TEST-NET-3
  [[224, 0, 0, 0], 4], // multicast
  [[240, 0, 0, 0], 4], // reserved, and 255.255.255.255 broadcast
];

/** True when a 4-byte IPv4 address is in a refused range. */
export function refusedIPv4(b: number[]): boolean {
  return V4_REFUSED.some(([net, bits]) => inV4(b, net, bits));
}

/**
 * True when a 16-byte IPv6 address is refused. Only global unicast (2000::/3) may pass, and
 * within it not the ranges that embed or tunnel to IPv4 or are not routed: Teredo and the
 * other IETF assignments (2001::/23), documentation (2001:db8::/32, 3fff::/20), 6to4
 * (2002::/16). Everything else — unspecified, loopback, IPv4-mapped/compatible (::/96,
 * ::ffff:0:0/96), NAT64 (64:ff9b::/96, 64:ff9b:1::/48), discard, ULA fc00::/7, link-local
 * fe80::/10, multicast ff00::/8 — lies outside 2000::/3.
 */
export function refusedIPv6(b: number[]): boolean {
  if ((b[0]! & 0xe0) !== 0x20) return true;
  const w0 = (b[0]! << 8) | b[1]!;
  const w1 = (b[2]! << 8) | b[3]!;
  if (w0 === 0x2001 && w1 < 0x0200) return true; // 2001::/23
  if (w0 === 0x2001 && w1 === 0x0db8) return true;
  if (w0 === 0x2002) return true;
  if (w0 === 0x3fff && w1 < 0x1000) return true;
  return false;
}

/** True when `ip` (an IPv4 or IPv6 literal, as a resolver returns it) may not be a webhook target; unparsable counts as refused. */
export function refusedAddress(ip: string): boolean {
  const v4 = parseIPv4(ip);
  if (v4) return refusedIPv4(v4);
  const v6 = parseIPv6(ip.replace(/%.*$/, ''));
  return v6 ? refusedIPv6(v6) : true;
}

/** Names that only ever mean this machine or a local network, never the public internet. */
function localName(host: string): boolean {
  const h = host.replace(/\.$/, '');
  // A single label ("intranet", "localhost") is completed by the resolver's search domains.
  if (!h.includes('.')) return true;
  return /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa|localdomain)$/.test(h);
}

/**
 * What kind of host a parsed URL names. The WHATWG URL parser (Node and Workers alike) has
 * already rewritten integer, hex and octal IPv4 forms (`2130706433`, `0x7f.1`, `0177.1`) to
 * dotted decimal and compressed IPv6, so those are checked as the address they mean.
 */
export function classifyHost(hostname: string): { kind: 'ip'; refused: boolean } | { kind: 'name'; local: boolean } {
  const host = hostname.toLowerCase();
  if (host.startsWith('[')) {
    const b = parseIPv6(host.slice(1, -1));
    return { kind: 'ip', refused: !b || refusedIPv6(b) };
  }
  const v4 = parseIPv4(host);
  if (v4) return { kind: 'ip', refused: refusedIPv4(v4) };
  // Numeric-looking last labels that the parser did not turn into an address: never a public name.
  const last = host.replace(/\.$/, '').split('.').pop() ?? '';
  if (/^(0x[0-9a-f]*|\d+)$/.test(last)) return { kind: 'ip', refused: true };
  return { kind: 'name', local: localName(host) };
}

/**
 * Checks a webhook target before it is saved or sent to. `allowPrivate` is the explicit
 * development setting (AppConfig.webhookPrivateTargets / WEBHOOK_ALLOW_PRIVATE_TARGETS):
 * then loopback, private and local names are allowed, and plain http to them. Otherwise
 * (production, the default) only https to a public name or address.
 */
export function targetRefusal(raw: string, allowPrivate: boolean): RefusedReason | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return 'invalid_url';
  }
  if (u.username || u.password || u.hash) return 'invalid_url';
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'https_required';
  const c = classifyHost(u.hostname);
  const local = c.kind === 'ip' ? c.refused : c.local;
  if (local && !allowPrivate) return 'private_address';
  if (u.protocol === 'http:' && !(local && allowPrivate)) return 'https_required';
  return null;
}
