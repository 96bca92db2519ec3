/**
 * Postcode formats of the EU member states (R2: address is part of the minimal data set).
 * Each entry normalises what a person typed (case, spaces, optional country prefix)
 * and says whether the result is a valid postcode of that country.
 */
export const EU_COUNTRIES = [
  'NL', 'BE', 'DE', 'FR', 'LU', 'AT', 'DK', 'ES', 'IT', 'PT', 'PL', 'SE', 'FI', 'IE', 'CZ', 'SK',
  'HU', 'SI', 'HR', 'RO', 'BG', 'GR', 'CY', 'MT', 'LT', 'LV', 'EE',
] as const;
export type Country = (typeof EU_COUNTRIES)[number];

type Rule = { pattern: RegExp; format: (m: RegExpMatchArray) => string };

const digits = (n: number): Rule => ({
  pattern: new RegExp(`^(\\d{${n}})$`),
  format: (m) => m[1]!,
});
const split = (a: number, b: number, sep: string): Rule => ({
  pattern: new RegExp(`^(\\d{${a}})[ -]?(\\d{${b}})$`),
  format: (m) => `${m[1]}${sep}${m[2]}`,
});

const RULES: Record<Country, Rule> = {
  // 1234 AB; letter pairs SA, SD and SS are never issued.
  NL: { pattern: /^([1-9]\d{3}) ?(?!SA|SD|SS)([A-Z]{2})$/, format: (m) => `${m[1]} ${m[2]}` },
  BE: digits(4), DE: digits(5), FR: digits(5), AT: digits(4), DK: digits(4), ES: digits(5),
  IT: digits(5), FI: digits(5), HR: digits(5), RO: digits(6), BG: digits(4), CY: digits(4),
  SI: digits(4), HU: digits(4), EE: digits(5), LU: { pattern: /^(?:L-?)?(\d{4})$/, format: (m) => `L-${m[1]}` },
  LT: { pattern: /^(?:LT-?)?(\d{5})$/, format: (m) => `LT-${m[1]}` },
  LV: { pattern: /^(?:LV-?)?(\d{4})$/, format: (m) => `LV-${m[1]}` },
  PT: split(4, 3, '-'), PL: split(2, 3, '-'), SE: split(3, 2, ' '), CZ: split(3, 2, ' '),
  SK: split(3, 2, ' '), GR: split(3, 2, ' '),
  MT: { pattern: /^([A-Z]{3}) ?(\d{4})$/, format: (m) => `${m[1]} ${m[2]}` },
  IE: { pattern: /^([AC-FHKNPRTV-Y]\d{2}|D6W) ?([0-9AC-FHKNPRTV-Y]{4})$/, format: (m) => `${m[1]} ${m[2]}` },
};

/** Normalised postcode, or null when `raw` is not a postcode of `country`. */
export function normalizePostcode(raw: string, country: string): string | null {
  const rule = RULES[country as Country];
  if (!rule) return null;
  const cleaned = raw.trim().toUpperCase().replace(/\s+/g, ' ');
  const m = cleaned.match(rule.pattern);
  return m ? rule.format(m) : null;
}
