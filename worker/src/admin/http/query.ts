/** The query string as an object (last value wins). */
export function queryObject(url: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of new URL(url).searchParams) out[k] = val;
  return out;
}
