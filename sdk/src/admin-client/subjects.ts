import type {
  AnonymiseResult,
  RectifyResult,
  SubjectAccessExport,
  SubjectConsent,
  SubjectDetail,
  SubjectPatchInput,
  SubjectSearchResult,
} from '../admin/subjects.js';
import type { AdminResult, Transport } from './transport.js';

const seg = encodeURIComponent;

/** Data-subject rights (R6, R9, R10, R11): `admin.subjects.*`. */
export function subjectsApi(t: Transport) {
  return {
    /** Find subjects by email, phone or name; anonymised subjects are never returned. */
    search: (q: string): Promise<AdminResult<SubjectSearchResult>> => t.json('GET', '/subjects', { query: { q } }),
    /** One subject with its cases, products and consent evidence. */
    get: (id: string): Promise<AdminResult<SubjectDetail>> => t.json('GET', `/subjects/${seg(id)}`),
    /** R9: correct fields; `null` clears phone or house-number addition. */
    rectify: (id: string, patch: SubjectPatchInput): Promise<AdminResult<RectifyResult>> => t.json('PATCH', `/subjects/${seg(id)}`, { body: patch }),
    /** R11: everything held about the subject, as one JSON document (logged as an export). */
    accessExport: (id: string): Promise<AdminResult<SubjectAccessExport>> => t.json('GET', `/subjects/${seg(id)}/export`),
    /** R6: record a withdrawal of consent (the evidence stays). */
    withdrawConsent: (id: string, consentId: string): Promise<AdminResult<SubjectConsent>> =>
      t.json('POST', `/subjects/${seg(id)}/consents/${seg(consentId)}/withdraw`, { body: {} }),
    /** R10: erase by anonymisation. Irreversible; owners only. */
    anonymise: (id: string): Promise<AdminResult<AnonymiseResult>> => t.json('POST', `/subjects/${seg(id)}/anonymise`, { body: { confirm: true } }),
  };
}
export type SubjectsApi = ReturnType<typeof subjectsApi>;
