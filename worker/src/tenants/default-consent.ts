import type { Locale } from '../../../sdk/src/schemas/index.js';

/** Starting consent texts (R4): what the consumer agrees to, in each widget language. */
export function defaultConsentTexts(tenantName: string): Record<Locale, string> {
  return {
    nl: `Ik geef ${tenantName} toestemming om mijn naam, adres, e-mailadres, telefoonnummer en productgegevens te gebruiken om deze aanvraag af te handelen, zoals beschreven in de privacyverklaring.`,
    en: `I allow ${tenantName} to use my name, address, email address, phone number and product details to handle this request, as described in the privacy statement.`,
    de: `Ich erlaube ${tenantName}, meinen Namen, meine Adresse, E-Mail-Adresse, Telefonnummer und Produktdaten zur Bearbeitung dieser Anfrage zu verwenden, wie in der Datenschutzerklärung beschrieben.`,
    fr: `J'autorise ${tenantName} à utiliser mon nom, mon adresse, mon adresse e-mail, mon numéro de téléphone et les données de mon produit pour traiter cette demande, comme décrit dans la déclaration de confidentialité.`,
  };
}
