/**
 * The print view's stylesheet, served from GET /v1/admin/exports/print.css so the page needs
 * no inline style under its CSP (`style-src 'self'`).
 */
export const PRINT_CSS = `:root { color-scheme: light; font: 10pt/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; }
body { margin: 1.5rem; }
h1 { font-size: 16pt; margin: 0 0 .25rem; }
.confidential { font-weight: 600; text-transform: uppercase; letter-spacing: .04em; font-size: 8pt; margin: 0 0 .5rem; }
.meta, .filter, footer { color: #333; margin: .15rem 0; }
.hint { background: #f3f3f3; border: 1px solid #ccc; padding: .4rem .6rem; margin: .75rem 0; }
table { width: 100%; border-collapse: collapse; margin-top: .75rem; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #bbb; padding: .3rem .4rem; overflow-wrap: anywhere; }
th { border-bottom: 2px solid #111; font-size: 9pt; }
td .line { display: block; }
footer { margin-top: 1rem; font-size: 8pt; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; }
  .no-print { display: none; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
