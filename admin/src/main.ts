/**
 * The admin page's entry (one bundle, built by scripts/build-admin.mjs): the document's own
 * styles as a constructed stylesheet (a strict CSP allows no <style>), then the app element.
 */
import { documentCss } from './base/tokens.styles.js';
import './app/admin-app.js';

const sheet = new CSSStyleSheet();
sheet.replaceSync(documentCss);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
