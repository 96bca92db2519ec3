import type { Locale, M } from '../i18n/index.js';

/** What the consumer typed, by dot path (`subject.postcode`, `details.visitWindows.0.date`). */
export type Values = Record<string, string>;
/** Field-error codes by dot path, as `toFieldErrors` names them. */
export type Errors = Record<string, string>;

/** One field of a step. */
export type FieldSpec = {
  name: string;
  label: M;
  type?: 'text' | 'email' | 'tel' | 'date' | 'textarea' | 'select' | 'radio' | 'windows';
  required?: boolean;
  /** Values of a select or radio group. */
  options?: readonly string[];
  /** Label of the first option; the labels of the others follow it in `M`. */
  labels?: M;
  /** Option labels from elsewhere (country names from the browser). */
  optionLabel?: (value: string, locale: Locale) => string;
  /** The `autocomplete` token (WCAG 1.3.5). */
  auto?: string;
};

/** What a field needs from the form that renders it. */
export interface FieldHost {
  readonly values: Values;
  readonly errors: Errors;
  readonly uiLocale: Locale;
  t(key: M, vars?: Record<string, string | number>): string;
  /** Visit windows: set the number of rows, removing row `removeAt` first when given. */
  setRows(name: string, count: number, removeAt?: number): void;
}

/** Element id of a field (ids are scoped to the shadow root). */
export const fieldId = (name: string) => `f-${name.replace(/\./g, '-')}`;
