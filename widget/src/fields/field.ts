import { html, nothing, type TemplateResult } from 'lit';
import { fieldId, type FieldHost, type FieldSpec } from './types.js';
import { visitWindows } from './visit-windows.js';

export const optionText = (h: FieldHost, f: FieldSpec, o: string) => (f.optionLabel ? f.optionLabel(o, h.uiLocale) : h.t(`o.${o}`));

/** `f.<last path segment>`, and "(verplicht)" in text after a required field's label. */
export const labelText = (h: FieldHost, f: FieldSpec) => h.t(`f.${f.name.slice(f.name.lastIndexOf('.') + 1)}`);
export const mark = (h: FieldHost, f: FieldSpec) => (f.required ? html` <span class="req">${h.t('required')}</span>` : '');

/** A field's hint and error, and what its control needs: `aria-invalid`, `aria-describedby`. */
export function notes(h: FieldHost, name: string, hint?: string) {
  const id = fieldId(name);
  const error = h.errors[name];
  const text = h.t(`e.${error}`); // codes a form cannot produce have no text of their own
  return {
    by: [hint && `${id}-h`, error && `${id}-e`].filter(Boolean).join(' ') || nothing,
    invalid: error ? 'true' : nothing,
    hint: hint ? html`<p class="hint" id="${id}-h">${h.t(hint)}</p>` : '',
    error: error ? html`<p class="error" part="error" id="${id}-e">${text.startsWith('e.') ? h.t('e.invalid_value') : text}</p>` : '',
  };
}

/** A labelled native control with its hint and error, wired for assistive technology. */
export function renderField(h: FieldHost, f: FieldSpec): TemplateResult {
  if (f.type === 'windows') return visitWindows(h, f);
  const { name, options = [], required } = f;
  const id = fieldId(name);
  const value = h.values[name] ?? '';
  const n = notes(h, name, f.hint);
  const label = html`${labelText(h, f)}${mark(h, f)}`;
  if (f.type === 'radio') {
    return html`<fieldset class="field" id=${id}><legend part="label">${label}</legend>${n.hint}${options.map(
      (o) => html`<div class="check"><input type="radio" part="input" id="${id}-${o}" name=${name} .value=${o} .checked=${value === o}
?required=${required} aria-invalid=${n.invalid} aria-describedby=${n.by}><label for="${id}-${o}">${optionText(h, f, o)}</label></div>`,
    )}${n.error}</fieldset>`;
  }
  const control =
    f.type === 'select'
      ? html`<select part="input" id=${id} name=${name} ?required=${required} autocomplete=${f.auto ?? nothing}
aria-invalid=${n.invalid} aria-describedby=${n.by}>${value ? '' : html`<option value="">${h.t('o.choose')}</option>`}${options.map(
          (o) => html`<option value=${o} .selected=${o === value}>${optionText(h, f, o)}</option>`,
        )}</select>`
      : f.type === 'textarea'
        ? html`<textarea part="input" id=${id} name=${name} rows="4" ?required=${required}
aria-invalid=${n.invalid} aria-describedby=${n.by} .value=${value}></textarea>`
        : html`<input part="input" id=${id} name=${name} type=${f.type ?? 'text'} .value=${value} ?required=${required}
autocomplete=${f.auto ?? nothing} aria-invalid=${n.invalid} aria-describedby=${n.by}>`;
  return html`<div class="field"><label part="label" for=${id}>${label}</label>${n.hint}${control}${n.error}</div>`;
}
