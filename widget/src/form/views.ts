import { html, nothing } from 'lit';
import { notes, optionText, labelText } from '../fields/field.js';
import type { FieldHost, FieldSpec } from '../fields/types.js';
import { PARTS, rowCount } from '../fields/visit-windows.js';

/** The privacy statement, in a new tab (R4, R19); only http(s) URLs from the API become links. */
export const privacyLink = (h: FieldHost, url = '') =>
  html`<a href=${/^https?:\/\//i.test(url) ? url : nothing} target="_blank" rel="noopener">${h.t('privacy')}</a>`;

/** R4: an unticked checkbox labelled with the tenant's exact consent text, and the privacy link. */
export function consentView(h: FieldHost, text: { text: string; locale: string } | undefined, privacyUrl?: string) {
  const n = notes(h, 'consent');
  return html`<div class="field"><div class="check"><input type="checkbox" part="input" id="f-consent" name="consent" .checked=${!!h.values.consent} required
aria-invalid=${n.invalid} aria-describedby=${n.by}><label part="label" for="f-consent" lang=${text?.locale ?? nothing}>${text?.text}</label></div>${n.error}</div>
<p>${privacyLink(h, privacyUrl)}</p>`;
}

const show = (h: FieldHost, f: FieldSpec, value: string) =>
  f.options ? optionText(h, f, value) : f.type === 'date' && value ? new Date(value).toLocaleDateString(h.uiLocale, { dateStyle: 'long', timeZone: 'UTC' }) : value;

/** What the consumer answered on one step, as label/value pairs (visit windows one per row). */
function answers(h: FieldHost, f: FieldSpec) {
  if (f.type === 'windows') {
    return Array.from({ length: rowCount(h.values, f) }, (_, i) => {
      const at = (k: string) => h.values[`${f.name}.${i}.${k}`] ?? '';
      return html`<dt>${h.t('window', { n: i + 1 })}</dt><dd>${show(h, { name: '', type: 'date' }, at('date'))}, ${at('part') && optionText(h, { name: '', options: PARTS }, at('part'))}</dd>`;
    });
  }
  const value = h.values[f.name];
  return value ? html`<dt>${labelText(h, f)}</dt><dd>${show(h, f, value)}</dd>` : '';
}

/** The review step: every answer, per step. */
export const reviewView = (h: FieldHost, sections: [string, FieldSpec[]][]) =>
  html`${sections.map(([title, fields]) => html`<h3>${title}</h3><dl>${fields.map((f) => answers(h, f))}</dl>`)}<h3>${h.t('s.consent')}</h3><p>${h.t('consented')}</p>`;
