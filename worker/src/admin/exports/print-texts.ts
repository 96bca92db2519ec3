import type { PrintLang } from '../../../../sdk/src/admin/exports.js';

/** Texts of the print view (nl default, en). */
const nl = {
  title: 'Zaken', confidential: 'Vertrouwelijk: bevat persoonsgegevens', printedAt: 'Afgedrukt', by: 'door', cases: 'zaken',
  filter: 'Filter', allCases: 'alle zaken', none: 'Geen zaken gevonden.', hint: 'Druk af met de afdrukfunctie van uw browser (Ctrl+P of Cmd+P).',
  logged: 'Deze afdruk is vastgelegd in het exportlogboek onder nummer', reference: 'Referentie', kind: 'Soort', status: 'Status',
  created: 'Aangemaakt', name: 'Naam', address: 'Adres', contact: 'Contact', product: 'Product', serial: 'Serienummer', assigned: 'Toegewezen aan', details: 'Gegevens',
};
export type PrintTextKey = keyof typeof nl;

export const PRINT_TEXTS: Record<PrintLang, Record<PrintTextKey, string>> = {
  nl,
  en: {
    title: 'Cases', confidential: 'Confidential: contains personal data', printedAt: 'Printed', by: 'by', cases: 'cases',
    filter: 'Filter', allCases: 'all cases', none: 'No cases found.', hint: "Print with your browser's print function (Ctrl+P or Cmd+P).",
    logged: 'This print is recorded in the export log as', reference: 'Reference', kind: 'Kind', status: 'Status',
    created: 'Created', name: 'Name', address: 'Address', contact: 'Contact', product: 'Product', serial: 'Serial number', assigned: 'Assigned to', details: 'Details',
  },
};
