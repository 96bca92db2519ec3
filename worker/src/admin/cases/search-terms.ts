import { EU_COUNTRIES, normalizePostcode } from '../../../../sdk/src/schemas/postcode.js';

/**
 * What a search text `q` can mean. Every meaning that fits is tried (a text such as `1234ab`
 * is both a possible postcode and a possible serial number); each maps to an indexed lookup.
 */
export type SearchTerms = {
  /** `K7P2-9QXD`: upper case, dash in the middle. */
  reference?: string;
  /** Lower case, exact (the intake stores emails lower case). */
  email?: string;
  /** Every normalised form the text has as a postcode of some EU country (`1234ab` → `1234 AB`). */
  postcodes: string[];
  /** As typed and upper case, exact. */
  serials: string[];
  /** Last-name prefixes (with the case variants to look up), optionally with a first-name prefix. */
  names: { last: string[]; first?: string }[];
};

const REF = /^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$/;
const SERIAL = /^[\w\-./ ]{1,80}$/;
const NAME = /^[\p{L}][\p{L}\p{M}' .-]*$/u;

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/**
 * The spellings of a last-name prefix to look up in the (case-sensitive) index: as typed, and
 * each word lower case, Capitalised or UPPER case (`de vries` finds `de Vries`, `De Vries`, `DE VRIES`).
 * Mixed case inside a word (`McDonald`) is found when typed so, or by a shorter prefix (`mc`).
 */
export function nameVariants(prefix: string): string[] {
  const words = prefix.split(' ');
  const out = new Set<string>([prefix]);
  if (words.length > 3) {
    for (const f of [(w: string) => w.toLowerCase(), cap, (w: string) => w.toUpperCase()]) out.add(words.map(f).join(' '));
    return [...out];
  }
  let acc = [''];
  for (const [i, w] of words.entries()) {
    const forms = [...new Set([w.toLowerCase(), cap(w), w.toUpperCase()])];
    acc = acc.flatMap((a) => forms.map((f) => (i === 0 ? f : `${a} ${f}`)));
  }
  for (const a of acc) out.add(a);
  return [...out];
}

export function searchTerms(raw: string): SearchTerms {
  const q = raw.trim().replace(/\s+/g, ' ');
  const terms: SearchTerms = { postcodes: [], serials: [], names: [] };
  if (!q) return terms;
  if (q.includes('@')) {
    terms.email = q.toLowerCase();
    return terms;
  }
  const ref = q.toUpperCase().replace(/[\s-]/g, '');
  if (REF.test(ref)) terms.reference = `${ref.slice(0, 4)}-${ref.slice(4)}`;
  terms.postcodes = [...new Set(EU_COUNTRIES.map((c) => normalizePostcode(q, c)).filter((p): p is string => p !== null))];
  if (SERIAL.test(q)) terms.serials = [...new Set([q, q.toUpperCase()])];
  if (NAME.test(q) && q.length >= 2) {
    terms.names.push({ last: nameVariants(q) });
    const words = q.split(' ');
    for (let k = 1; k < words.length && k <= 3; k++) {
      terms.names.push({ first: words.slice(0, k).join(' '), last: nameVariants(words.slice(k).join(' ')) });
    }
  }
  return terms;
}
