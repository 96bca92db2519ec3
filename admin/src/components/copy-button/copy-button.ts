import { html } from 'lit';
import { AdminElement } from '../../base/admin-element.js';

/** @summary Copies `text` to the clipboard and says so in the page's live region. */
export class AdminCopyButton extends AdminElement {
  static override properties = { text: {}, label: {} };
  declare text: string;
  declare label?: string;

  async #copy() {
    try {
      await navigator.clipboard.writeText(this.text);
      this.announce(this.t('copied'));
    } catch {
      this.announce(this.t('copyFailed'), true);
    }
  }

  override render() {
    return html`<button type="button" @click=${this.#copy}>${this.label ?? this.t('copy')}</button>`;
  }
}

customElements.define('admin-copy-button', AdminCopyButton);
