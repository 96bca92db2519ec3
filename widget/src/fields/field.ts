import { html, nothing, type TemplateResult } from 'lit';
import { M, errorKey } from '../i18n/index.js';
import { fieldId, type FieldHost, type FieldSpec } from './types.js';
import { visitWindows } from './visit-windows.js';

export const optionText = (h: FieldHost, f: FieldSpec, o: string) =>
  f.optionLabel ? f.optionLabel(o, h.uiLocale) : h.t((f.labels! + f.options!.indexOf(o)) as M);

/** The label, with "(verplicht)" in text after a required one. */
export const labelText = (h: FieldHost, f: FieldSpec) => h.t(f.label) + (f.required ? ` ${h.t(M.required)}` : '');

/** A field's error, and what its control needs: `aria-invalid`, `aria-describedby`. */
export function notes(h: FieldHost, name: string) {
  const id = fieldId(name);
  const error = h.errors[name];
  return {
    by: error ? `${id}-e` : nothing,
    invalid: error ? 'true' : nothing,
    error: error ? html`<p class="error" part="error" id="${id}-e">${h.t(errorKey(error))}</p>` : '',
  };
}

/** A labelled native control with its error, wired for assistive technology. */
export function renderField(h: FieldHost, f: FieldSpec): TemplateResult {
  if (f.type == 'windows') return visitWindows(h, f);
  const { name, options = [], required } = f;
  const id = fieldId(name);
  const value = h.values[name] ?? '';
  const n = notes(h, name);
  if (f.type == 'radio') {
    return html`<fieldset class="field" id=${id}><legend part="label">${labelText(h, f)}</legend>${options.map(
      (o) => html`<div class="check"><input type="radio" part="input" id="${id}-${o}" name=${name} .value=${o} .checked=${value == o}
?required=${required} aria-invalid=${n.invalid} aria-describedby=${n.by}><label for="${id}-${o}">${optionText(h, f, o)}</label></div>`,
    )}${n.error}</fieldset>`;
  }
  const control =
    f.type == 'select'
      ? html`<select part="input" id=${id} name=${name} ?required=${required} autocomplete=${f.auto ?? nothing}
aria-invalid=${n.invalid} aria-describedby=${n.by}>${value ? '' : html`<option value="">${h.t(M.oChoose)}</option>`}${options.map(
          (o) => html`<option value=${o} .selected=${o == value}>${optionText(h, f, o)}</option>`,
        )}</select>`
      : f.type == 'textarea'
        ? html`<textarea part="input" id=${id} name=${name} rows="4" ?required=${required}
aria-invalid=${n.invalid} aria-describedby=${n.by} .value=${value}></textarea>`
        : html`<input part="input" id=${id} name=${name} type=${f.type ?? 'text'} .value=${value} ?required=${required}
autocomplete=${f.auto ?? nothing} aria-invalid=${n.invalid} aria-describedby=${n.by}>`;
  return html`<div class="field"><label part="label" for=${id}>${labelText(h, f)}</label>${control}${n.error}</div>`;
}
