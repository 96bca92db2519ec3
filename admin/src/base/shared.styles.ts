import { css } from 'lit';
import { tokens } from './tokens.styles.js';

/** What every admin element shares: type, focus ring, buttons, fields, tables, notices. */
export const shared = [
  tokens,
  css`
    *, *::before, *::after { box-sizing: border-box; }
    [hidden] { display: none !important; }
    h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 1rem; }
    h2 { font-size: 1.2rem; line-height: 1.3; margin: 1.5rem 0 0.75rem; }
    h3 { font-size: 1.05rem; margin: 1rem 0 0.5rem; }
    /* Headings take focus only from script (view changes), never from Tab: no ring. */
    h1:focus, h1:focus-visible, h2[tabindex='-1']:focus { outline: none; }
    p { margin: 0 0 0.75rem; }
    a { color: var(--accent); text-underline-offset: 0.15em; }
    a:hover { text-decoration-thickness: 2px; }
    :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .muted { color: var(--muted); }
    .sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

    button, .button {
      font: inherit; display: inline-flex; align-items: center; justify-content: center; gap: 0.4rem;
      min-height: 2.5rem; padding: 0.4rem 1rem; border-radius: var(--radius); cursor: pointer;
      border: 1px solid var(--line); background: var(--surface); color: var(--ink); text-decoration: none; line-height: 1.2;
    }
    button:hover, .button:hover { background: var(--canvas); }
    button.primary, .button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-ink); font-weight: 600; }
    button.primary:hover, .button.primary:hover { background: #1e40af; }
    button.danger { background: var(--danger); border-color: var(--danger); color: #fff; font-weight: 600; }
    button.danger:hover { background: #912018; }
    button.link { border: none; background: none; color: var(--accent); text-decoration: underline; padding: 0.2rem; min-height: 0; }
    button[disabled] { opacity: 0.6; cursor: not-allowed; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 1rem 0; }

    label, .label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
    .field { margin: 0 0 1rem; min-width: 0; }
    .hint { color: var(--muted); font-size: 0.9rem; margin: 0.1rem 0 0.3rem; }
    input:not([type='checkbox']):not([type='radio']), select, textarea {
      font: inherit; width: 100%; max-width: 32rem; min-height: 2.5rem; padding: 0.4rem 0.6rem;
      border: 1px solid var(--line); border-radius: var(--radius); background: var(--surface); color: var(--ink);
    }
    textarea { min-height: 6rem; resize: vertical; }
    input[aria-invalid='true'], select[aria-invalid='true'], textarea[aria-invalid='true'] { border: 2px solid var(--danger); }
    input[type='checkbox'], input[type='radio'] { width: 1.2rem; height: 1.2rem; margin: 0; accent-color: var(--accent); flex: none; }
    .check { display: flex; gap: 0.5rem; align-items: center; font-weight: normal; }
    .field-error { color: var(--danger); font-weight: 600; margin: 0.25rem 0 0; }
    fieldset { border: 1px solid var(--soft-line); border-radius: var(--radius); padding: 0.75rem 1rem; margin: 0 0 1rem; min-width: 0; }
    legend { font-weight: 600; padding: 0 0.25rem; }

    .notice { border-radius: var(--radius); padding: 0.75rem 1rem; margin: 0 0 1rem; border: 1px solid; }
    .notice.error { background: var(--danger-soft); border-color: var(--danger); color: var(--danger); }
    .notice.ok { background: var(--ok-soft); border-color: var(--ok); color: var(--ok); }
    .notice.info { background: var(--accent-soft); border-color: var(--accent); color: var(--ink); }
    .notice p:last-child { margin: 0; }

    .card > h2:first-child, .card > h3:first-child, form.card > h2:first-child { margin-top: 0; }
    .card { background: var(--surface); border: 1px solid var(--soft-line); border-radius: var(--radius); padding: 1rem; margin: 0 0 1rem; min-width: 0; }
    .table-wrap { overflow-x: auto; background: var(--surface); border: 1px solid var(--soft-line); border-radius: var(--radius); margin: 0 0 1rem; }
    td.mono, td code, td .mono { white-space: nowrap; }
    .table-wrap:focus-visible { outline: 3px solid var(--focus); }
    table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
    caption { text-align: start; font-weight: 600; padding: 0.6rem 0.75rem; }
    th, td { text-align: start; padding: 0.5rem 0.75rem; border-top: 1px solid var(--soft-line); vertical-align: top; }
    tbody th a { white-space: nowrap; }
    thead th { background: var(--canvas); border-top: 1px solid var(--soft-line); white-space: nowrap; }
    dl.facts { display: grid; grid-template-columns: minmax(8rem, max-content) minmax(0, 1fr); gap: 0.35rem 1rem; margin: 0; }
    dl.facts dt { font-weight: 600; color: var(--muted); }
    dl.facts dd { margin: 0; overflow-wrap: anywhere; }
    @media (max-width: 40rem) {
      dl.facts { grid-template-columns: minmax(0, 1fr); }
      dl.facts dd { margin-bottom: 0.4rem; }
    }
    .badge { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 999px; background: var(--accent-soft); color: var(--ink); font-size: 0.85rem; border: 1px solid var(--soft-line); white-space: nowrap; }
    code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; overflow-wrap: anywhere; }
  `,
];
