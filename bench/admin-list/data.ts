/**
 * The bench's synthetic data as pure functions of the case number n (0 ≤ n < N), written once
 * in SQL (generate.ts) and once in JS (to pick search values and deep cursors without a query).
 * One tenant; subject n, product n and case n belong together.
 */
export const BASE_TIME = Date.parse('2022-01-01T00:00:00Z');
/** Two cases share each creation time (keyset ties); 1,000,000 cases span ~3 years. */
export const createdAt = (n: number) => BASE_TIME + Math.floor(n / 2) * 180_000;

export const LAST_NAMES = [
  'de Vries', 'Jansen', 'de Jong', 'van den Berg', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters',
  'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan',
  'Vermeulen', 'van den Heuvel', 'van der Veen', 'van den Broek', 'de Bruijn', 'de Bruin', 'van der Heijden', 'Schouten', 'van Beek', 'Willems', 'van Vliet',
  'van de Ven', 'Hoekstra', 'Maas', 'Verhoeven', 'Koster', 'van Dam', 'van der Wal', 'Prins', 'Blom', 'Huisman', 'Peeters', 'de Jonge', 'Kuipers', 'van Veen',
  'Post', 'Kuiper', 'Veenstra', 'Kramer', 'van den Brink', 'Scholten', 'van Wijk', 'Postma', 'Martens', 'Vink', 'de Ruiter', 'Timmermans', 'Groen', 'Gerritsen',
  'Jonker', 'van Loon', 'Boer', 'van der Velde', 'Willemsen', 'Smeets', 'de Lange', 'de Vos', 'Bosch', 'van Dijck', 'Hermans', 'Evers', 'Claes', 'Wouters',
  'Goossens', 'Maes', 'Mertens', 'Dubois', 'Lambert', 'Dupont', 'Martin', 'Simon', 'Laurent', 'Leroy', 'Moreau', 'Muller', 'Schmidt', 'Schneider', 'Fischer',
  'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
];
export const FIRST_NAMES = [
  'Jan', 'Piet', 'Kees', 'Anna', 'Maria', 'Sophie', 'Emma', 'Lucas', 'Daan', 'Sem', 'Julia', 'Tess', 'Noah', 'Levi', 'Mila', 'Sara', 'Fleur', 'Lotte', 'Bram',
  'Thijs', 'Ruben', 'Eva', 'Lisa', 'Anouk', 'Femke', 'Marieke', 'Joost', 'Wouter', 'Inge', 'Karin', 'Hans', 'Gert', 'Ria', 'Els', 'Wim', 'Bas', 'Tim', 'Nina',
  'Iris', 'Roos',
];
export const KINDS = ['registration', 'warranty', 'repair', 'installation', 'complaint', 'return', 'exchange'] as const;
/** Statuses a case of each kind is spread over (by n / 7). */
export const STATUSES: Record<(typeof KINDS)[number], string[]> = {
  registration: ['new', 'approved', 'closed'],
  warranty: ['new', 'scheduled', 'in_progress', 'resolved', 'closed'],
  repair: ['new', 'scheduled', 'in_progress', 'resolved', 'closed'],
  installation: ['new', 'scheduled', 'in_progress', 'resolved', 'closed'],
  complaint: ['new', 'scheduled', 'in_progress', 'resolved', 'closed'],
  return: ['new', 'approved', 'received', 'refunded', 'closed'],
  exchange: ['new', 'approved', 'received', 'exchanged', 'closed'],
};
const LETTERS = ['AB', 'CD', 'EF', 'GH', 'JK', 'LM'];
const REF_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const REF_SPACE = 30 ** 8;

export const hex = (x: number, width: number) => x.toString(16).padStart(width, '0');
/** UUIDv7-shaped ids, time-ordered like the app's; the variant nibble tells the tables apart. */
export const idOf = (n: number, variant: '8' | '9' | 'a', t = createdAt(n)) => {
  const h = hex(t, 12);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${hex(n % 4096, 3)}-${variant}${hex(Math.floor(n / 4096) % 4096, 3)}-${hex(n, 12)}`;
};
export const caseId = (n: number) => idOf(n, '8');
export const email = (n: number) => `klant${n}@example.nl`;
/** ~18 subjects per postcode, like real Dutch postcodes. */
export const postcode = (n: number) => `${1000 + (n % 9000)} ${LETTERS[Math.floor(n / 9000) % LETTERS.length]}`;
export const serial = (n: number) => `SN${String(n).padStart(8, '0')}`;
export const lastName = (n: number) => LAST_NAMES[n % LAST_NAMES.length]!;
export const firstName = (n: number) => FIRST_NAMES[Math.floor(n / LAST_NAMES.length) % FIRST_NAMES.length]!;
/** A bijection n → 8 reference letters (7919 is coprime with 30^8). */
export function reference(n: number): string {
  let m = Number((BigInt(n) * 7919n + 12345n) % BigInt(REF_SPACE));
  let s = '';
  for (let k = 0; k < 8; k++) {
    s += REF_ALPHABET[m % 30];
    m = Math.floor(m / 30);
  }
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** The same values as SQL expressions over the column `n` of the generating CTE. */
export const SQL = {
  createdAt: `(${BASE_TIME} + (n / 2) * 180000)`,
  id: (variant: string) => {
    const h = `printf('%012x', ${BASE_TIME} + (n / 2) * 180000)`;
    return `(substr(${h}, 1, 8) || '-' || substr(${h}, 9, 4) || '-7' || printf('%03x', n % 4096) || '-${variant}' || printf('%03x', (n / 4096) % 4096) || '-' || printf('%012x', n))`;
  },
  pick: (list: readonly string[], index: string) => `json_extract('${JSON.stringify(list).replace(/'/g, "''")}', '$[' || (${index}) || ']')`,
  email: `('klant' || n || '@example.nl')`,
  postcode: `((1000 + n % 9000) || ' ' || json_extract('${JSON.stringify(LETTERS)}', '$[' || ((n / 9000) % ${LETTERS.length}) || ']'))`,
  serial: `('SN' || printf('%08d', n))`,
  reference: () => {
    const m = `((n * 7919 + 12345) % ${REF_SPACE})`;
    const ch = (k: number) => `substr('${REF_ALPHABET}', ((${m} / ${30 ** k}) % 30) + 1, 1)`;
    return `(${[0, 1, 2, 3].map(ch).join(' || ')} || '-' || ${[4, 5, 6, 7].map(ch).join(' || ')})`;
  },
};
