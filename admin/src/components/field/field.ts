import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

/**
 * Form fields as templates (not elements), so the label, the control and its error live in the
 * same shadow root: `for`/`id` and `aria-describedby` work, and axe sees the association.
 */
export type FieldOptions = {
  name: string;
  label: string;
  value: string;
  error?: string;
  /** Marked invalid without a text of its own (the form's notice says why). */
  invalid?: boolean;
  hint?: string;
  type?: 'text' | 'password' | 'email' | 'tel' | 'url' | 'date' | 'search';
  autocomplete?: string;
  required?: boolean;
  inputmode?: 'numeric' | 'text' | 'email' | 'tel' | 'url';
  multiline?: boolean;
  requiredMark?: string;
  lang?: string;
  id?: string;
};

export function textField(o: FieldOptions): TemplateResult {
  const id = o.id ?? `f-${o.name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  const describedBy = [o.hint ? `${id}-hint` : '', o.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const control = o.multiline
    ? html`<textarea id=${id} name=${o.name} .value=${live(o.value)} ?required=${o.required} aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy)}></textarea>`
    : html`<input id=${id} name=${o.name} type=${o.type ?? 'text'} .value=${live(o.value)} ?required=${o.required}
        autocomplete=${ifDefined(o.autocomplete)} inputmode=${ifDefined(o.inputmode)} lang=${ifDefined(o.lang)}
        aria-invalid=${o.error || o.invalid ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy)} />`;
  return html`<div class="field">
    <label for=${id}>${o.label}${o.required && o.requiredMark ? html` <span class="muted">${o.requiredMark}</span>` : nothing}</label>
    ${o.hint ? html`<p class="hint" id=${`${id}-hint`}>${o.hint}</p>` : nothing}
    ${control}
    ${o.error ? html`<p class="field-error" id=${`${id}-error`}>${o.error}</p>` : nothing}
  </div>`;
}

export type SelectOptions = {
  name: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  error?: string;
  id?: string;
};

export function selectField(o: SelectOptions): TemplateResult {
  const id = o.id ?? `f-${o.name}`;
  return html`<div class="field">
    <label for=${id}>${o.label}</label>
    <select id=${id} name=${o.name} aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${ifDefined(o.error ? `${id}-error` : undefined)}>
      ${o.options.map((opt) => html`<option value=${opt.value} ?selected=${opt.value === o.value}>${opt.label}</option>`)}
    </select>
    ${o.error ? html`<p class="field-error" id=${`${id}-error`}>${o.error}</p>` : nothing}
  </div>`;
}

/** The values of a form's named controls (checkboxes as booleans). */
export function formValues(form: HTMLFormElement): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const el of Array.from(form.elements) as (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[]) {
    if (!el.name) continue;
    if (el instanceof HTMLInputElement && el.type === 'checkbox') out[el.name] = el.checked;
    else if (el instanceof HTMLInputElement && el.type === 'radio') { if (el.checked) out[el.name] = el.value; }
    else out[el.name] = el.value;
  }
  return out;
}

/** After a failed submit: focus the first invalid control (else the form's error notice). */
export function focusFirstError(root: ParentNode) {
  const target = root.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root.querySelector<HTMLElement>('.notice.error');
  if (target && !target.matches('input,select,textarea,button')) target.setAttribute('tabindex', '-1');
  target?.focus();
}
