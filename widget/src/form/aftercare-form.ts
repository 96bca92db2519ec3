import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { GenericSchema } from 'valibot';
import { SubjectSchema } from '../../../sdk/src/schemas/subject.js';
import { ProductSchema } from '../../../sdk/src/schemas/product.js';
import { normalizePostcode } from '../../../sdk/src/schemas/postcode.js';
import { normalizePhone } from '../../../sdk/src/schemas/phone.js';
import type { CaseInput, CaseKind } from '../../../sdk/src/schemas/case.js';
import { newIdempotencyKey } from '../../../sdk/src/client/idempotency-key.js';
import { AftercareElement } from '../base/aftercare-element.js';
import { AftercareErrorEvent, AftercareStepChangeEvent, AftercareSubmittedEvent, type StepId } from '../base/events.js';
import { renderField } from '../fields/field.js';
import { M, STEPS, failureKey } from '../i18n/index.js';
import { fieldId, type Errors, type FieldHost, type FieldSpec, type Values } from '../fields/types.js';
import { formStyles } from '../styles/form.styles.js';
import { check, collect, fieldErrors } from './collect.js';
import { PRODUCT_FIELDS, SUBJECT_FIELDS } from './fields.js';
import { sendWithRetries } from './submit.js';
import { consentView, privacyLink, reviewView } from './views.js';

/** The details step of a form: its fields, the sdk schema that checks them, its title key. */
export type Details = { schema: GenericSchema; fields: FieldSpec[]; title: M };
/** A step that fills part of the case: step id, schema, fields, and the case property it fills. */
type Section = [StepId, GenericSchema, FieldSpec[], string];

const count = (o: object) => Object.keys(o).length;

/**
 * The form engine every element shares: contact → product → details (if any) → consent →
 * review → confirmation. Each step is checked with the sdk schema the server uses; values live
 * in memory only, and survive Back, failed submissions and moving the element in the page.
 */
export abstract class AftercareForm extends AftercareElement implements FieldHost {
  static override styles = formStyles;
  // Lit adds these to the base element's properties (it finalizes the whole class chain).
  static override properties: PropertyDeclarations = {
    brand: {},
    model: {},
    serial: {},
    step: { state: true },
    errors: { state: true },
    sending: { state: true },
    failure: { state: true },
    status: { state: true },
  };

  /** Prefill of the product step. */
  declare brand?: string;
  declare model?: string;
  declare serial?: string;
  declare step: StepId;
  declare errors: Errors;
  declare protected sending?: boolean;
  declare protected failure?: string;
  declare protected status: string;
  /** Waits (ms) before each automatic extra round once the SDK's own retries gave up. */
  retryDelays = [2000, 6000];
  readonly values: Values = { 'subject.country': 'NL' };
  #reference = '';
  #attempt: string[] = [];
  #abort?: AbortController;

  constructor() {
    super();
    this.step = 'contact';
    this.errors = {};
    this.status = '';
  }

  /** The case kind this form submits now. */
  protected abstract caseKind(): CaseKind;
  /** The details step, or null when the form has none (registration). */
  protected details(): Details | null {
    return null;
  }

