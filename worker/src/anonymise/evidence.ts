/**
 * R10: what consent evidence (R5) keeps of a subject after erasure. The evidence must still
 * show that consent was given, when, to which text and on which site, but no longer point
 * at one person's connection or device.
 */

/** IPv4 → its /24 (last octet 0), IPv6 → its /48; anything unreadable → '' (removed). */
export function truncateIp(raw: string): string {
  const ip = raw.trim().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const v4 = parseIpv4(ip);
  if (v4) return `${v4[0]}.${v4[1]}.${v4[2]}.0`;
  const v6 = parseIpv6(ip);
  if (!v6) return '';
  // IPv4-mapped (::ffff:a.b.c.d): truncate the IPv4 address it carries.
  if (v6.slice(0, 5).every((x) => x === 0) && v6[5] === 0xffff) return `${v6[6]! >> 8}.${v6[6]! & 255}.${v6[7]! >> 8}.0`;
  const head = v6.slice(0, 3);
  while (head.length && head[head.length - 1] === 0) head.pop();
  return `${head.map((x) => x.toString(16)).join(':')}::`;
}

function parseIpv4(s: string): number[] | null {
  const m = s.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

/** Eight 16-bit groups, or null. Accepts `::` compression and a dotted IPv4 tail. */
function parseIpv6(s: string): number[] | null {
  if (!s.includes(':')) return null;
  let text = s;
  const tail: number[] = [];
  const dotted = text.match(/:(\d{1,3}(?:\.\d{1,3}){3})$/);
  if (dotted) {
    const v4 = parseIpv4(dotted[1]!);
    if (!v4) return null;
    tail.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
    text = text.slice(0, -dotted[1]!.length);
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const group = (h: string) => (h === '' ? [] : h.split(':'));
  const left = group(halves[0]!);
  const right = halves.length === 2 ? group(halves[1]!) : [];
  if (![...left, ...right].every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  const known = left.length + right.length + tail.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  const zeros = new Array<number>(8 - known).fill(0);
  return [...left.map((g) => parseInt(g, 16)), ...zeros, ...right.map((g) => parseInt(g, 16)), ...tail];
}

/** The browser family of a user agent (`Firefox`, `Chrome`, …) without version or platform; '' when unknown. */
export function browserFamily(ua: string): string {
  const rules: [RegExp, string][] = [
    [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
    [/\bOPR\/|\bOpera\b/, 'Opera'],
    [/\bSamsungBrowser\//, 'Samsung Internet'],
    [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
    [/\bCriOS\/|\bChrome\/|\bChromium\//, 'Chrome'],
    [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
  ];
  for (const [re, name] of rules) if (re.test(ua)) return name;
  return '';
}

/**
 * The page URL reduced to its origin (no path, query, fragment or credentials); null when
 * unreadable. The path can name the consumer (`/account/kees-markerman/orders`); the origin
 * still shows on which site consent was given.
 */
export function pageOrigin(raw: string | null): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw);
    if (!/^https?:$/.test(u.protocol)) return null;
    return u.origin;
  } catch {
    return null;
  }
}
