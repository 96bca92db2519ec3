import { html, css } from 'lit';
import { href } from '../../router/routes.js';

/** Links between the parts of one view (`#/settings/users`), the current one marked. */
export function subNav(label: string, items: readonly { path: string; label: string; current: boolean }[]) {
  return html`<nav class="subnav" aria-label=${label}><ul>
    ${items.map((i) => html`<li><a href=${href(i.path)} aria-current=${i.current ? 'page' : 'false'}>${i.label}</a></li>`)}
  </ul></nav>`;
}

export const subNavStyles = css`
  .subnav ul { list-style: none; margin: 0 0 1.25rem; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
  .subnav a { display: inline-block; padding: 0.4rem 0.8rem; border: 1px solid var(--line); border-radius: 999px; color: var(--ink); text-decoration: none; background: var(--surface); }
  .subnav a:hover { background: var(--canvas); }
  .subnav a[aria-current='page'] { background: var(--accent); border-color: var(--accent); color: var(--accent-ink); font-weight: 600; }
`;
