/**
 * Tenant theme tokens from `GET /v1/config` (`{ primary: '#0b5394' }`) as one `:host` rule.
 * They come from the network, so only safe names and values pass: a value can neither close the
 * rule (`;{}<>\`) nor load anything (`url(`, `image`; R3: no third-party requests).
 */
export function themeCss(theme: Record<string, unknown> = {}): string {
  const decls = Object.entries(theme)
    .filter(([name, value]) => /^[a-z][a-z0-9-]{0,40}$/.test(name) && typeof value == 'string' && /^[^;{}<>\\]{1,200}$/.test(value) && !/url\(|image|@|\/\*/i.test(value) && value.trim())
    .map(([name, value]) => `--aftercare-${name}:${(value as string).trim()}`);
  return decls.length ? `:host{${decls.join(';')}}` : '';
}

const sheets = new WeakMap<ShadowRoot, CSSStyleSheet>();

/**
 * Adopts the theme into `root` after the component's own styles (once per root; a new config
 * replaces its rule). A page rule on the element (`aftercare-repair { --aftercare-primary: … }`)
 * still wins: outer rules beat `:host`. A constructed sheet is CSSOM, not inline style, so
 * `style-src 'self'` allows it.
 */
export function adoptTheme(root: ShadowRoot, theme?: Record<string, unknown>) {
  let sheet = sheets.get(root);
  if (!sheet) sheets.set(root, (sheet = new CSSStyleSheet())), (root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]);
  sheet.replaceSync(themeCss(theme));
}
