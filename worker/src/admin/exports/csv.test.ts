import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv.js';

describe('CSV writer', () => {
  it('leaves plain cells alone and writes null as empty', () => {
    expect(csvRow(['abc', 12, true, null, undefined, ''])).toBe('abc,12,true,,,\r\n');
  });

  it('quotes cells with the delimiter, quotes, CR or LF and doubles the quotes (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('a;b');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a,b', ';')).toBe('a,b');
    expect(csvCell('zeg "hallo"')).toBe('"zeg ""hallo"""');
    expect(csvCell('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(csvCell('regel 1\r\nregel 2')).toBe('"regel 1\r\nregel 2"');
  });

  it('prefixes cells that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","klik")')).toBe(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
    expect(csvCell('+31 6 1234')).toBe("'+31 6 1234");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a=b')).toBe('a=b');
    // Some importers trim leading spaces and quotes before they look for a formula.
    expect(csvCell(' =x')).toBe("' =x");
    expect(csvCell('"=x"')).toBe(`"'""=x"""`);
  });

  it('also guards a formula after a character a spreadsheet may split the cell on (, ; tab CR LF)', () => {
    // Dutch Excel splits a comma file on `;`: the quoting does not keep this one cell there.
    expect(csvCell('Utrecht;=HYPERLINK("http://evil.example")')).toBe(`"Utrecht;'=HYPERLINK(""http://evil.example"")"`);
    expect(csvCell('Utrecht;=1', ';')).toBe(`"Utrecht;'=1"`);
    expect(csvCell('a,+1', ';')).toBe("a,'+1");
    expect(csvCell('a\t-1')).toBe("a\t'-1");
    expect(csvCell('regel 1\n@SUM(A1)')).toBe(`"regel 1\n'@SUM(A1)"`);
    expect(csvCell('regel 1\r\n=1')).toBe(`"regel 1\r\n'=1"`);
    expect(csvCell('a; \t=1')).toBe("a;' \t'=1"); // a tab is a split point of its own
    expect(csvCell('a;"=1"', ';')).toBe(`"a;'""=1"""`);
  });

  it('leaves text readable where no formula can start', () => {
    for (const plain of ['Utrecht', 'a=b', 'a;b=c', 'Amsterdam-Noord', '2024-02-29', 'jan@example.nl', 'a, b', 'regel 1\r\nregel 2', 'x+y', '12,50']) {
      expect(csvCell(plain, ';').replace(/^"|"$/g, '')).toBe(plain);
    }
    // A phone number keeps its digits and its + behind the text marker (see guardFormulas).
    expect(csvCell('+31612345678')).toBe("'+31612345678");
  });

  it('writes objects as JSON text (and guards that too)', () => {
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvCell(['x'])).toBe('"[""x""]"');
  });
});
