import * as v from 'valibot';
import { CaseInputSchema, toFieldErrors, type CaseOutput } from '../../../sdk/src/schemas/index.js';
import { problem } from '../lib/problem.js';
import type { TenantRow } from '../http/env.js';
import type { Lookups } from '../http/lookups.js';
import { consentMismatch } from './consent-check.js';

/** Parses and checks a submission: JSON, the sdk schema, the tenant's kinds, consent (R4, R5). */
export async function checkCase(raw: string, tenant: TenantRow, lookups: Lookups): Promise<{ input: CaseOutput } | { refusal: Response }> {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { refusal: problem('invalid_json') };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { refusal: problem('validation_failed', { errors: [{ path: '', code: 'invalid_type', message: 'The body must be a JSON object.' }] }) };
  }
  const parsed = v.safeParse(CaseInputSchema, body);
  if (!parsed.success) {
    const errors = toFieldErrors(parsed.issues);
    const consentMissing = errors.some((e) => e.path === 'consent' || e.path === 'consent.accepted');
    return { refusal: problem(consentMissing ? 'consent_required' : 'validation_failed', { errors }) };
  }
  const input = parsed.output;
  if (!tenant.kinds.includes(input.kind)) {
    return { refusal: problem('kind_not_enabled', { errors: [{ path: 'kind', code: 'kind_not_enabled', message: 'This kind of case is not enabled.' }] }) };
  }
  const mismatch = await consentMismatch(lookups, tenant, input.consent);
  if (mismatch) return { refusal: problem('consent_mismatch', { detail: mismatch }) };
  return { input };
}
