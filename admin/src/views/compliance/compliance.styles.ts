import { css } from 'lit';

/** What the compliance and platform panels share: status words with icons, fact lists, form grids. */
export const complianceStyles = css`
  :host { display: block; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr)); gap: 0 1rem; }
  input, select, textarea { max-width: none; }
  td, th { white-space: nowrap; }
  td.wrap, th.wrap { white-space: normal; min-width: 12rem; overflow-wrap: anywhere; }
  .status { display: inline-flex; align-items: center; gap: 0.3rem; font-weight: 600; white-space: nowrap; }
  .status svg { width: 1.1rem; height: 1.1rem; flex: none; }
  .status.met { color: var(--ok); }
  .status.missed { color: var(--danger); }
  .status.pending { color: var(--ink); }
  .item { border: 1px solid var(--soft-line); border-radius: var(--radius); background: var(--surface); padding: 1rem; margin: 0 0 1rem; }
  .item > h3:first-child, .item > h2:first-child, form.card > h4:first-child { margin-top: 0; }
  .pre { white-space: pre-line; }
  ul.plain { margin: 0 0 0.75rem; padding-left: 1.25rem; }
  .cmd { display: block; background: var(--canvas); border: 1px solid var(--line); border-radius: var(--radius); padding: 0.5rem 0.75rem; margin: 0 0 0.75rem; }
  .secret { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  .secret code { background: var(--surface); border: 1px solid var(--line); padding: 0.3rem 0.5rem; border-radius: var(--radius); }
`;
