import { css } from 'lit';

export const signInStyles = css`
  :host { display: block; }
  .card { padding: 1.5rem; }
  input { max-width: none; }
  .secret dd { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
`;
