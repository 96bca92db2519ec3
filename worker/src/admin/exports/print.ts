import type { AdminCaseView, CaseFilter } from '../../../../sdk/src/admin/cases.js';
import type { PrintLang } from '../../../../sdk/src/admin/exports.js';
import { PROJECTION, type Audience, type CaseField } from '../projection.js';
import { escapeHtml } from './html.js';
import { PRINT_TEXTS, type PrintTextKey } from './print-texts.js';

type Lines = (string | null | undefined)[];
type PrintColumn = { key: PrintTextKey; needs: CaseField[]; lines(doc: AdminCaseView, date: (iso: string) => string): Lines };

/**
 * The print view's columns. A column is shown when the audience may see any field it needs
 * (R22); its cells read only the projected document, so a field the audience may not see is
 * never there to print.
 */
const COLUMNS: PrintColumn[] = [
  { key: 'reference', needs: ['reference'], lines: (d) => [d.reference] },
  { key: 'kind', needs: ['kind'], lines: (d) => [d.kind] },
  { key: 'status', needs: ['status'], lines: (d) => [d.status] },
  { key: 'created', needs: ['createdAt'], lines: (d, date) => [d.createdAt ? date(d.createdAt) : null] },
  { key: 'name', needs: ['subject.firstName', 'subject.lastName'], lines: (d) => [[d.subject?.firstName, d.subject?.lastName].filter(Boolean).join(' ')] },
  {
    key: 'address',
    needs: ['subject.street', 'subject.houseNumber', 'subject.postcode', 'subject.city', 'subject.country'],
    lines: ({ subject: s = {} }) => [
      [s.street, s.houseNumber, s.houseNumberAddition].filter(Boolean).join(' '),
      [s.postcode, s.city].filter(Boolean).join(' '),
      s.country,
    ],
  },
  { key: 'contact', needs: ['subject.email', 'subject.phone'], lines: (d) => [d.subject?.email, d.subject?.phone] },
  { key: 'product', needs: ['product.brand', 'product.model'], lines: (d) => [[d.product?.brand, d.product?.model].filter(Boolean).join(' ')] },
  { key: 'serial', needs: ['product.serialNumber'], lines: (d) => [d.product?.serialNumber] },
  { key: 'assigned', needs: ['assignedOrg'], lines: (d) => [d.assignedOrg?.name] },
  {
    key: 'details',
    needs: ['details'],
    lines: (d) => Object.entries(d.details ?? {}).map(([k, val]) => `${k}: ${typeof val === 'string' ? val : JSON.stringify(val)}`),
  },
];

export const printColumns = (audience: Audience) => COLUMNS.filter((c) => c.needs.some((f) => PROJECTION[audience].includes(f)));

const cell = (lines: Lines) => lines.filter((l) => l !== null && l !== undefined && l !== '').map((l) => `<span class="line">${escapeHtml(l)}</span>`).join('');

const dateFormat = (lang: PrintLang) =>
  new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' });

/** The filter as a person reads it: `status = new · kind = repair`. */
function describeFilter(filter: Partial<CaseFilter>, lang: PrintLang): string {
  const parts = (['kind', 'status', 'org', 'from', 'to', 'q'] as const).filter((k) => filter[k]).map((k) => `${k} = ${filter[k]}`);
  return parts.length ? parts.join(' · ') : PRINT_TEXTS[lang].allCases;
}

/**
 * The print page in three parts for streaming: head (up to the table body), rows, foot.
 * Every value is escaped; no inline script or style (the page's CSP forbids both).
 */
export function printPage(o: { audience: Audience; lang: PrintLang; now: number; actorName: string; rowCount: number; filter: Partial<CaseFilter>; exportId: string; cssHref: string }) {
  const t = PRINT_TEXTS[o.lang];
  const columns = printColumns(o.audience);
  const fmt = dateFormat(o.lang);
  const date = (iso: string) => fmt.format(new Date(iso));
  const head = `<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(`Aftercare: ${t.title}`)}</title>
<link rel="stylesheet" href="${escapeHtml(o.cssHref)}">
</head>
<body>
<header>
<p class="confidential">${escapeHtml(t.confidential)}</p>
<h1>${escapeHtml(t.title)}</h1>
<p class="meta">${escapeHtml(`${t.printedAt} ${fmt.format(new Date(o.now))} ${t.by} ${o.actorName} · ${o.rowCount} ${t.cases}`)}</p>
<p class="filter">${escapeHtml(`${t.filter}: ${describeFilter(o.filter, o.lang)}`)}</p>
<p class="hint no-print">${escapeHtml(t.hint)}</p>
</header>
<main>
${o.rowCount === 0 ? `<p>${escapeHtml(t.none)}</p>\n` : ''}<table>
<thead><tr>${columns.map((c) => `<th scope="col">${escapeHtml(t[c.key])}</th>`).join('')}</tr></thead>
<tbody>
`;
  const rows = (docs: AdminCaseView[]) => docs.map((d) => `<tr>${columns.map((c) => `<td>${cell(c.lines(d, date))}</td>`).join('')}</tr>\n`).join('');
  const foot = `</tbody>
</table>
</main>
<footer><p>${escapeHtml(`${t.logged} ${o.exportId}.`)}</p></footer>
</body>
</html>
`;
  return { head, rows, foot };
}
