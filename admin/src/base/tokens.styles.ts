import { css } from 'lit';

/**
 * Colours chosen for WCAG 2.1 AA on white (text ≥ 4.5:1, controls ≥ 3:1): ink #1f2933 15:1,
 * muted #4a5563 7.6:1, accent #1d4ed8 6.7:1, danger #b42318 6.6:1, ok #166534 7.1:1.
 */
export const tokens = css`
  :host {
    --ink: #1f2933;
    --muted: #4a5563;
    --line: #8a94a3;
    --soft-line: #d5dae1;
    --surface: #ffffff;
    --canvas: #f3f5f8;
    --accent: #1d4ed8;
    --accent-ink: #ffffff;
    --accent-soft: #e8eefc;
    --danger: #b42318;
    --danger-soft: #fdeceb;
    --ok: #166534;
    --ok-soft: #e7f5ec;
    --focus: #1d4ed8;
    --radius: 6px;
    --gap: 1rem;
    color: var(--ink);
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    font-size: 1rem;
    line-height: 1.5;
  }
`;

/** The document itself (html/body) as a constructed sheet: no <style> element, no inline style. */
export const documentCss = `
html { background: #f3f5f8; color: #1f2933; -webkit-text-size-adjust: 100%; }
body { margin: 0; min-width: 0; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
@media (prefers-reduced-motion: reduce) { html { scroll-behavior: auto; } *, *::before, *::after { animation: none !important; transition: none !important; } }
`;
