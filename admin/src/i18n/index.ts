export { EN, NL, type MessageKey } from './messages.js';
export { LOCALES, browserLocale, format, formatDate, formatDateTime, formatShortDateTime, type AdminLocale } from './locale.js';
