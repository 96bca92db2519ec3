import { html, type TemplateResult } from 'lit';
import { M } from '../i18n/index.js';
import { fieldId, type FieldHost, type FieldSpec } from './types.js';
import { labelText, notes, renderField } from './field.js';

/** The part-of-day select of a visit window (also used to show one on the review step). */
export const partField = (name: string): FieldSpec => ({
  name,
  label: M.fPart,
  type: 'select',
  options: ['morning', 'afternoon', 'evening'],
  labels: M.oMorning,
  required: true,
});

/** Rows shown: as many as the consumer chose (at most 5), at least 1 when required. */
export const rowCount = (values: Record<string, string>, f: FieldSpec) => Math.max(+(values[f.name] ?? 0) || 0, f.required ? 1 : 0);

/**
 * Visit windows (`details.visitWindows.<i>.date|part`): a group of rows, each a native date input
 * and a part-of-day select in its own group ("Tijdvak 2"), with buttons to add and remove rows.
 */
export function visitWindows(h: FieldHost, f: FieldSpec): TemplateResult {
  const count = rowCount(h.values, f);
  const n = notes(h, f.name);
  const rows = Array.from({ length: count }, (_, i) => {
    const at = `${f.name}.${i}`;
    return html`<fieldset><legend>${h.t(M.window, { n: i + 1 })}</legend>${renderField(h, { name: `${at}.date`, label: M.fDate, type: 'date', required: true })}${renderField(
      h,
      partField(`${at}.part`),
    )}${count > (f.required ? 1 : 0) ? html`<button type="button" part="button" @click=${() => h.setRows(f.name, count - 1, i)}>${h.t(M.remove, { n: i + 1 })}</button>` : ''}</fieldset>`;
  });
  return html`<fieldset class="field" id=${fieldId(f.name)} aria-describedby=${n.by}><legend part="label">${labelText(h, f)}</legend>${rows}${n.error}${
    count < 5 ? html`<button type="button" part="button" @click=${() => h.setRows(f.name, count + 1)}>${h.t(M.add)}</button>` : ''
  }</fieldset>`;
}
