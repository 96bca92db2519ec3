import { html, nothing, css } from 'lit';
import type { ExportLogEntry } from '../../../../sdk/src/admin/exports.js';
import { store } from '../../state/store.js';
import { errorText } from '../../state/errors.js';
import { formatDateTime } from '../../i18n/index.js';
import { LogPageElement, actorName } from './log-page.js';

/** @summary The export/print log with its own downloads (CSV, CSV for Excel, JSON), each logged too. */
export class AdminExportLog extends LogPageElement<ExportLogEntry> {
  static override styles = [LogPageElement.styles, css`
    :host { display: block; }
    td, th { white-space: nowrap; }
    td.filter { white-space: normal; min-width: 12rem; overflow-wrap: anywhere; }
  `];

  protected fetchPage(cursor?: string) {
    return store.client.logs.exports(cursor ? { cursor } : {});
  }

  #filter(f: Record<string, unknown>) {
    const parts = Object.entries(f).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
    return parts.length ? parts.join(', ') : '—';
  }

  override render() {
    const logs = store.client.logs;
    return html`<p>${this.t('exportLogIntro')}</p>
      <section class="card"><h2 id="dl-title">${this.t('exportLogDownload')}</h2>
        <div class="actions">
          <a class="button" download href=${logs.exportsCsvUrl()}>${this.t('exportLogCsv')}</a>
          <a class="button" download href=${logs.exportsCsvUrl({ delimiter: 'semicolon' })}>${this.t('exportLogCsvExcel')}</a>
          <a class="button" download href=${logs.exportsJsonUrl()}>${this.t('exportLogJson')}</a>
        </div></section>
      ${this.error ? html`<div class="notice error" role="alert"><p>${errorText(this.error)}</p></div>` : nothing}
      ${!this.items
        ? (this.error ? nothing : html`<p role="status">${this.t('loading')}</p>`)
        : !this.items.length
          ? html`<p class="card">${this.t('noExports')}</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('exportLogCaption')}><table>
              <caption>${this.t('exportLogCaption')}</caption>
              <thead><tr><th scope="col">${this.t('colWhen')}</th><th scope="col">${this.t('colWho')}</th><th scope="col">${this.t('colIp')}</th>
                <th scope="col">${this.t('colFormat')}</th><th scope="col">${this.t('colFilter')}</th><th scope="col">${this.t('colRows')}</th></tr></thead>
              <tbody>${this.items.map((e) => html`<tr><td>${formatDateTime(e.at, store.locale)}</td><td>${actorName(e.actor)}</td><td class="mono">${e.ip}</td>
                <td><code>${e.kind}</code></td><td class="filter">${this.#filter(e.filter)}</td><td>${e.rowCount}</td></tr>`)}</tbody>
            </table></div>`}
      ${this.next ? html`<div class="actions"><button type="button" ?disabled=${this.loading} @click=${() => this.load(this.next!)}>${this.loading ? this.t('loading') : this.t('loadMore')}</button></div>` : nothing}`;
  }
}
customElements.define('admin-export-log', AdminExportLog);
