import { css } from 'lit';

export const appStyles = css`
  :host { display: block; min-height: 100vh; background: var(--canvas); }
  .skip { position: absolute; left: 0.5rem; top: -10rem; z-index: 10; }
  .skip:focus { top: 0.5rem; }
  header { background: #14213d; color: #fff; }
  .bar { max-width: 76rem; margin: 0 auto; padding: 0.6rem 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; }
  .brand { font-weight: 700; font-size: 1.1rem; margin: 0; }
  .brand .tenant { font-weight: 400; opacity: 0.9; }
  .who { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  .who .name { font-size: 0.95rem; }
  header button { background: transparent; color: #fff; border-color: #c7d2fe; min-height: 2.25rem; padding: 0.25rem 0.75rem; }
  header button:hover { background: #24355e; }
  header :focus-visible { outline-color: #fde047; }
  nav { background: var(--surface); border-bottom: 1px solid var(--soft-line); }
  nav ul { list-style: none; margin: 0 auto; padding: 0 0.5rem; max-width: 76rem; display: flex; flex-wrap: wrap; }
  nav a { display: block; padding: 0.7rem 0.75rem; color: var(--ink); text-decoration: none; border-bottom: 3px solid transparent; }
  nav a:hover { border-bottom-color: var(--line); }
  nav a[aria-current='page'] { border-bottom-color: var(--accent); color: var(--accent); font-weight: 600; }
  main { max-width: 76rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
  main.narrow { max-width: 28rem; padding-top: 0.75rem; }
  .signin-head { display: flex; justify-content: space-between; align-items: center; gap: 1rem; max-width: 28rem; margin: 0 auto; padding: 2rem 1rem 0; }
  .signin-head button { background: var(--surface); color: var(--ink); }
  @media (max-width: 30rem) {
    .bar { padding: 0.5rem 0.75rem; }
    main { padding: 1rem 0.75rem 2rem; }
    nav a { padding: 0.6rem 0.5rem; }
  }
`;
