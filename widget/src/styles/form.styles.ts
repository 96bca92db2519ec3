import { css } from 'lit';

/**
 * Styles shared by every form. The `.root` box resets what the page could pass down by
 * inheritance (`all: initial`), so a hostile page stylesheet cannot restyle the form; only the
 * `--aftercare-*` tokens, `::part()` and the font family (inherited by default) come through.
 * Sizes are in `em` from the user's `medium` font size: no fixed widths, fine at 320 px and 200 %.
 */
export const formStyles = css`
  :host { display: block; }
  :host([hidden]) { display: none; }
  .root {
    all: initial; display: block; box-sizing: border-box; max-width: 100%; overflow-wrap: break-word;
    font-family: var(--aftercare-font-family, inherit); font-size: var(--aftercare-font-size, medium); line-height: 1.5;
    color: var(--aftercare-text, #1f1f1f); background-color: var(--aftercare-background, #fff);
    padding: var(--aftercare-spacing, 1em); border-radius: var(--aftercare-radius, 0.25em);
  }
  * , *::before, *::after { box-sizing: border-box; }
  h2 { font-size: 1.375em; line-height: 1.25; margin: 0 0 0.75em; }
  h3 { font-size: 1.125em; margin: 1em 0 0.5em; }
  p { margin: 0 0 1em; }
  .progress, .hint { color: var(--aftercare-muted, #505050); font-size: 0.875em; margin: 0 0 0.25em; }
  .field { margin: 0 0 var(--aftercare-spacing, 1em); min-width: 0; }
  fieldset { border: 0; padding: 0; margin: 0 0 var(--aftercare-spacing, 1em); min-width: 0; }
  label, legend { display: block; font-weight: 600; margin: 0 0 0.25em; padding: 0; }
  .req { font-weight: 400; }
  input, select, textarea {
    display: block; width: 100%; max-width: 100%; min-height: 2.75em; margin: 0; padding: 0.5em;
    font: inherit; color: inherit; background-color: var(--aftercare-background, #fff);
    border: 1px solid var(--aftercare-border, #6b6b6b); border-radius: var(--aftercare-radius, 0.25em);
  }
  textarea { resize: vertical; min-height: 6em; }
  .check { display: flex; align-items: flex-start; gap: 0.5em; margin: 0 0 0.5em; }
  .check input { flex: none; width: 1.25em; min-height: 0; height: 1.25em; margin: 0.125em 0 0; accent-color: var(--aftercare-primary, #0b5394); }
  .check label { font-weight: 400; margin: 0; }
  [aria-invalid='true'] { border: 2px solid var(--aftercare-error, #b00020); }
  .error { color: var(--aftercare-error, #b00020); font-weight: 600; margin: 0.25em 0 0; }
  .row { display: flex; flex-wrap: wrap; gap: 0 1em; }
  .row > .field { flex: 1 1 12em; }
  .window { border-left: 3px solid var(--aftercare-border, #6b6b6b); padding-left: 0.75em; }
  .window legend { font-weight: 400; }
  .actions { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5em; margin: 1.5em 0 0; }
  button {
    font: inherit; cursor: pointer; min-height: 2.75em; padding: 0.5em 1.25em; margin: 0;
    border: 2px solid var(--aftercare-primary, #0b5394); border-radius: var(--aftercare-radius, 0.25em);
    color: var(--aftercare-primary, #0b5394); background-color: var(--aftercare-background, #fff);
    transition: background-color 0.15s, color 0.15s;
  }
  button.primary { color: var(--aftercare-primary-text, #fff); background-color: var(--aftercare-primary, #0b5394); }
  button[aria-disabled='true'] { cursor: progress; opacity: 0.8; }
  .actions .primary { margin-left: auto; }
  a { color: var(--aftercare-primary, #0b5394); text-decoration: underline; }
  :focus-visible { outline: 3px solid var(--aftercare-focus-ring, #0b5394); outline-offset: 2px; }
  h2:focus { outline: none; }
  dl { margin: 0 0 0.5em; }
  dt { font-weight: 600; }
  dd { margin: 0 0 0.5em; white-space: pre-line; }
  .ref { font-size: 1.5em; font-weight: 700; letter-spacing: 0.05em; }
  .alert { border-left: 4px solid var(--aftercare-error, #b00020); padding: 0.5em 1em; margin: 1em 0 0; }
  footer { margin: 1.5em 0 0; padding: 0.5em 0 0; border-top: 1px solid var(--aftercare-border, #6b6b6b); font-size: 0.875em; }
  .sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
  @media (prefers-reduced-motion: reduce) {
    *, *::before, *::after { transition: none !important; animation: none !important; scroll-behavior: auto !important; }
  }
`;
