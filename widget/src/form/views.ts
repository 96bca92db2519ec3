import { html, nothing } from 'lit';
import { M } from '../i18n/index.js';
import { notes, optionText } from '../fields/field.js';
import type { FieldHost, FieldSpec } from '../fields/types.js';
import { partField, rowCount } from '../fields/visit-windows.js';

/** The privacy statement, in a new tab (R4, R19); only http(s) URLs from the API become links. */
export const privacyLink = (h: FieldHost, url = '') =>
  html`<a href=${/^https?:\/\//i.test(url) ? url : nothing} target="_blank" rel="noopener">${h.t(M.privacy)}</a>`;

/** R4: an unticked checkbox labelled with the tenant's exact consent text, and the privacy link. */
export function consentView(h: FieldHost, text: { text: string; locale: string } | undefined, privacyUrl?: string) {
  const n = notes(h, 'consent');
  return html`<div class="field"><div class="check"><input type="checkbox" part="input" id="f-consent" name="consent" .checked=${!!h.values.consent} required
aria-invalid=${n.invalid} aria-describedby=${n.by}><label part="label" for="f-consent" lang=${text?.locale ?? nothing}>${text?.text}</label></div>${n.error}</div>
<p>${privacyLink(h, privacyUrl)}</p>`;
}

/** `2025-03-01` → `1 maart 2025` in the form's language (read as UTC, so the day never shifts). */
const day = (h: FieldHost, iso = '') => new Intl.DateTimeFormat(h.uiLocale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));

/** One answer as a label/value pair; dates in the form's language; visit windows one per row. */
function answers(h: FieldHost, f: FieldSpec) {
  const v = h.values;
  if (f.type == 'windows') {
    return Array.from({ length: rowCount(v, f) }, (_, i) => {
      const part = v[`${f.name}.${i}.part`];
      return html`<dt>${h.t(M.window, { n: i + 1 })}</dt><dd>${day(h, v[`${f.name}.${i}.date`])} ${part && optionText(h, partField(''), part)}</dd>`;
    });
  }
  const value = v[f.name];
  return value ? html`<dt>${h.t(f.label)}</dt><dd>${f.options ? optionText(h, f, value) : f.type == 'date' ? day(h, value) : value}</dd>` : '';
}

/** The review step: every answer, per step (consent was given on the step before). */
export const reviewView = (h: FieldHost, sections: [string, FieldSpec[]][]) =>
  sections.map(([title, fields]) => html`<h3>${title}</h3><dl>${fields.map((f) => answers(h, f))}</dl>`);
