import type { Country } from './postcode.js';

/** International calling codes of the EU member states. */
const CALLING: Record<Country, string> = {
  NL: '31', BE: '32', DE: '49', FR: '33', LU: '352', AT: '43', DK: '45', ES: '34', IT: '39',
  PT: '351', PL: '48', SE: '46', FI: '358', IE: '353', CZ: '420', SK: '421', HU: '36', SI: '386',
  HR: '385', RO: '40', BG: '359', GR: '30', CY: '357', MT: '356', LT: '370', LV: '371', EE: '372',
};
/** Countries whose national numbers start with a trunk 0 that is dropped internationally. */
const TRUNK_ZERO = new Set<Country>(['NL', 'BE', 'DE', 'FR', 'AT', 'SE', 'FI', 'IE', 'SI', 'HR', 'RO', 'BG', 'HU', 'SK', 'CZ']);

/**
 * Normalises a phone number to E.164 (`+31612345678`), reading a national number
 * (`06-12345678`) in the subject's country. Null when it cannot be a phone number.
 */
export function normalizePhone(raw: string, country: string): string | null {
  let s = raw.trim().replace(/[\s().\-/]/g, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  if (!s.startsWith('+')) {
    const cc = CALLING[country as Country];
    if (!cc || !/^\d+$/.test(s)) return null;
    if (TRUNK_ZERO.has(country as Country)) {
      if (!s.startsWith('0')) return null;
      s = s.slice(1);
    }
    s = `+${cc}${s}`;
  }
  if (s.startsWith('+310')) s = `+31${s.slice(4)}`; // "+31 (0)6 …" written with the trunk zero
  return /^\+[1-9]\d{7,14}$/.test(s) ? s : null;
}
