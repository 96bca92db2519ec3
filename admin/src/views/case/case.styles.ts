import { css } from 'lit';

export const caseStyles = css`
  :host { display: block; }
  .back { margin: 0 0 0.5rem; }
  .layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; align-items: start; }
  @media (max-width: 56rem) { .layout { grid-template-columns: minmax(0, 1fr); } }
  .card h2 { margin-top: 0; }
  td.ua { min-width: 14rem; max-width: 24rem; overflow-wrap: anywhere; }
  td.hash { max-width: 12rem; }
  td { white-space: normal; }
`;
