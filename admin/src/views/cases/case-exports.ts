import { html } from 'lit';
import { css } from 'lit';
import type { CaseFilterInput } from '../../../../sdk/src/admin/cases.js';
import { AdminElement } from '../../base/admin-element.js';
import { store } from '../../state/store.js';

/**
 * @summary Export buttons for the filtered list: CSV, CSV for Excel (semicolons), JSON as
 * downloads, and the print view in a new tab. Plain links: the browser streams the file to disk
 * with the session cookie (GET needs no CSRF header); the server logs each before sending.
 */
export class AdminCaseExports extends AdminElement {
  static override styles = [AdminElement.styles, css`
    :host { display: block; }
    .card { padding: 0.75rem 1rem; }
    h2 { margin: 0 0 0.25rem; font-size: 1.05rem; }
    .actions { margin: 0.5rem 0 0; }
    .hint { margin: 0; }
  `];
  static override properties = { filter: { attribute: false } };
  declare filter: CaseFilterInput;

  constructor() {
    super();
    this.filter = {};
  }

  /** The list's filter without paging (an export covers every matching case). */
  #query() {
    const { cursor: _c, limit: _l, ...f } = this.filter;
    return f;
  }

  override render() {
    const x = store.client.exports;
    const q = this.#query();
    return html`<section class="card">
      <h2 id="exports-title">${this.t('exportTitle')}</h2>
      <p class="hint">${this.t('exportHint')}</p>
      <div class="actions">
        <a class="button" download href=${x.csvUrl(q)} @click=${this.#started}>${this.t('exportCsv')}</a>
        <a class="button" download href=${x.csvUrl(q, { delimiter: 'semicolon' })} @click=${this.#started}>${this.t('exportCsvExcel')}</a>
        <a class="button" download href=${x.jsonUrl(q)} @click=${this.#started}>${this.t('exportJson')}</a>
        <a class="button" target="_blank" rel="noopener" href=${x.printUrl(q, { lang: store.locale })}>${this.t('exportPrint')}</a>
      </div>
    </section>`;
  }

  #started = () => this.announce(this.t('downloadStarted'));
}

customElements.define('admin-case-exports', AdminCaseExports);
