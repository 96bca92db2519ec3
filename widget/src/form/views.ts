import { html, nothing } from 'lit';
import type { ConsentText } from '../../../sdk/src/schemas/config.js';
import { notes, optionText, labelText } from '../fields/field.js';
import type { FieldHost, FieldSpec } from '../fields/types.js';
import { rowCount } from '../fields/visit-windows.js';
import type { StepId } from '../base/events.js';

/** Only http(s) links are rendered; anything else from the API becomes no link target. */
export const safeUrl = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

export const privacyLink = (h: FieldHost, url: string | undefined) =>
  html`<a href=${safeUrl(url) ?? nothing} target="_blank" rel="noopener">${h.t('privacy')}</a>`;

/** R4: an unticked checkbox labelled with the tenant's exact consent text, and the privacy link. */
export function consentView(h: FieldHost, text: (ConsentText & { locale: string }) | undefined, privacyUrl: string | undefined) {
  const n = notes(h, 'consent');
  return html`<div class="field">
      <div class="check">
        <input type="checkbox" part="input" id="f-consent" name="consent" .checked=${!!h.values.consent} required
          aria-invalid=${n.invalid} aria-describedby=${n.describedby}>
        <label part="label" for="f-consent" lang=${text?.locale ?? nothing}>${text?.text}</label>
      </div>
      ${n.error}
    </div>
    <p>${privacyLink(h, privacyUrl)}</p>`;
}

function display(h: FieldHost, f: FieldSpec, value: string): string {
  if (f.options) return optionText(h, f, value);
  if (f.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Date(`${value}T12:00:00`).toLocaleDateString(h.uiLocale, { dateStyle: 'long' });
  }
  return value;
}

function rows(h: FieldHost, f: FieldSpec) {
  if (f.type === 'windows') {
    const parts = { name: '', options: ['morning', 'afternoon', 'evening'] };
    return Array.from({ length: rowCount(h, f) }, (_, i) => {
      const at = (k: string) => h.values[`${f.name}.${i}.${k}`] ?? '';
      return html`<dt>${h.t('window', { n: i + 1 })}</dt>
        <dd>${display(h, { name: '', type: 'date' }, at('date'))} ${at('part') && optionText(h, parts, at('part'))}</dd>`;
    });
  }
  const value = h.values[f.name];
  return value ? html`<dt>${labelText(h, f)}</dt><dd>${display(h, f, value)}</dd>` : nothing;
}

/** The review step: every answer per step, each section with a button back to its step. */
export function reviewView(h: FieldHost, sections: [StepId, string, FieldSpec[]][], go: (s: StepId) => void) {
  return html`${sections.map(
      ([step, title, fields]) => html`<section>
        <h3>${title}</h3>
        <dl>${fields.map((f) => rows(h, f))}</dl>
        <button type="button" part="button" @click=${() => go(step)}>${h.t('edit', { x: title })}</button>
      </section>`,
    )}
    <h3>${h.t('s.consent')}</h3>
    <p>${h.t('consented')}</p>`;
}
