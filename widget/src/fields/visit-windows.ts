import { html, nothing, type TemplateResult } from 'lit';
import { fieldId, type FieldHost, type FieldSpec } from './types.js';
import { labelText, notes, renderField } from './field.js';

export const MAX_WINDOWS = 5;
const PARTS = ['morning', 'afternoon', 'evening'] as const;

/** Number of visit-window rows shown: what the consumer chose, at least 1 when required. */
export const rowCount = (h: { values: Record<string, string> }, f: FieldSpec) =>
  Math.max(Number(h.values[f.name] ?? 0) || 0, f.required ? 1 : 0);

/**
 * Visit windows (`details.visitWindows.<i>.date|part`): a group of rows, each a native date
 * input and a part-of-day select, with buttons to add and remove rows.
 */
export function visitWindows(h: FieldHost, f: FieldSpec): TemplateResult {
  const count = rowCount(h, f);
  const n = notes(h, f.name);
  const rows = Array.from({ length: count }, (_, i) => {
    const base = `${f.name}.${i}`;
    const label = h.t('window', { n: i + 1 });
    return html`<fieldset class="window">
      <legend>${label}</legend>
      <div class="row">
        ${renderField(h, { name: `${base}.date`, type: 'date', required: true })}
        ${renderField(h, { name: `${base}.part`, type: 'select', options: PARTS, required: true })}
      </div>
      ${count > (f.required ? 1 : 0)
        ? html`<button type="button" part="button" class="link" @click=${() => h.setRows(f.name, count - 1, i)}>${h.t('remove', { n: i + 1 })}</button>`
        : nothing}
    </fieldset>`;
  });
  return html`<fieldset class="field" id=${fieldId(f.name)} aria-describedby=${n.describedby}>
    <legend part="label">${labelText(h, f)}${f.required ? html` <span class="req">${h.t('required')}</span>` : nothing}</legend>
    ${rows}
    ${n.error}
    ${count < MAX_WINDOWS
      ? html`<button type="button" part="button" @click=${() => h.setRows(f.name, count + 1)}>${h.t('add')}</button>`
      : nothing}
  </fieldset>`;
}
