import { html, nothing, type PropertyValues } from 'lit';
import type * as v from 'valibot';
import { SubjectSchema } from '../../../sdk/src/schemas/subject.js';
import { ProductSchema } from '../../../sdk/src/schemas/product.js';
import { normalizePostcode } from '../../../sdk/src/schemas/postcode.js';
import { normalizePhone } from '../../../sdk/src/schemas/phone.js';
import type { CaseInput, CaseKind } from '../../../sdk/src/schemas/case.js';
import { newIdempotencyKey } from '../../../sdk/src/client/idempotency-key.js';
import { AftercareElement } from '../base/aftercare-element.js';
import { AftercareErrorEvent, AftercareStepChangeEvent, AftercareSubmittedEvent, type StepId } from '../base/events.js';
import { renderField } from '../fields/field.js';
import { fieldId, type Errors, type FieldHost, type FieldSpec, type Values } from '../fields/types.js';
import { formStyles } from '../styles/form.styles.js';
import { check, collect, fieldErrors } from './collect.js';
import { PRODUCT_FIELDS, SUBJECT_FIELDS } from './fields.js';
import { sendWithRetries } from './submit.js';
import { consentView, privacyLink, reviewView } from './views.js';

/** What a form asks on its details step, and the sdk schema that checks it. */
export type Details = { schema: v.GenericSchema; fields: FieldSpec[]; title?: string };

/** Which step shows an error at a path: `subject.postcode` → contact. */
const STEP_OF: Record<string, StepId> = { subject: 'contact', product: 'product', details: 'details', kind: 'details', consent: 'consent' };
const stepOf = (path: string) => STEP_OF[path.split('.')[0]!];
const NORMALISE = [
  ['subject.postcode', normalizePostcode, 'invalid_postcode'],
  ['subject.phone', normalizePhone, 'invalid_phone'],
] as const;

/**
 * The form engine every element shares: contact → product → details (if any) → consent →
 * review → confirmation. Each step is checked with the sdk schema the server uses; values live
 * in memory only and survive Back, failed submissions and moving the element in the page.
 */
export abstract class AftercareForm extends AftercareElement implements FieldHost {
  static override styles = formStyles;
  static override properties = {
    ...AftercareElement.properties,
    brand: {},
    model: {},
    serial: {},
    step: { state: true },
    errors: { state: true },
    sending: { state: true },
    failure: { state: true },
    status: { state: true },
  };

  /** Prefills the product step. */
  declare brand?: string;
  declare model?: string;
  declare serial?: string;
  declare step: StepId;
  declare errors: Errors;
  declare protected sending: boolean;
  declare protected failure?: string;
  declare protected status: string;
  /** Waits (ms) before each automatic extra round after the SDK's own retries gave up. */
  retryDelays: number[] = [2000, 6000];
  readonly values: Values = { 'subject.country': 'NL' };
  protected reference = '';
  private started = false;
  private attempt?: { body: string; key: string };
  private submitAbort?: AbortController;

  constructor() {
    super();
    this.step = 'contact';
    this.errors = {};
    this.sending = false;
    this.status = '';
  }

  /** The case kind this form submits now. */
  protected abstract caseKind(): CaseKind;
  /** The details step, or null when the form has none (registration). */
  protected details(): Details | null {
    return null;
  }
  /** Starting values of the element's own fields. */
  protected initialValues(): Values {
    return {};
  }

