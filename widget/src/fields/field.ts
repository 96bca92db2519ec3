import { html, nothing, type TemplateResult } from 'lit';
import { fieldId, type FieldHost, type FieldSpec } from './types.js';
import { visitWindows } from './visit-windows.js';

const last = (name: string) => name.slice(name.lastIndexOf('.') + 1);


export function optionText(h: FieldHost, f: FieldSpec, o: string): string {
  return f.optionLabel ? f.optionLabel(o, h.uiLocale) : h.t(`o.${o}`);
}

export const labelText = (h: FieldHost, f: FieldSpec) => h.t(`f.${last(f.name)}`);

const mark = (h: FieldHost, f: FieldSpec) => (f.required ? html` <span class="req">${h.t('required')}</span>` : nothing);

/** The hint and error lines of a field, and the ids to put in `aria-describedby`. */
export function notes(h: FieldHost, name: string, hint?: string) {
  const id = fieldId(name);
  const error = h.errors[name];
  const ids = [hint && `${id}-h`, error && `${id}-e`].filter(Boolean).join(' ');
  return {
    describedby: ids || nothing,
    invalid: error ? 'true' : nothing,
    hint: hint ? html`<p class="hint" id="${id}-h">${h.t(hint)}</p>` : nothing,
    error: error ? html`<p class="error" part="error" id="${id}-e">${h.t(`e.${error}`)}</p>` : nothing,
  };
}

/** A labelled native control with its hint and error, wired for assistive technology. */
export function renderField(h: FieldHost, f: FieldSpec): TemplateResult {
  if (f.type === 'windows') return visitWindows(h, f);
  const id = fieldId(f.name);
  const value = h.values[f.name] ?? '';
  const n = notes(h, f.name, f.hint);
  const label = labelText(h, f);
  if (f.type === 'radio') {
    return html`<fieldset class="field" id=${id}>
      <legend part="label">${label}${mark(h, f)}</legend>
      ${n.hint}
      ${f.options!.map(
        (o) => html`<div class="check">
          <input type="radio" part="input" id="${id}-${o}" name=${f.name} .value=${o} .checked=${value === o}
            ?required=${f.required} aria-invalid=${n.invalid} aria-describedby=${n.describedby}>
          <label for="${id}-${o}">${optionText(h, f, o)}</label>
        </div>`,
      )}
      ${n.error}
    </fieldset>`;
  }
  const head = html`<label part="label" for=${id}>${label}${mark(h, f)}</label>${n.hint}`;
  let control: TemplateResult;
  if (f.type === 'select') {
    control = html`<select part="input" id=${id} name=${f.name} ?required=${f.required} autocomplete=${f.auto ?? nothing}
      aria-invalid=${n.invalid} aria-describedby=${n.describedby}>
      ${value ? nothing : html`<option value="">${h.t('o.choose')}</option>`}
      ${f.options!.map((o) => html`<option value=${o} .selected=${o === value}>${optionText(h, f, o)}</option>`)}
    </select>`;
  } else if (f.type === 'textarea') {
    control = html`<textarea part="input" id=${id} name=${f.name} rows="4" ?required=${f.required}
      aria-invalid=${n.invalid} aria-describedby=${n.describedby} .value=${value}></textarea>`;
  } else {
    control = html`<input part="input" id=${id} name=${f.name} type=${f.type ?? 'text'} .value=${value} ?required=${f.required}
      autocomplete=${f.auto ?? nothing} aria-invalid=${n.invalid} aria-describedby=${n.describedby}>`;
  }
  return html`<div class="field">${head}${control}${n.error}</div>`;
}
