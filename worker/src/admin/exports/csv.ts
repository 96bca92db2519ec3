/**
 * The one CSV writer (RFC 4180) of every CSV the product writes: case exports, the export log,
 * the art. 30 register (worker/src/registers/csv.ts) and the breach registers
 * (worker/src/breaches/csv.ts). Fields are quoted when they hold the delimiter, a quote, CR or
 * LF (quotes doubled), records end in CRLF, and text is guarded against formula injection
 * (OWASP "CSV Injection"); see {@link guardFormulas}.
 */
export type Delimiter = ',' | ';';

/** `?delimiter=semicolon` for Dutch Excel (which expects `;`), otherwise a comma. */
export const DELIMITERS = { comma: ',', semicolon: ';' } as const satisfies Record<string, Delimiter>;

/** The UTF-8 byte-order mark: Excel reads the file as UTF-8 only with it. */
export const BOM = '\uFEFF';

/** Where a spreadsheet may start a cell: the cell's start, or after a character some program splits on. */
const FORMULA_AT_START = /^(?=[\t\r]|[ "]*[=+\-@])/;
const FORMULA_INSIDE = /([,;\t\r\n])(?=[ \t\r"]*[=+\-@])/g;

/**
 * Puts `'` where a spreadsheet could start a formula, so it reads the rest as text:
 *
 * - at the start of the cell, before = + - @ (also after spaces or quotes, which some importers
 *   trim), and before a leading tab or CR;
 * - after every `,` `;` tab, CR or LF inside the text that is followed (after spaces, tabs, CRs
 *   or quotes) by = + - @. Quoting keeps `Utrecht;=HYPERLINK(…)` one cell for a careful
 *   parser, but Dutch Excel opening a comma file splits on `;`, and "text to columns" or a
 *   line-based tool ignores quotes: then `=HYPERLINK(…)` would be a cell of its own.
 *
 * A plain phone number `+31612345678` gets the `'` too. Without it Excel reads the cell as the
 * formula `=+31612345678` and shows the number 3,16E+10 without its `+`; quoting the field does
 * not help (Excel ignores CSV quotes when it guesses a type), and `="+316…"` is itself a formula
 * that other programs show literally. The `'` is the spreadsheets' own "this is text" marker,
 * the least noisy way to keep both the `+` and the reader safe; a plain-text reader does see
 * it. Machine consumers use the JSON exports, which carry every value unchanged.
 */
export function guardFormulas(text: string): string {
  return text.replace(FORMULA_AT_START, "'").replace(FORMULA_INSIDE, "$1'");
}

/** One cell: text as is, numbers and booleans as written, null/undefined empty, objects as JSON. */
export function csvCell(value: unknown, delimiter: Delimiter = ','): string {
  let s: string;
  if (value === null || value === undefined) s = '';
  else if (typeof value === 'string') s = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') s = String(value);
  else s = JSON.stringify(value);
  s = guardFormulas(s);
  return s.includes(delimiter) || /["\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One record, CRLF-terminated. */
export function csvRow(values: readonly unknown[], delimiter: Delimiter = ','): string {
  return values.map((v) => csvCell(v, delimiter)).join(delimiter) + '\r\n';
}
