import { html, nothing, css } from 'lit';
import { AdminElement } from '../../base/admin-element.js';
import { textField } from '../field/field.js';
import { deepActive, trapTab } from './focus.js';

/**
 * @summary A modal confirmation (native `<dialog>` with `showModal()`: the rest of the page is
 * inert, Escape cancels). Tab and Shift+Tab wrap inside it; focus returns to where it was.
 * With `word` set, the confirm button works only once that word is typed (irreversible actions).
 */
export class AdminConfirmDialog extends AdminElement {
  static override styles = [AdminElement.styles, css`
    dialog { border: 1px solid var(--line); border-radius: var(--radius); padding: 1.25rem; max-width: min(32rem, calc(100vw - 2rem)); width: 100%; color: var(--ink); }
    dialog::backdrop { background: rgb(15 23 42 / 0.55); }
    h2 { margin-top: 0; }
    input { max-width: none; }
    .actions { justify-content: flex-end; margin-bottom: 0; }
  `];
  static override properties = { heading: {}, message: {}, word: {}, confirmLabel: {}, danger: { type: Boolean }, typed: { state: true }, wrong: { state: true } };
  declare heading: string;
  declare message: string;
  declare word: string | undefined;
  declare confirmLabel: string;
  declare danger: boolean;
  declare typed: string;
  declare wrong: boolean;
  #resolve?: (ok: boolean) => void;
  #returnTo: HTMLElement | null = null;

  constructor() {
    super();
    this.typed = '';
    this.wrong = false;
    this.danger = false;
  }

  /** Opens the dialog; resolves true when confirmed, false when cancelled. */
  async open(): Promise<boolean> {
    this.#returnTo = deepActive();
    this.typed = '';
    this.wrong = false;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog')!;
    dialog.showModal();
    (this.renderRoot.querySelector<HTMLElement>('input') ?? this.renderRoot.querySelector<HTMLElement>('button.cancel'))?.focus();
    return new Promise((resolve) => (this.#resolve = resolve));
  }

  #close(ok: boolean) {
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog?.open) dialog.close();
    this.#resolve?.(ok);
    this.#resolve = undefined;
    this.#returnTo?.focus();
  }

  #confirm(e: SubmitEvent) {
    e.preventDefault();
    if (this.word && this.typed.trim().toLowerCase() !== this.word.toLowerCase()) {
      this.wrong = true;
      this.renderRoot.querySelector<HTMLElement>('input')?.focus();
      return;
    }
    this.#close(true);
  }

  #keydown(e: KeyboardEvent) {
    trapTab(e, this.renderRoot as ShadowRoot);
  }

  override render() {
    return html`<dialog aria-labelledby="d-title" aria-describedby="d-message" @cancel=${(e: Event) => (e.preventDefault(), this.#close(false))} @keydown=${this.#keydown}>
      <form @submit=${this.#confirm} novalidate>
        <h2 id="d-title">${this.heading}</h2>
        <p id="d-message">${this.message}</p>
        ${this.word
          ? html`<div @input=${(e: Event) => ((this.typed = (e.target as HTMLInputElement).value), (this.wrong = false))}>
              ${textField({ name: 'confirmWord', label: this.t('confirmTypeWord', { word: this.word }), value: this.typed, error: this.wrong ? this.t('confirmWordWrong', { word: this.word }) : undefined, lang: this.store.locale })}
            </div>`
          : nothing}
        <div class="actions">
          <button type="button" class="cancel" @click=${() => this.#close(false)}>${this.t('cancel')}</button>
          <button type="submit" class=${this.danger ? 'danger' : 'primary'}>${this.confirmLabel || this.t('confirm')}</button>
        </div>
      </form>
    </dialog>`;
  }
}


customElements.define('admin-confirm-dialog', AdminConfirmDialog);
