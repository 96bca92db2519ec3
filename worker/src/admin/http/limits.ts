/**
 * Body limits of the admin API (issue 9 item 2), checked by `bodyLimit` (body-limit.ts) before
 * CSRF and authentication. Every admin route takes at most DEFAULT_BODY_LIMIT bytes, except the
 * few below whose schemas allow more. Paths are relative to /v1/admin.
 *
 * Sizes are UTF-8 bytes of the JSON; a character of Dutch or English text is 1–3 bytes, an
 * escaped newline or quote 2. The largest 64 KB route is PUT /platform/profile: 2 × 8 000
 * characters of security measures + ~1 400 of contact fields ≈ 53 KB even at 3 bytes each.
 */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

type Larger = { method: string; path: RegExp; max: number };

const LARGER: readonly Larger[] = [
  // A processor agreement version: nl + en, each up to 30 000 characters (sdk/src/admin/agreement.ts) → ≤ 180 KB + escapes.
  { method: 'POST', path: /^\/platform-agreements\/?$/, max: 256 * 1024 },
  // A platform breach: up to 10 000 affected tenant ids of ≤ 64 characters (sdk/src/admin/breaches.ts) ≈ 670 KB + 3 × 4 000 characters of text.
  { method: 'POST', path: /^\/platform-breaches\/?$/, max: 1024 * 1024 },
  { method: 'PATCH', path: /^\/platform-breaches\/[^/]+\/?$/, max: 1024 * 1024 },
];

/** The most bytes a request body to `path` (under /v1/admin) may have. */
export function bodyLimitFor(method: string, path: string): number {
  return LARGER.find((l) => l.method === method && l.path.test(path))?.max ?? DEFAULT_BODY_LIMIT;
}
