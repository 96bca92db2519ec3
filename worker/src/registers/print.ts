import type { Dpo, RegisterContact } from '../../../sdk/src/admin/platform.js';
import type { RegisterDocument } from '../../../sdk/src/admin/register.js';
import { escapeHtml as e } from '../admin/exports/html.js';
import { registerTexts, type RegisterTexts } from './texts.js';

/** `Content-Security-Policy` of the print page: nothing but its own stylesheet. */
export const REGISTER_PRINT_CSP = "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const row = (label: string, value: string | null | undefined) => (value ? `<dt>${e(label)}</dt><dd>${e(value)}</dd>` : '');

function party(title: string, name: string, contact: RegisterContact | null, dpo: Dpo, t: RegisterTexts) {
  const c = contact
    ? `<dl>${row(t.name, name)}${row(t.name, contact.name === name ? null : contact.name)}${row(t.address, contact.address)}${row(t.email, contact.email)}${row(t.phone, contact.phone)}</dl>`
    : `<dl>${row(t.name, name)}<dt>${e(t.address)}</dt><dd>${e(t.notSet)}</dd></dl>`;
  const d = dpo ? `<dl>${row(t.name, dpo.name)}${row(t.email, dpo.email)}${row(t.phone, dpo.phone)}</dl>` : `<p>${e(t.noDpo)}</p>`;
  return `<section><h3>${e(title)}</h3>${c}<h3>${e(t.dpo)}</h3>${d}</section>`;
}

/**
 * The register as one printable HTML page (nl or en). Every value is escaped; no script and no
 * inline style (its CSP forbids both); the stylesheet comes from `cssHref`.
 */
export function registerPrintPage(doc: RegisterDocument, o: { cssHref: string }): string {
  const t = registerTexts(doc.lang);
  const fmt = new Intl.DateTimeFormat(doc.lang === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' });
  const processing = doc.processing
    .map(
      (p) => `<tr><td>${e(p.name)}</td><td>${e(p.purpose)}</td><td>${e(p.dataSubjects)}</td><td><ul>${p.dataCategories
        .map((c) => `<li>${e(c.label)} <span class="fields">(${e(c.fields.join(', '))})</span></li>`)
        .join('')}</ul></td></tr>`,
    )
    .join('\n');
  const subs = doc.subprocessors
    .map(
      (s) => `<tr><td>${e(s.name)}</td><td>${e(s.purpose)}</td><td>${e(s.location)}</td><td>${e(s.safeguards ?? '')}</td><td>${e(s.startDate)}${s.upcoming ? `<span class="tag">${e(t.upcoming)}</span>` : ''}</td></tr>`,
    )
    .join('\n');
  const transfers = doc.transfers.map((x) => `<tr><td>${e(x.recipient)}</td><td>${e(x.country)}</td><td>${e(x.safeguards ?? '')}</td></tr>`).join('\n');
  const measures = doc.securityMeasures.split('\n').filter((m) => m.trim()).map((m) => `<li>${e(m)}</li>`).join('');
  return `<!doctype html>
<html lang="${e(doc.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${e(`${t.title} · ${doc.controller.name}`)}</title>
<link rel="stylesheet" href="${e(o.cssHref)}">
</head>
<body>
<header>
<p class="confidential">${e(t.confidential)}</p>
<h1>${e(t.title)}</h1>
<p class="meta">${e(`${doc.controller.name} · ${t.generatedAt} ${fmt.format(new Date(doc.generatedAt))}`)}</p>
<p class="hint no-print">${e(t.hint)}</p>
</header>
<main>
<h2>${e(`${t.processor} / ${t.controller}`)}</h2>
<div class="parties">
${party(t.processor, doc.processor.name, doc.processor.contact, doc.processor.dpo, t)}
${party(t.controller, doc.controller.name, doc.controller.contact, doc.controller.dpo, t)}
</div>
<h2>${e(t.processing)}</h2>
${doc.processing.length ? `<table><thead><tr><th scope="col">${e(t.activity)}</th><th scope="col">${e(t.purpose)}</th><th scope="col">${e(t.subjects)}</th><th scope="col">${e(t.data)}</th></tr></thead><tbody>\n${processing}\n</tbody></table>` : `<p>${e(t.none)}</p>`}
<h3>${e(t.operationsTitle)}</h3>
<ul>${doc.operations.map((x) => `<li>${e(x)}</li>`).join('')}</ul>
<h2>${e(t.subprocessors)}</h2>
${doc.subprocessors.length ? `<table><thead><tr><th scope="col">${e(t.name)}</th><th scope="col">${e(t.purpose)}</th><th scope="col">${e(t.location)}</th><th scope="col">${e(t.safeguards)}</th><th scope="col">${e(t.startDate)}</th></tr></thead><tbody>\n${subs}\n</tbody></table>` : `<p>${e(t.none)}</p>`}
<h2>${e(t.transfers)}</h2>
${doc.transfers.length ? `<table><thead><tr><th scope="col">${e(t.recipient)}</th><th scope="col">${e(t.country)}</th><th scope="col">${e(t.safeguards)}</th></tr></thead><tbody>\n${transfers}\n</tbody></table>` : `<p>${e(t.noTransfers)}</p>`}
<h2>${e(t.security)}</h2>
<ul>${measures}</ul>
</main>
<footer><p>${e(`${t.logged} ${doc.exportId}.`)}</p></footer>
</body>
</html>
`;
}
