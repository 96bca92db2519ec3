import type { BaseIssue } from 'valibot';
import type { FieldError } from './problem.js';

/** English fallback text per field-error code; the widget translates the code itself. */
export const FIELD_MESSAGES: Record<string, string> = {
  required: 'This field is required.',
  invalid_type: 'This value has the wrong type.',
  too_short: 'This value is too short.',
  too_long: 'This value is too long.',
  too_many: 'Too many entries.',
  duplicate: 'Entries must be different.',
  invalid_format: 'This value has an invalid format.',
  invalid_value: 'This value is not one of the allowed options.',
  invalid_kind: 'Unknown case kind.',
  invalid_postcode: 'This is not a valid postcode for the country.',
  invalid_phone: 'This is not a valid phone number.',
  invalid_email: 'This is not a valid email address.',
  invalid_country: 'This country is not supported.',
  invalid_date: 'This is not a calendar date that exists (YYYY-MM-DD).',
  invalid_url: 'This is not a valid http(s) URL.',
  date_in_future: 'This date lies in the future.',
  date_in_past: 'This date lies in the past.',
  unknown_field: 'This field is not allowed.',
  consent_required: 'Consent is required.',
};

/** Dot path of an issue: `subject.postcode`, `details.visitWindows.0.date`. */
export function issuePath(issue: BaseIssue<unknown>): string {
  return (issue.path ?? []).map((p) => String(p.key)).join('.');
}

/** valibot issues → per-field errors with stable codes (one per path, the first wins). */
export function toFieldErrors(issues: readonly BaseIssue<unknown>[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of issues) {
    const path = issuePath(issue);
    if (seen.has(path)) continue;
    seen.add(path);
    let code = issue.message in FIELD_MESSAGES ? issue.message : 'invalid_value';
    // A strict object reports unknown keys (expected "never") and missing keys with one message.
    if (code === 'unknown_field' && issue.expected !== 'never') code = 'required';
    if (issue.input === undefined && (code === 'invalid_type' || code === 'invalid_value')) code = 'required';
    out.push({ path, code, message: FIELD_MESSAGES[code]! });
  }
  return out;
}
