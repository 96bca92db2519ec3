import type { PlatformProfile } from '../../../sdk/src/admin/platform.js';

/**
 * The processor profile used until the operator saves one (PUT /v1/admin/platform/profile).
 * The security measures describe what this product actually does (see README and the code
 * named in each line); an operator adds its own hosting and organisational measures.
 */
const SECURITY_MEASURES_EN = [
  'Data minimisation: of the consumer only name, address, e-mail and phone are stored (R2), with the product and the case details the consumer typed.',
  'Tenant isolation: every query is scoped to the tenant taken from the session or API key, never from the request; another tenant\'s records answer "not found".',
  'Role-limited access: owners, staff, auditors (logs and registers only, no consumer data) and partner organisations (only cases assigned to them, only the fields their type needs). Platform operators have no access to consumer data.',
  'Passwords hashed with argon2id (19 MiB, 2 passes); login attempts throttled per account and per IP address; second factor by TOTP (RFC 6238), which the owner can make mandatory for owners.',
  'Sessions: HttpOnly, Secure, SameSite=Strict cookies with a 30-minute idle and 12-hour absolute timeout; state-changing requests require a CSRF header and an allowed origin. API keys are stored only as hashes.',
  'Transport: HTTPS (TLS) with HSTS in production; strict Content-Security-Policy on the admin and print pages; the embeddable forms only accept their registered origins and are rate limited.',
  'Audit: an append-only, SHA-256 hash-chained audit log of every change to personal data and settings (ids and field names only, never values), verifiable by an auditor; database triggers refuse changes to it.',
  'Every export, print and download of personal data is recorded (who, when, from where, what, how many) before the data leaves.',
  'Consent evidence: text version, its hash, time, IP address, user agent and page of every consent.',
  'Erasure and retention: data subjects are anonymised on request and automatically at the end of the retention period set per case kind; the database runs with secure_delete so erased values do not remain in free pages.',
  'Sub-processors are announced to every controller ahead of their start date; a controller can object.',
].join('\n');

const SECURITY_MEASURES_NL = [
  'Dataminimalisatie: van de consument worden alleen naam, adres, e-mail en telefoon opgeslagen (R2), met het product en de toelichting die de consument zelf invult.',
  'Scheiding tussen klanten (tenants): elke query is beperkt tot de tenant uit de sessie of API-sleutel, nooit uit het verzoek; gegevens van een andere tenant geven "niet gevonden".',
  'Toegang per rol: eigenaren, medewerkers, auditors (alleen logs en registers, geen consumentengegevens) en partnerorganisaties (alleen aan hen toegewezen zaken, alleen de velden die hun type nodig heeft). Platformbeheerders hebben geen toegang tot consumentengegevens.',
  'Wachtwoorden gehasht met argon2id (19 MiB, 2 rondes); inlogpogingen begrensd per account en per IP-adres; tweede factor met TOTP (RFC 6238), die de eigenaar verplicht kan stellen voor eigenaren.',
  'Sessies: HttpOnly-, Secure- en SameSite=Strict-cookies met 30 minuten inactiviteits- en 12 uur absolute time-out; wijzigende verzoeken vereisen een CSRF-header en een toegestane origin. API-sleutels worden alleen als hash bewaard.',
  'Transport: HTTPS (TLS) met HSTS in productie; strikte Content-Security-Policy op de beheer- en afdrukpagina\'s; de in te sluiten formulieren accepteren alleen hun geregistreerde origins en zijn begrensd in aantal verzoeken.',
  'Audit: een onveranderlijk (append-only), met SHA-256 hash-geketend auditlog van elke wijziging van persoonsgegevens en instellingen (alleen id\'s en veldnamen, nooit waarden), controleerbaar door een auditor; databasetriggers weigeren wijzigingen eraan.',
  'Elke export, afdruk en download van persoonsgegevens wordt vastgelegd (wie, wanneer, waarvandaan, wat, hoeveel) voordat de gegevens vertrekken.',
  'Bewijs van toestemming: tekstversie, de hash ervan, tijdstip, IP-adres, user agent en pagina van elke toestemming.',
  'Verwijdering en bewaartermijnen: betrokkenen worden op verzoek geanonimiseerd, en automatisch aan het eind van de per soort zaak ingestelde bewaartermijn; de database draait met secure_delete zodat gewiste waarden niet in vrije pagina\'s achterblijven.',
  'Subverwerkers worden vóór hun startdatum aan elke verwerkingsverantwoordelijke aangekondigd; die kan bezwaar maken.',
].join('\n');

export const PLATFORM_PROFILE_ID = 'platform';

export const DEFAULT_PLATFORM_PROFILE: PlatformProfile = {
  name: 'Aftercare (platform operator)',
  contact: { name: 'Aftercare', address: 'Set the operator\'s address in the platform profile', email: 'privacy@aftercare.invalid' },
  dpo: null,
  securityMeasures: { nl: SECURITY_MEASURES_NL, en: SECURITY_MEASURES_EN },
  updatedAt: null,
  isDefault: true,
};
