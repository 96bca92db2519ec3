import { html, nothing } from 'lit';
import { ERASED_MODEL, type CaseStatistics } from '../../../../sdk/src/admin/stats.js';
import { store } from '../../state/store.js';
import { kindLabel, statusLabel } from '../../i18n/labels.js';
import { formatDateTime } from '../../i18n/index.js';
import { barChart, cellText } from './chart.js';

const monthLabel = (m: string) => new Date(`${m}-01T00:00:00Z`).toLocaleDateString(store.locale === 'en' ? 'en-GB' : 'nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Every chart of a statistics answer (tenant or platform), with the median resolution time as a table. */
export function statsCharts(s: CaseStatistics, prefix: string) {
  const t = store.t.bind(store);
  const count = t('statCount');
  return html`<p>${t('statTotal', { total: cellText(s.total), at: formatDateTime(s.generatedAt, store.locale) })}</p>
    <div class="charts">
      ${barChart(`${prefix}-kind`, t('statByKind'), s.byKind.map((c) => ({ ...c, label: kindLabel(c.kind) })), [t('colKind'), count])}
      ${barChart(`${prefix}-status`, t('statByStatus'), s.byStatus.map((c) => ({ ...c, label: statusLabel(c.status) })), [t('colStatus'), count])}
      ${barChart(`${prefix}-month`, t('statByMonth'), [{ ...s.earlier, label: t('statEarlier') }, ...s.byMonth.map((c) => ({ ...c, label: monthLabel(c.month) }))], [t('statMonth'), count])}
      ${barChart(`${prefix}-model`, t('statByModel'), [...s.byModel.map((c) => ({ ...c, label: c.model === ERASED_MODEL ? t('statErasedModel', { brand: c.brand }) : `${c.brand} ${c.model}` })), { ...s.otherModels, label: t('statOtherModels') }], [t('statModel'), count])}
    </div>
    <div class="table-wrap" tabindex="0" role="region" aria-label=${t('statResolution')}><table>
      <caption>${t('statResolution')}</caption>
      <thead><tr><th scope="col">${t('colKind')}</th><th scope="col">${t('statMedian')}</th></tr></thead>
      <tbody>${s.resolution.map((r) => html`<tr><th scope="row">${kindLabel(r.kind)}</th>
        <td>${r.medianDays === null || r.suppressed ? html`— <span class="sr-only">${t('statNoMedian')}</span>` : t('statDays', { days: r.medianDays.toLocaleString(store.locale) })}</td></tr>`)}</tbody>
    </table></div>
    <p class="hint">${t('statSuppressedNote', { min: s.minCount })}</p>${nothing}`;
}
