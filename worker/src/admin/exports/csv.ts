/**
 * A CSV writer (RFC 4180) for exports opened in spreadsheets: fields quoted when they hold the
 * delimiter, a quote, CR or LF (quotes doubled), CRLF between records, and a guard against
 * formula injection (OWASP "CSV Injection"): a text cell starting with = + - @ tab or CR is
 * prefixed with `'`, so Excel/LibreOffice show it as text instead of evaluating it.
 */
export type Delimiter = ',' | ';';

/** `?delimiter=semicolon` for Dutch Excel (which expects `;`), otherwise a comma. */
export const DELIMITERS = { comma: ',', semicolon: ';' } as const satisfies Record<string, Delimiter>;

/** The UTF-8 byte-order mark: Excel reads the file as UTF-8 only with it. */
export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: text as is, numbers and booleans as written, null/undefined empty, objects as JSON. */
export function csvCell(value: unknown, delimiter: Delimiter = ','): string {
  let s: string;
  if (value === null || value === undefined) s = '';
  else if (typeof value === 'string') s = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') s = String(value);
  else s = JSON.stringify(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return s.includes(delimiter) || /["\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One record, CRLF-terminated. */
export function csvRow(values: readonly unknown[], delimiter: Delimiter = ','): string {
  return values.map((v) => csvCell(v, delimiter)).join(delimiter) + '\r\n';
}
