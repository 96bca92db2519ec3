/**
 * Test helpers that read our CSV the way programs that open it do: an RFC 4180 parser (quotes
 * honoured, like Excel opening the file with the right delimiter) and the sloppier readings
 * (the other delimiter, e.g. Dutch Excel splitting a comma file on `;`; quotes ignored, as
 * "text to columns" or a line-based tool does). Used to check that no reading yields a cell a
 * spreadsheet would run as a formula.
 */

/** RFC 4180: records of fields; `"` opens a quoted field, `""` is a quote inside one. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      if (ch === '\r') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

/**
 * Every cell of every reading of `text` (written with `delimiter`) that a spreadsheet would take
 * as a formula: a cell of the proper reading that starts with = + - @ tab or CR; and, in every
 * reading (RFC 4180 with `,` and with `;`, raw lines split on `,` and `;` ignoring quotes, each
 * cell split again on `, ; tab CR LF`), a piece that starts with = + - @ once leading spaces,
 * tabs, CRs and quotes are trimmed.
 */
export function formulaCells(text: string, delimiter: string): string[] {
  const bad = new Set<string>();
  for (const row of parseCsv(text, delimiter)) for (const cell of row) if (/^[=+\-@\t\r]/.test(cell)) bad.add(cell);
  const cells = new Set<string>();
  for (const d of [',', ';']) {
    for (const row of parseCsv(text, d)) for (const cell of row) cells.add(cell);
    for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) for (const cell of line.split(d)) cells.add(cell);
  }
  for (const cell of cells) {
    for (const piece of [cell, ...cell.split(/[,;\t\r\n]/)]) if (/^[=+\-@]/.test(piece.replace(/^[ "\t\r]+/, ''))) bad.add(piece);
  }
  return [...bad];
}