  get steps(): StepId[] {
    return ['contact', 'product', ...(this.details() ? (['details'] as const) : []), 'consent', 'review'];
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    if (!this.started) Object.assign(this.values, this.initialValues());
    this.started = true;
    for (const [prop, name] of [['brand', 'product.brand'], ['model', 'product.model'], ['serial', 'product.serialNumber']] as const) {
      if (changed.has(prop) && this[prop] && !this.values[name]) this.values[name] = this[prop]!;
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.submitAbort?.abort();
  }

  setRows(name: string, count: number, removeAt?: number) {
    const v = this.values;
    if (removeAt !== undefined) {
      for (let i = removeAt; i <= count; i++) {
        for (const k of ['date', 'part']) {
          const next = v[`${name}.${i + 1}.${k}`];
          if (next === undefined) delete v[`${name}.${i}.${k}`];
          else v[`${name}.${i}.${k}`] = next;
        }
      }
    }
    v[name] = String(count);
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([path]) => !path.startsWith(name)));
    void this.updateComplete.then(() => {
      const id = fieldId(name);
      const target = removeAt === undefined ? `#${id}-${count - 1}-date` : `#${id} > button`;
      this.renderRoot.querySelector<HTMLElement>(target)?.focus();
    });
  }

  /** Says `text` in the live region (a changed invisible mark makes a repeat heard again). */
  protected say(text: string) {
    this.status = text + (this.status.endsWith('\u200b') ? '' : '\u200b');
  }

  /** Title of the form's purpose (`k.repair`), also the details step's heading. */
  protected kindTitle(): string {
    return this.t(this.details()?.title ?? `k.${this.caseKind()}`);
  }

  protected stepTitle(step: StepId): string {
    return step === 'details' ? this.kindTitle() : this.t(`s.${step}`);
  }

  /** Consent text in the widget's language, else in the tenant's default language. */
  protected consentText() {
    const c = this.config!;
    for (const locale of [this.uiLocale, c.defaultLocale]) if (c.consentTexts[locale]) return { ...c.consentTexts[locale]!, locale };
    return undefined;
  }

  private stepErrors(step: StepId): Errors {
    const v = this.values;
    const d = this.details();
    if (step === 'contact') return check(SubjectSchema, v, SUBJECT_FIELDS, 'subject');
    if (step === 'product') return check(ProductSchema, v, PRODUCT_FIELDS, 'product');
    if (step === 'details' && d) return check(d.schema, v, d.fields, 'details');
    if (step === 'consent' && !v.consent) return { consent: 'consent_required' };
    return {};
  }

  /** Shows `errors` on the current step, announces their number and focuses the first. */
  private async report(errors: Errors) {
    const n = Object.keys(errors).length;
    this.errors = errors;
    this.say(this.t(n === 1 ? 'live.err1' : 'live.errN', { n }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  /** Moves to `step` and focuses its heading (or its first error). */
  protected async go(step: StepId, errors: Errors = {}) {
    this.step = step;
    this.errors = {};
    this.failure = undefined;
    this.dispatchEvent(new AftercareStepChangeEvent({ step }));
    if (Object.keys(errors).length) return this.report(errors);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private onInput = (e: Event) => {
    const el = e.target as HTMLInputElement;
    if (!el.name) return;
    this.values[el.name] = el.type === 'checkbox' ? (el.checked ? 'yes' : '') : el.value;
    if (this.errors[el.name]) this.errors = { ...this.errors, [el.name]: '' };
    this.requestUpdate();
  };

  /** Normalises postcode and phone for the chosen country when they change (or the country does). */
  private onChange = (e: Event) => {
    const changed = (e.target as HTMLInputElement).name;
    const country = this.values['subject.country'] || 'NL';
    for (const [name, normalise, code] of NORMALISE) {
      const raw = this.values[name]?.trim();
      if (!raw || (changed !== name && changed !== 'subject.country')) continue;
      const out = normalise(raw, country);
      if (out) this.values[name] = out;
      else if (changed === name) this.errors = { ...this.errors, [name]: code };
    }
    this.requestUpdate();
  };

  private onSubmit = async (e: Event) => {
    e.preventDefault();
    if (this.step === 'review') return this.submit();
    const errors = this.stepErrors(this.step);
    if (Object.keys(errors).length) return this.report(errors);
    await this.go(this.steps[this.steps.indexOf(this.step) + 1]!);
  };

  private back = () => this.go(this.steps[this.steps.indexOf(this.step) - 1]!);

  private input(): CaseInput {
    const v = this.values;
    const d = this.details();
    const text = this.consentText();
    const page = location.href;
    return {
      kind: this.caseKind(),
      subject: collect(v, SUBJECT_FIELDS, 'subject'),
      product: collect(v, PRODUCT_FIELDS, 'product'),
      ...(d && { details: collect(v, d.fields, 'details') }),
      consent: { accepted: true, textId: text?.id ?? '', textHash: text?.hash ?? '', locale: text?.locale ?? this.uiLocale, privacyUrl: this.config!.privacyUrl },
      ...(/^https?:/.test(page) && { pageUrl: page }),
    } as CaseInput;
  }

  /**
   * Sends the case with one Idempotency-Key per distinct body, kept across every retry until it
   * succeeds; on failure nothing typed is lost. Field errors send the consumer to their step.
   */
  protected async submit() {
    if (this.sending) return;
    for (const step of this.steps) {
      const errors = this.stepErrors(step);
      if (Object.keys(errors).length) return this.go(step, errors);
    }
    const input = this.input();
    const body = JSON.stringify(input);
    if (this.attempt?.body !== body) this.attempt = { body, key: newIdempotencyKey() };
    const idempotencyKey = this.attempt.key;
    const abort = (this.submitAbort = new AbortController());
    this.sending = true;
    this.failure = undefined;
    this.say(this.t('sending'));
    const send = () => this.client!.submitCase(input, { idempotencyKey, signal: abort.signal });
    const result = await sendWithRetries(send, abort.signal, this.retryDelays, () => this.say(this.t('live.retrying')));
    this.sending = false;
    if (abort.signal.aborted) return;
    if (result.data) {
      this.attempt = undefined;
      this.reference = result.data.reference;
      this.say('');
      this.dispatchEvent(new AftercareSubmittedEvent({ kind: input.kind, reference: result.data.reference }));
      return this.go('done');
    }
    const { code, errors = [] } = result.error;
    this.dispatchEvent(new AftercareErrorEvent({ code }));
    const mapped = fieldErrors(this.values, errors.filter((e) => stepOf(e.path)));
    const first = this.steps.find((s) => Object.keys(mapped).some((p) => stepOf(p) === s));
    if (first) return this.go(first, mapped);
    this.failure = code;
    this.say(`${this.errorMessage(code)} ${this.t('x.kept')}`);
  }

  private stepBody() {
    const d = this.details();
    switch (this.step) {
      case 'contact':
        return SUBJECT_FIELDS.map((f) => renderField(this, f));
      case 'product':
        return PRODUCT_FIELDS.map((f) => renderField(this, f));
      case 'details':
        return d?.fields.map((f) => renderField(this, f));
      case 'consent':
        return consentView(this, this.consentText(), this.config?.privacyUrl);
      default: {
        const sections = this.steps.filter((s) => s !== 'consent' && s !== 'review');
        const fields = { contact: SUBJECT_FIELDS, product: PRODUCT_FIELDS, details: d?.fields ?? [] } as Record<StepId, FieldSpec[]>;
        return reviewView(this, sections.map((s) => [s, this.stepTitle(s), fields[s]]), (s) => void this.go(s));
      }
    }
  }

  protected override renderForm() {
    const steps = this.steps;
    const i = steps.indexOf(this.step);
    const review = this.step === 'review';
    const main =
      this.step === 'done'
        ? html`<header part="step-header"><h2 tabindex="-1">${this.t('s.done')}</h2></header>
            <p>${this.t('done.ref')}</p>
            <p class="ref">${this.reference}</p>`
        : html`<form novalidate @submit=${this.onSubmit} @input=${this.onInput} @change=${this.onChange}>
            <header part="step-header">
              <p class="progress">${this.kindTitle()} · ${this.t('progress', { n: i + 1, total: steps.length })}</p>
              <h2 tabindex="-1">${this.stepTitle(this.step)}</h2>
            </header>
            ${this.stepBody()}
            ${this.failure ? html`<p class="alert" id="failure">${this.errorMessage(this.failure)} ${this.t('x.kept')}</p>` : nothing}
            <div class="actions">
              ${i > 0 ? html`<button type="button" part="button" @click=${this.back}>${this.t('back')}</button>` : nothing}
              <button part="button" class="primary" aria-disabled=${this.sending ? 'true' : nothing}
                aria-describedby=${this.failure ? 'failure' : nothing}>
                ${this.t(!review ? 'next' : this.sending ? 'sending' : this.failure ? 'retry' : 'submit')}
              </button>
            </div>
          </form>`;
    return html`${main}
      <footer>${privacyLink(this, this.config?.privacyUrl)}</footer>
      <div class="sr" role="status" aria-live="polite">${this.status}</div>`;
  }
}
