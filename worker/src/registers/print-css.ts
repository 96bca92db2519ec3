/**
 * The register print page's stylesheet, served from GET /v1/admin/register/print.css: the
 * page's CSP allows styles from 'self' only (no inline style).
 */
export const REGISTER_PRINT_CSS = `:root { color-scheme: light; font: 10.5pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; }
body { margin: 1.5rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 16pt; margin: 0 0 .25rem; }
h2 { font-size: 12.5pt; margin: 1.5rem 0 .4rem; border-bottom: 2px solid #111; padding-bottom: .15rem; }
h3 { font-size: 11pt; margin: 1rem 0 .3rem; }
.confidential { font-weight: 600; text-transform: uppercase; letter-spacing: .04em; font-size: 8pt; margin: 0 0 .5rem; }
.meta, footer { color: #333; margin: .15rem 0; }
.hint { background: #f3f3f3; border: 1px solid #ccc; padding: .4rem .6rem; margin: .75rem 0; }
.parties { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; margin: .25rem 0; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; margin-top: .4rem; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #bbb; padding: .3rem .4rem; overflow-wrap: anywhere; }
th { border-bottom: 2px solid #111; font-size: 9.5pt; }
.fields { color: #333; }
.tag { font-size: 8.5pt; border: 1px solid #111; padding: 0 .25rem; margin-left: .3rem; }
ul { margin: .25rem 0; padding-left: 1.2rem; }
li { margin: .15rem 0; }
footer { margin-top: 1.5rem; font-size: 8pt; }
@page { size: A4; margin: 15mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  .no-print { display: none; }
  h2, h3 { break-after: avoid; }
  tr, li { break-inside: avoid; }
}
`;
