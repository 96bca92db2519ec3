import { unsafeCSS } from 'lit';

/**
 * Styles shared by every form. `.root` resets everything the page could pass down by
 * inheritance (`all: initial`), so a hostile page stylesheet cannot restyle the form; only the
 * `--aftercare-*` tokens, `::part()` and the font family (inherited by default) come through.
 * Sizes are in `em` of the user's `medium` font size: no fixed widths, fine at 320 px and 200 %.
 * Kept terse on purpose: this text ships as is, inside the 20 KB budget. `unsafeCSS` of a
 * constant (nothing is interpolated) instead of the `css` tag, whose checks cost bytes.
 */
export const formStyles = unsafeCSS(`
:host{display:block}
:host([hidden]){display:none}
.root{--p:var(--aftercare-primary,#0b5394);--e:var(--aftercare-error,#b00020);--bg:var(--aftercare-background,#fff);--r:var(--aftercare-radius,.25em);--s:var(--aftercare-spacing,1em);--b:1px solid var(--aftercare-border,#6b6b6b);
all:initial;display:block;padding:var(--s);line-height:1.5;overflow-wrap:break-word;font-family:var(--aftercare-font-family,inherit);
font-size:var(--aftercare-font-size,medium);color:var(--aftercare-text,#1f1f1f);background:var(--bg)}
*{box-sizing:border-box}
p,.field{margin:0 0 var(--s)}
fieldset{border:0;padding:0;min-width:0}
fieldset fieldset{border:var(--b);border-radius:var(--r);padding:.5em;margin:0 0 var(--s)}
fieldset fieldset>legend{padding:0 .25em}
dd{margin:0 0 .5em}
footer{margin-top:var(--s);padding-top:var(--s);border-top:var(--b)}
label,legend,dt{display:block;font-weight:600;padding:0}
.check label{font-weight:400}
input,select,textarea{display:block;width:100%;min-height:2.75em;padding:.5em;font:inherit;color:inherit;background:var(--bg);border:var(--b);border-radius:var(--r)}
.check{display:flex;gap:.5em}
.check input{width:1.25em;height:1.25em;min-height:0;flex:none;accent-color:var(--p)}
[aria-invalid=true]{border:2px solid var(--e)}
.error{color:var(--e);font-weight:600}
.error,.progress{margin:0}
.actions{display:flex;gap:.5em;margin-top:var(--s)}
button{font:inherit;min-height:2.75em;padding:.5em 1em;margin-bottom:.5em;border:2px solid var(--p);border-radius:var(--r);color:var(--p);background:var(--bg);transition:background .2s}
.primary{margin-left:auto;color:var(--aftercare-primary-text,#fff);background:var(--p)}
:focus-visible{outline:3px solid var(--aftercare-focus-ring,var(--p));outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
@media (prefers-reduced-motion:reduce){*{transition:none!important}}
`);
