import { html, svg, css, nothing } from 'lit';
import type { StatCell } from '../../../../sdk/src/admin/stats.js';
import { store } from '../../state/store.js';

export type ChartRow = { label: string } & StatCell;

/** A count as people read it: suppressed cells (fewer than 5 cases) are "< 5". */
export const cellText = (c: StatCell) => (c.suppressed ? '< 5' : c.count.toLocaleString(store.locale));

const W = 300;
const LABEL = 128;
const NUM = 48;
const ROW = 26;
const cut = (s: string, n = 17) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * A horizontal bar chart as inline SVG (no style attributes: classes styled by a constructed
 * sheet). Every bar carries its number as text, suppressed cells read "< 5" with a dashed
 * outline instead of a bar, so it reads without colour; the table below it says the same for
 * screen readers and anyone who prefers numbers.
 */
export function barChart(id: string, title: string, rows: readonly ChartRow[], tableHeads: [string, string]) {
  const max = Math.max(1, ...rows.map((r) => r.count ?? 0));
  const h = rows.length * ROW + 4;
  const span = W - LABEL - NUM;
  return html`<figure class="chart" aria-labelledby=${`${id}-t`}>
    <figcaption id=${`${id}-t`}>${title}</figcaption>
    <svg viewBox=${`0 0 ${W} ${h}`} role="img" aria-labelledby=${`${id}-t`} data-chart=${id}>
      ${rows.map((r, i) => {
        const y = i * ROW + 2;
        const w = r.suppressed ? 0 : Math.max(r.count ? 2 : 0, Math.round((r.count / max) * span));
        return svg`<g class="row">
          <text class="label" x=${LABEL - 8} y=${y + 17} text-anchor="end">${cut(r.label)}</text>
          ${r.suppressed
            ? svg`<rect class="suppressed" x=${LABEL} y=${y + 4} width="24" height=${ROW - 8} rx="2"></rect>`
            : svg`<rect class="bar" x=${LABEL} y=${y + 4} width=${w} height=${ROW - 8} rx="2"></rect>`}
          <text class="value" x=${LABEL + (r.suppressed ? 24 : w) + 6} y=${y + 17}>${cellText(r)}</text>
        </g>`;
      })}
    </svg>
    <details><summary>${store.t('statAsTable', { title })}</summary>
      <div class="table-wrap" tabindex="0" role="region" aria-label=${title}><table>
        <caption>${title}</caption>
        <thead><tr><th scope="col">${tableHeads[0]}</th><th scope="col">${tableHeads[1]}</th></tr></thead>
        <tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td>${cellText(r)}${r.suppressed ? html` <span class="sr-only">${store.t('statSuppressedSr')}</span>` : nothing}</td></tr>`)}</tbody>
      </table></div>
    </details>
  </figure>`;
}

export const chartStyles = css`
  figure.chart { margin: 0 0 1rem; background: var(--surface); border: 1px solid var(--soft-line); border-radius: var(--radius); padding: 0.75rem 1rem; min-width: 0; }
  figure.chart figcaption { font-weight: 600; margin-bottom: 0.5rem; }
  figure.chart svg { display: block; width: 100%; max-width: 26rem; height: auto; overflow: visible; }
  svg text { font: 13px system-ui, sans-serif; fill: var(--ink); }
  svg text.value { font-weight: 600; }
  svg rect.bar { fill: var(--accent); }
  svg rect.suppressed { fill: none; stroke: var(--muted); stroke-width: 1.5; stroke-dasharray: 3 2; }
  figure.chart details { margin-top: 0.5rem; }
  figure.chart summary { cursor: pointer; color: var(--accent); }
  .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 26rem), 1fr)); gap: 0 1rem; }
`;
