import { html, nothing, css } from 'lit';
import type { AdminClientError } from '../../../../sdk/src/admin-client/index.js';
import { AdminElement } from '../../base/admin-element.js';
import { textField } from '../../components/field/field.js';
import { errorText, fieldErrors } from '../../state/errors.js';
import { deepActive, trapTab } from '../../components/dialog/focus.js';

type Submit = (text: string) => Promise<AdminClientError | undefined>;

/**
 * @summary A modal `<dialog>` asking for one text (an objection's reason): Tab wraps inside it,
 * Escape cancels, focus returns where it was; the server's error for `field` shows under the field.
 */
export class AdminReasonDialog extends AdminElement {
  static override styles = [AdminElement.styles, css`
    dialog { border: 1px solid var(--line); border-radius: var(--radius); padding: 1.25rem; max-width: min(36rem, calc(100vw - 2rem)); width: 100%; color: var(--ink); }
    dialog::backdrop { background: rgb(15 23 42 / 0.55); }
    h2 { margin-top: 0; }
    textarea { max-width: none; }
    .actions { justify-content: flex-end; margin-bottom: 0; }
  `];
  static override properties = { heading: {}, message: {}, label: {}, field: {}, submitLabel: {}, error: { state: true }, busy: { state: true } };
  declare heading: string;
  declare message: string;
  declare label: string;
  declare field: string;
  declare submitLabel: string;
  declare error: AdminClientError | undefined;
  declare busy: boolean;
  #submit?: Submit;
  #resolve?: (done: boolean) => void;
  #returnTo: HTMLElement | null = null;

  /** Opens the dialog; `submit` returns an error to keep it open. Resolves true when submitted. */
  async open(submit: Submit): Promise<boolean> {
    this.#submit = submit;
    this.#returnTo = deepActive();
    this.error = undefined;
    await this.updateComplete;
    const ta = this.renderRoot.querySelector('textarea')!;
    ta.value = '';
    this.renderRoot.querySelector('dialog')!.showModal();
    ta.focus();
    return new Promise((r) => (this.#resolve = r));
  }

  #close(done: boolean) {
    const d = this.renderRoot.querySelector('dialog');
    if (d?.open) d.close();
    this.#resolve?.(done);
    this.#resolve = undefined;
    this.#returnTo?.focus();
  }

  async #onSubmit(e: SubmitEvent) {
    e.preventDefault();
    this.busy = true;
    const error = await this.#submit?.(this.renderRoot.querySelector('textarea')!.value);
    this.busy = false;
    this.error = error;
    if (!error) return this.#close(true);
    this.announce(errorText(error), true);
    await this.updateComplete;
    this.renderRoot.querySelector('textarea')?.focus();
  }

  #keydown(e: KeyboardEvent) {
    trapTab(e, this.renderRoot as ShadowRoot);
  }

  override render() {
    const fieldError = fieldErrors(this.error)[this.field];
    return html`<dialog aria-labelledby="rd-title" aria-describedby="rd-message" @cancel=${(e: Event) => (e.preventDefault(), this.#close(false))} @keydown=${this.#keydown}>
      <form @submit=${this.#onSubmit} novalidate>
        <h2 id="rd-title">${this.heading}</h2>
        <p id="rd-message">${this.message}</p>
        ${this.error && !fieldError ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
        ${textField({ name: this.field ?? 'reason', id: 'rd-text', label: this.label, value: '', multiline: true, required: true, error: fieldError })}
        <div class="actions">
          <button type="button" class="cancel" @click=${() => this.#close(false)}>${this.t('cancel')}</button>
          <button type="submit" class="primary" ?disabled=${this.busy}>${this.submitLabel}</button>
        </div>
      </form>
    </dialog>`;
  }
}

customElements.define('admin-reason-dialog', AdminReasonDialog);
