/**
 * Tenant theme tokens from `GET /v1/config` (`{ primary: '#0b5394' }`) as one `:host` rule.
 * They come from the network, so only safe names and values pass: a value cannot close the
 * rule (`;{}<>\`), and cannot load anything (`url(`, `image(`; R3: no third-party requests).
 */
const NAME = /^[a-z][a-z0-9-]{0,40}$/;
const BAD_VALUE = /[;{}<>\\]|url\(|image|@import|\/\*/i;

export function themeCss(theme: Record<string, unknown> | undefined): string {
  const decls: string[] = [];
  for (const [name, value] of Object.entries(theme ?? {})) {
    if (!NAME.test(name) || typeof value !== 'string' || value.length > 200 || !value.trim() || BAD_VALUE.test(value)) continue;
    decls.push(`--aftercare-${name}:${value.trim()}`);
  }
  return decls.length ? `:host{${decls.join(';')}}` : '';
}

/**
 * Adopts the theme into `root` after the component's own styles. A page rule on the element
 * (`aftercare-repair { --aftercare-primary: … }`) still wins: outer rules beat `:host`.
 * Constructed sheets are CSSOM, not inline style, so `style-src 'self'` allows them.
 */
export function adoptTheme(root: ShadowRoot, theme: Record<string, unknown> | undefined, previous?: CSSStyleSheet): CSSStyleSheet | undefined {
  const own = root.adoptedStyleSheets.filter((s) => s !== previous);
  const css = themeCss(theme);
  if (!css) {
    root.adoptedStyleSheets = own;
    return undefined;
  }
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [...own, sheet];
  return sheet;
}
