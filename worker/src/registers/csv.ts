import type { RegisterContact, Dpo } from '../../../sdk/src/admin/platform.js';
import type { RegisterDocument } from '../../../sdk/src/admin/register.js';
import { BOM, csvRow, type Delimiter } from '../admin/exports/csv.js';
import { registerTexts } from './texts.js';

type Row = [section: string, item: string, field: string, value: unknown];

const contactRows = (section: string, c: RegisterContact | null, notSet: string): Row[] =>
  c ? (['name', 'address', 'email', 'phone'] as const).filter((k) => c[k]).map((k) => [section, 'contact', k, c[k]]) : [[section, 'contact', 'name', notSet]];
const dpoRows = (section: string, d: Dpo, none: string): Row[] =>
  d ? (['name', 'email', 'phone'] as const).filter((k) => d[k]).map((k) => [section, 'dpo', k, d[k]]) : [[section, 'dpo', 'name', none]];

/**
 * The register as CSV, one fact per line: section, item, field, value (UTF-8 with BOM, CRLF,
 * formula-looking cells guarded by the exports' CSV writer). Section names are stable keys;
 * the header row and free text follow `doc.lang`.
 */
export function registerCsv(doc: Omit<RegisterDocument, 'exportId'>, delimiter: Delimiter): string {
  const t = registerTexts(doc.lang);
  const rows: Row[] = [
    ['register', 'title', 'text', t.title],
    ['register', 'generatedAt', 'time', doc.generatedAt],
    ['processor', 'processor', 'name', doc.processor.name],
    ...contactRows('processor', doc.processor.contact, t.notSet),
    ...dpoRows('processor', doc.processor.dpo, t.noDpo),
    ['controller', 'controller', 'name', doc.controller.name],
    ...contactRows('controller', doc.controller.contact, t.notSet),
    ...dpoRows('controller', doc.controller.dpo, t.noDpo),
    ...doc.processing.flatMap((p): Row[] => [
      ['processing', p.kind, 'name', p.name],
      ['processing', p.kind, 'purpose', p.purpose],
      ['processing', p.kind, 'dataSubjects', p.dataSubjects],
      ...p.dataCategories.map((c): Row => ['processing', p.kind, c.category, `${c.label}: ${c.fields.join(', ')}`]),
    ]),
    ...doc.operations.map((o, i): Row => ['operations', String(i + 1), 'text', o]),
    ...doc.subprocessors.flatMap((s): Row[] => [
      ['subprocessor', s.id, 'name', s.name],
      ['subprocessor', s.id, 'purpose', s.purpose],
      ['subprocessor', s.id, 'location', s.location],
      ['subprocessor', s.id, 'safeguards', s.safeguards],
      ['subprocessor', s.id, 'startDate', s.startDate],
      ['subprocessor', s.id, 'upcoming', s.upcoming],
    ]),
    ...doc.transfers.map((x): Row => ['transfer', x.subprocessorId, x.country, `${x.recipient}: ${x.safeguards ?? ''}`]),
    ...doc.securityMeasures.split('\n').filter(Boolean).map((m, i): Row => ['security', String(i + 1), 'text', m]),
  ];
  const header = doc.lang === 'nl' ? ['sectie', 'onderdeel', 'veld', 'waarde'] : ['section', 'item', 'field', 'value'];
  return BOM + csvRow(header, delimiter) + rows.map((r) => csvRow(r, delimiter)).join('');
}