  #sections(): Section[] {
    const d = this.details();
    return [
      ['contact', SubjectSchema, SUBJECT_FIELDS, 'subject'],
      ['product', ProductSchema, PRODUCT_FIELDS, 'product'],
      ...(d ? [['details', d.schema, d.fields, 'details'] as Section] : []),
    ];
  }

  get steps(): StepId[] {
    return [...this.#sections().map((s) => s[0]), 'consent', 'review'];
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    for (const p of ['brand', 'model', 'serial'] as const) if (changed.has(p) && this[p]) this.values[`product.${p == 'serial' ? 'serialNumber' : p}`] ||= this[p]!;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  /** Visit windows: `n` rows, after removing row `removeAt`; focus stays in the group. */
  setRows(name: string, n: number, removeAt?: number) {
    const v = this.values;
    for (let i = removeAt ?? n; i <= n; i++) for (const k of ['date', 'part']) v[`${name}.${i}.${k}`] = v[`${name}.${i + 1}.${k}`] ?? '';
    v[name] = String(n);
    this.errors = {};
    const id = fieldId(name);
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(removeAt == null ? `#${id}-${n - 1}-date` : `#${id}>button`)?.focus());
  }

  /** Says `text` in the live region (a toggled invisible mark makes a repeat heard again). */
  #say(text: string) {
    this.status = text + (this.status.endsWith('\u200b') ? '' : '\u200b');
  }

  /** A step's title; the details step (and the form as a whole, `kind`) is titled by the form. */
  #title(step: StepId | 'kind') {
    return this.t(step == 'details' || step == 'kind' ? (this.details()?.title ?? M.kRegistration) : ((M.sContact + STEPS.indexOf(step)) as M));
  }

  /** Consent text in the widget's language, else in the tenant's default language. */
  #consentText() {
    const texts = this.config!.consentTexts;
    const locale = texts[this.uiLocale] ? this.uiLocale : this.config!.defaultLocale;
    return texts[locale] && { ...texts[locale]!, locale };
  }

  #check(step: StepId): Errors {
    const s = this.#sections().find((x) => x[0] == step);
    return s ? check(s[1], this.values, s[2], s[3]) : step == 'consent' && !this.values.consent ? { consent: 'consent_required' } : {};
  }

  /** Moves to `step` and focuses its heading; with `errors`, shows them, says how many, focuses the first. */
  protected async go(step: StepId, errors: Errors = {}) {
    const n = count(errors);
    if (step != this.step) this.dispatchEvent(new AftercareStepChangeEvent({ step }));
    this.step = step;
    this.errors = errors;
    this.failure = undefined;
    if (n) this.#say(this.t(n == 1 ? M.liveErr1 : M.liveErrN, { n }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(n ? '[aria-invalid=true]' : 'h2')?.focus();
  }

  #onInput({ target: el }: { target: HTMLInputElement }) {
    this.values[el.name] = el.type == 'checkbox' ? (el.checked ? 'yes' : '') : el.value;
    this.errors = { ...this.errors, [el.name]: '' };
  }

  /** Normalises postcode and phone for the chosen country when they change (or the country does). */
  #onChange({ target: { name } }: { target: HTMLInputElement }) {
    const v = this.values;
    for (const [field, normalise, code] of [['subject.postcode', normalizePostcode, 'invalid_postcode'], ['subject.phone', normalizePhone, 'invalid_phone']] as const) {
      if (!v[field]?.trim() || (name != field && name != 'subject.country')) continue;
      const out = normalise(v[field], v['subject.country']!);
      if (out) v[field] = out;
      else if (name == field) this.errors = { ...this.errors, [field]: code };
    }
    this.requestUpdate();
  }

  #onSubmit(e: Event) {
    e.preventDefault();
    if (this.step == 'review') return this.submit();
    const errors = this.#check(this.step);
    this.go(count(errors) ? this.step : this.steps[this.steps.indexOf(this.step) + 1]!, errors);
  }

  /**
   * Sends the case with one Idempotency-Key per distinct body, kept across every retry until it
   * succeeds; a failure keeps everything typed. Field errors send the consumer to their step.
   */
  protected async submit() {
    if (this.sending) return;
    const bad = this.steps.find((s) => count(this.#check(s)));
    if (bad) return this.go(bad, this.#check(bad));
    const text = this.#consentText();
    const input = {
      kind: this.caseKind(),
      ...Object.fromEntries(this.#sections().map(([, , fields, prefix]) => [prefix, collect(this.values, fields, prefix)])),
      consent: { accepted: true, textId: text?.id, textHash: text?.hash, locale: text?.locale, privacyUrl: this.config!.privacyUrl },
      ...(/^https?:/.test(location.href) && { pageUrl: location.href }),
    } as CaseInput;
    const body = JSON.stringify(input);
    if (this.#attempt[0] != body) this.#attempt = [body, newIdempotencyKey()];
    const idempotencyKey = this.#attempt[1];
    const { signal } = (this.#abort = new AbortController());
    this.sending = true;
    this.failure = undefined;
    this.#say(this.t(M.sending));
    const send = () => this.client!.submitCase(input, { idempotencyKey, signal });
    const { data, error } = await sendWithRetries(send, signal, this.retryDelays, () => this.#say(this.t(M.liveRetrying)));
    this.sending = false;
    if (signal.aborted) return;
    if (data) {
      this.#attempt = [];
      this.#reference = data.reference;
      this.dispatchEvent(new AftercareSubmittedEvent({ kind: input.kind, reference: data.reference }));
      return this.go('done');
    }
    this.dispatchEvent(new AftercareErrorEvent({ code: error.code }));
    // A 422 with field errors: back to the first step that has one, showing that step's.
    for (const [step, , , prefix] of this.#sections()) {
      const mine = (error.errors ?? []).filter((e) => e.path.startsWith(`${prefix}.`));
      if (mine.length) return this.go(step, fieldErrors(input, mine));
    }
    this.failure = error.code;
    this.#say(`${this.t(failureKey(error.code))} ${this.t(M.xKept)}`);
  }

  protected override renderForm() {
    const { step, steps, failure } = this;
    const i = steps.indexOf(step);
    const section = this.#sections().find((x) => x[0] == step);
    return html`${
      step == 'done'
        ? html`<header part="step-header"><h2 tabindex="-1">${this.t(M.sDone)}</h2></header><p>${this.t(M.doneRef)}</p><p><strong>${this.#reference}</strong></p>`
        : html`<form novalidate @submit=${this.#onSubmit} @input=${this.#onInput} @change=${this.#onChange}>
<header part="step-header"><p class="progress">${this.#title('kind')} · ${this.t(M.progress, { n: i + 1, total: steps.length })}</p><h2 tabindex="-1">${this.#title(step)}</h2></header>
${
  section
    ? section[2].map((f) => renderField(this, f))
    : step == 'consent'
      ? consentView(this, this.#consentText(), this.config!.privacyUrl)
      : reviewView(this, this.#sections().map(([id, , fields]) => [this.#title(id), fields]))
}${failure ? html`<p class="error" id="failure">${this.t(failureKey(failure))} ${this.t(M.xKept)}</p>` : ''}
<div class="actions">${i ? html`<button type="button" part="button" @click=${() => this.go(steps[i - 1]!)}>${this.t(M.back)}</button>` : ''}<button part="button" class="primary"
aria-disabled=${this.sending || nothing} aria-describedby=${failure ? 'failure' : nothing}>${this.t(
            step != 'review' ? M.next : this.sending ? M.sending : failure ? M.retry : M.submit,
          )}</button></div></form>`
    }<footer>${privacyLink(this, this.config!.privacyUrl)}</footer><div class="sr" role="status">${this.status}</div>`;
  }
}
