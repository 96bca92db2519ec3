/**
 * The unit an IP-based limit counts (sign-in throttle R13, intake rate limit): an IPv4 address,
 * or an IPv6 /64. One subscriber usually holds a whole /64, so counting single IPv6 addresses
 * would let one client rotate through 2^64 addresses and never meet a limit.
 *
 * - IPv4 `203.0.113.7` → `203.0.113.7` (leading zeros dropped: `203.000.113.007` is the same).
 * - IPv4-mapped IPv6 (`::ffff:203.0.113.7`, also written out or in hex) → the IPv4 address.
 * - IPv6 → its first four groups, lower-case hex without leading zeros, `2001:db8:0:0::/64`;
 *   compressed and expanded forms, upper case, a zone id (`fe80::1%eth0`) or brackets
 *   (`[2001:db8::1]`) give the same bucket.
 * - Anything else (`unknown` from a host that saw no address, garbage from a proxy header) →
 *   `unknown`: all of it shares one bucket, so malformed addresses cannot mint fresh buckets.
 */
export function ipBucket(ip: string): string {
  const s = ip.trim().replace(/^\[(.*)\]$/, '$1');
  const v4 = ipv4(s);
  if (v4) return v4;
  const groups = ipv6Groups(s.replace(/%[^%]*$/, ''));
  if (!groups) return UNKNOWN;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

const UNKNOWN = 'unknown';

function ipv4(s: string): string | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((n) => n <= 255) ? parts.join('.') : null;
}

/** The eight 16-bit groups of an IPv6 address (an IPv4 tail counts as two), or null. */
function ipv6Groups(input: string): number[] | null {
  let s = input;
  if (s.includes('.')) {
    const cut = s.lastIndexOf(':');
    const tail = ipv4(s.slice(cut + 1));
    if (cut < 0 || !tail) return null;
    const [a, b, c, d] = tail.split('.').map(Number) as [number, number, number, number];
    s = `${s.slice(0, cut + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const split = (x: string) => (x === '' ? [] : x.split(':'));
  const head = split(halves[0]!);
  const tail = halves.length === 2 ? split(halves[1]!) : [];
  if (![...head, ...tail].every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  return [...head, ...Array<string>(missing).fill('0'), ...tail].map((g) => parseInt(g, 16));
}
