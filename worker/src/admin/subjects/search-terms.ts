import { EU_COUNTRIES, normalizePostcode } from '../../../../sdk/src/schemas/postcode.js';
import { normalizePhone } from '../../../../sdk/src/schemas/phone.js';

/** One reading of a name query: a last-name prefix (in the casings to try) and maybe a first-name prefix. */
export type NameTerm = { lastPrefixes: string[]; firstPrefix?: string };

/** What a subject search looks for; every term is answered by an index on subjects(tenant_id, …). */
export type SearchTerms = { email?: string; phones: string[]; postcodes: string[]; names: NameTerm[] };

const unique = <T>(xs: T[]) => [...new Set(xs)];
const MAX_TOKENS = 5;
/** Dutch/Flemish/German name particles, written in lower case inside a name ("Jan de Vries"). */
const PARTICLES = new Set(['de', 'den', 'der', 'van', 'von', 'het', "'t", 'te', 'ten', 'ter', 'in', 'op', 'la', 'le', 'du', 'des', 'zu', 'vom']);

const cap = (w: string) => (w ? w[0]!.toUpperCase() + w.slice(1) : w);

/**
 * The casings of a last-name prefix to look up. The index is binary (case-sensitive), so a
 * prefix is tried as typed, in lower case, capitalised, in title case, with particles in lower
 * case ("de Vries"), and in upper case.
 */
export function casings(prefix: string): string[] {
  const words = prefix.split(' ');
  return unique([
    prefix,
    prefix.toLowerCase(),
    cap(prefix),
    words.map((w) => cap(w.toLowerCase())).join(' '),
    words.map((w, i) => (i < words.length - 1 && PARTICLES.has(w.toLowerCase()) ? w.toLowerCase() : cap(w.toLowerCase()))).join(' '),
    cap(words.map((w) => (PARTICLES.has(w.toLowerCase()) ? w.toLowerCase() : cap(w.toLowerCase()))).join(' ')),
    prefix.toUpperCase(),
  ]);
}

/**
 * Reads a search query: an email (contains `@`, matched exactly, lower-cased), a phone
 * number (normalised to E.164 as the intake stores it, for every EU country a national
 * number could belong to), a postcode (normalised per country), or a name: the whole query
 * as a last-name prefix, and each split "first … | last …" ("Jan | de Vries").
 */
export function searchTerms(raw: string): SearchTerms {
  const q = raw.trim().replace(/\s+/g, ' ');
  const terms: SearchTerms = { phones: [], postcodes: [], names: [] };
  if (!q) return terms;
  if (q.includes('@')) return { ...terms, email: q.toLowerCase() };
  if (/\d/.test(q)) {
    if (/^[+\d\s().\-/]+$/.test(q) && (q.match(/\d/g) ?? []).length >= 6) {
      terms.phones = unique(EU_COUNTRIES.map((c) => normalizePhone(q, c)).filter((p): p is string => p !== null));
    }
    terms.postcodes = unique(EU_COUNTRIES.map((c) => normalizePostcode(q, c)).filter((p): p is string => p !== null));
    return terms;
  }
  const tokens = q.split(' ').slice(0, MAX_TOKENS);
  terms.names.push({ lastPrefixes: casings(tokens.join(' ')) });
  for (let i = 1; i < tokens.length; i++) {
    terms.names.push({ firstPrefix: tokens.slice(0, i).join(' '), lastPrefixes: casings(tokens.slice(i).join(' ')) });
  }
  return terms;
}

/** The smallest string greater than every string starting with `prefix` (for an index range). */
export function prefixEnd(prefix: string): string {
  const cps = Array.from(prefix);
  const last = cps.pop()!;
  return cps.join('') + String.fromCodePoint(last.codePointAt(0)! + 1);
}
