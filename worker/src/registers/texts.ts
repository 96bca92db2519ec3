import type { CaseKind } from '../../../sdk/src/schemas/index.js';
import type { DataCategory, RegisterLang } from '../../../sdk/src/admin/register.js';

/** The register's words in Dutch and English: activities per case kind, data categories, headings. */
type Activity = { name: string; purpose: string };

const ACTIVITIES: Record<RegisterLang, Record<CaseKind, Activity>> = {
  nl: {
    registration: { name: 'Productregistratie', purpose: 'Vastleggen van gekochte producten voor service, garantie en terugroepacties.' },
    warranty: { name: 'Garantie', purpose: 'Registreren van garantie en afhandelen van garantieclaims.' },
    repair: { name: 'Reparatieverzoeken', purpose: 'Afhandelen van reparatieverzoeken, inclusief het plannen van een bezoek van een monteur.' },
    installation: { name: 'Installatie', purpose: 'Plannen en uitvoeren van installaties bij de consument.' },
    complaint: { name: 'Klachten', purpose: 'Afhandelen van klachten over een product of dienst.' },
    return: { name: 'Retouren', purpose: 'Afhandelen van retourzendingen en terugbetalingen.' },
    exchange: { name: 'Omruilen', purpose: 'Afhandelen van omruilverzoeken.' },
  },
  en: {
    registration: { name: 'Product registration', purpose: 'Recording purchased products for service, warranty and recalls.' },
    warranty: { name: 'Warranty', purpose: 'Registering warranty and handling warranty claims.' },
    repair: { name: 'Repair requests', purpose: 'Handling repair requests, including scheduling a technician\'s visit.' },
    installation: { name: 'Installation', purpose: 'Scheduling and carrying out installations at the consumer\'s address.' },
    complaint: { name: 'Complaints', purpose: 'Handling complaints about a product or service.' },
    return: { name: 'Returns', purpose: 'Handling returns and refunds.' },
    exchange: { name: 'Exchanges', purpose: 'Handling exchange requests.' },
  },
};

const CATEGORIES: Record<RegisterLang, Record<DataCategory, string>> = {
  nl: {
    identity: 'Naam', contact: 'Contactgegevens', address: 'Adresgegevens', product: 'Product- en aankoopgegevens', case: 'Omschrijving van het verzoek',
    appointment: 'Afspraakvoorkeuren', order: 'Bestel- en retourgegevens', consent: 'Bewijs van toestemming (incl. IP-adres en user agent)', other: 'Overig',
  },
  en: {
    identity: 'Name', contact: 'Contact details', address: 'Address', product: 'Product and purchase details', case: 'Description of the request',
    appointment: 'Appointment preferences', order: 'Order and return details', consent: 'Evidence of consent (incl. IP address and user agent)', other: 'Other',
  },
};

const TEXTS = {
  nl: {
    title: 'Register van verwerkingsactiviteiten (art. 30 lid 2 AVG)',
    dataSubjects: 'Consumenten (klanten van de verwerkingsverantwoordelijke) die een aftersalesverzoek indienen.',
    operations: [
      'Verzamelen via de formulieren op de website van de verwerkingsverantwoordelijke, met vastlegging van toestemming.',
      'Opslaan en raadplegen door medewerkers van de verwerkingsverantwoordelijke en door aan een zaak toegewezen partnerorganisaties.',
      'Exporteren en afdrukken in opdracht van de verwerkingsverantwoordelijke (gelogd).',
      'Rectificeren, inzage verstrekken en anonimiseren op verzoek, en automatisch anonimiseren na afloop van de bewaartermijn.',
    ],
    processor: 'Verwerker', controller: 'Verwerkingsverantwoordelijke', dpo: 'Functionaris gegevensbescherming', noDpo: 'Niet aangesteld', notSet: 'Nog niet ingevuld',
    name: 'Naam', address: 'Adres', email: 'E-mail', phone: 'Telefoon',
    processing: 'Categorieën van verwerkingen', activity: 'Activiteit', purpose: 'Doel', subjects: 'Betrokkenen', data: 'Gegevens', operationsTitle: 'Verwerkingen',
    subprocessors: 'Subverwerkers', location: 'Locatie', safeguards: 'Waarborgen', startDate: 'Startdatum', upcoming: 'aangekondigd', none: 'Geen',
    transfers: 'Doorgiften naar derde landen', recipient: 'Ontvanger', country: 'Land', noTransfers: 'Geen doorgiften buiten de EER.',
    security: 'Algemene beschrijving van de technische en organisatorische beveiligingsmaatregelen',
    generatedAt: 'Gegenereerd op', logged: 'Deze afdruk is vastgelegd in het exportlog onder', confidential: 'Vertrouwelijk', hint: 'Gebruik de afdrukfunctie van de browser (Ctrl/Cmd+P) om te printen of als PDF op te slaan.',
  },
  en: {
    title: 'Record of processing activities (art. 30(2) GDPR)',
    dataSubjects: 'Consumers (customers of the controller) who submit an after-sales request.',
    operations: [
      'Collection through the forms on the controller\'s website, with a record of consent.',
      'Storage and consultation by the controller\'s staff and by partner organisations a case is assigned to.',
      'Export and printing on the controller\'s instruction (logged).',
      'Rectification, access and anonymisation on request, and automatic anonymisation at the end of the retention period.',
    ],
    processor: 'Processor', controller: 'Controller', dpo: 'Data protection officer', noDpo: 'Not appointed', notSet: 'Not filled in yet',
    name: 'Name', address: 'Address', email: 'E-mail', phone: 'Phone',
    processing: 'Categories of processing', activity: 'Activity', purpose: 'Purpose', subjects: 'Data subjects', data: 'Data', operationsTitle: 'Processing operations',
    subprocessors: 'Sub-processors', location: 'Location', safeguards: 'Safeguards', startDate: 'Start date', upcoming: 'announced', none: 'None',
    transfers: 'Transfers to third countries', recipient: 'Recipient', country: 'Country', noTransfers: 'No transfers outside the EEA.',
    security: 'General description of the technical and organisational security measures',
    generatedAt: 'Generated at', logged: 'This print is recorded in the export log as', confidential: 'Confidential', hint: 'Use the browser\'s print function (Ctrl/Cmd+P) to print or save as PDF.',
  },
} as const;

export type RegisterTexts = (typeof TEXTS)[RegisterLang];
export const registerTexts = (lang: RegisterLang): RegisterTexts => TEXTS[lang];
export const activityOf = (lang: RegisterLang, kind: CaseKind): Activity => ACTIVITIES[lang][kind];
export const categoryLabel = (lang: RegisterLang, c: DataCategory): string => CATEGORIES[lang][c];
