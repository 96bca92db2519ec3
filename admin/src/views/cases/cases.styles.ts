import { css } from 'lit';

export const casesStyles = css`
  :host { display: block; }
  .filters .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr)); gap: 0 1rem; }
  .filters .grid > :first-child { grid-column: span 2; }
  @media (max-width: 30rem) { .filters .grid > :first-child { grid-column: auto; } }
  .filters .actions { margin: 0; }
  .state { padding: 1rem; background: var(--surface); border: 1px solid var(--soft-line); border-radius: var(--radius); }
  td, th { white-space: nowrap; }
  td.wrap { white-space: normal; min-width: 7rem; }
  th, td { padding-inline: 0.6rem; }
  tbody th { font-weight: 600; }
  .status-new { background: #fff4d6; }
  .status-closed, .status-cancelled { background: var(--canvas); }
`;
