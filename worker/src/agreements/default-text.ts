import type { AgreementText } from '../../../sdk/src/admin/agreement.js';

/**
 * Version 1 of the processor agreement (verwerkersovereenkomst), in Dutch and English: a short
 * summary of art. 28(3) GDPR terms, after the processor policies in /work/shared/seeds (the
 * platform's data-processing policy and a retailer's processor agreement): subject, duration,
 * nature and purpose, categories of data and subjects, the processor's obligations,
 * sub-processors, breaches within 48 hours, audits, and return/deletion at the end.
 */

const NL = `Verwerkersovereenkomst Aftercare — versie 1

Partijen: de klant die Aftercare gebruikt (verwerkingsverantwoordelijke) en de exploitant van het Aftercare-platform (verwerker). Begrippen hebben de betekenis uit artikel 4 van de Algemene Verordening Gegevensbescherming (AVG).

1. Onderwerp. De verwerker verwerkt persoonsgegevens uitsluitend in opdracht en volgens de schriftelijke instructies van de verwerkingsverantwoordelijke, om de Aftercare-dienst te leveren: het ontvangen, registreren en afhandelen van productregistraties en van garantie-, reparatie-, installatie-, klacht-, retour- en omruilverzoeken van consumenten. De verwerkingsverantwoordelijke bepaalt doel en middelen en staat ervoor in dat de verwerking een grondslag in de AVG heeft.

2. Duur. Deze overeenkomst geldt zolang de verwerker de dienst aan de verwerkingsverantwoordelijke levert en maakt deel uit van de overeenkomst over die dienst.

3. Aard en doel. Opslaan, raadplegen, doorgeven aan partners die de verwerkingsverantwoordelijke aanwijst (zoals monteurs, reparatiecentra en transporteurs), exporteren, anonimiseren en verwijderen, met als enig doel de afhandeling van de after-sales service. De verwerker gebruikt de gegevens niet voor eigen doeleinden en verstrekt ze niet aan derden, tenzij de verwerkingsverantwoordelijke dat opdraagt of de wet dat verplicht. Hoe lang gegevens bewaard worden, bepaalt de verwerkingsverantwoordelijke.

4. Categorieën. Betrokkenen: consumenten die een verzoek indienen of een product registreren. Persoonsgegevens: naam, adres, contactgegevens (e-mailadres, telefoonnummer), productgegevens (zoals model, serienummer en aankoopdatum), de omschrijving van het verzoek en het bewijs van de gegeven toestemming.

5. Verplichtingen van de verwerker. De verwerker neemt passende technische en organisatorische maatregelen (artikel 32 AVG), waaronder versleutelde verbindingen (https/TLS), wachtwoorden die alleen gehasht worden opgeslagen, toegang per rol beperkt tot wat die rol nodig heeft, en het vastleggen van elke export en afdruk met datum, tijd en IP-adres. Medewerkers en sub-verwerkers zijn tot geheimhouding verplicht. De verwerker houdt per verwerkingsverantwoordelijke een register van verwerkingsactiviteiten bij (artikel 30 lid 2 AVG) en helpt de verwerkingsverantwoordelijke bij verzoeken van betrokkenen (inzage, correctie, verwijdering door anonimiseren).

6. Sub-verwerkers. De verwerker schakelt alleen sub-verwerkers in als dat nodig is voor de dienst, legt hun dezelfde verplichtingen op en verstrekt hun niet meer gegevens dan zij nodig hebben. Een nieuwe sub-verwerker wordt tijdig vooraf in Aftercare gemeld; de verwerkingsverantwoordelijke kan daartegen bezwaar maken en in het uiterste geval de overeenkomst beëindigen.

7. Datalekken. De verwerker houdt een register van datalekken bij en informeert de verwerkingsverantwoordelijke juist en volledig binnen 48 uur na ontdekking van een datalek, zodat die binnen 72 uur kan melden aan de Autoriteit Persoonsgegevens. Het melden aan de Autoriteit Persoonsgegevens en aan betrokkenen is de verantwoordelijkheid van de verwerkingsverantwoordelijke; die informeert de verwerker vooraf als zo'n melding een datalek bij de verwerker betreft.

8. Audits. De verwerkingsverantwoordelijke mag de naleving van deze overeenkomst, in overleg, laten controleren door een onafhankelijke deskundige, bijvoorbeeld met een audit; de kosten daarvan zijn voor de verwerkingsverantwoordelijke. De verwerker werkt mee en verstrekt een bevoegde toezichthouder op een gemotiveerd verzoek de gevraagde informatie.

9. Einde. Na afloop van de dienst geeft de verwerker de persoonsgegevens op verzoek terug in een gangbaar formaat (CSV of JSON) en verwijdert of anonimiseert hij ze daarna, tenzij een wettelijke plicht tot bewaren geldt.`;

const EN = `Aftercare processor agreement — version 1

Parties: the customer using Aftercare (controller) and the operator of the Aftercare platform (processor). Terms have the meaning given in Article 4 of the General Data Protection Regulation (GDPR).

1. Subject. The processor processes personal data only on behalf of, and on the documented instructions of, the controller, to provide the Aftercare service: receiving, recording and handling consumers' product registrations and warranty, repair, installation, complaint, return and exchange requests. The controller determines the purposes and means and warrants that the processing has a legal basis under the GDPR.

2. Duration. This agreement applies for as long as the processor provides the service to the controller and forms part of the agreement on that service.

3. Nature and purpose. Storing, consulting, passing on to partners the controller appoints (such as technicians, repair centres and carriers), exporting, anonymising and erasing, for the sole purpose of handling after-sales service. The processor does not use the data for its own purposes and does not disclose it to third parties unless the controller instructs it to or the law requires it. The controller decides how long data is kept.

4. Categories. Data subjects: consumers who submit a request or register a product. Personal data: name, address, contact details (email address, phone number), product details (such as model, serial number and purchase date), the description of the request and the evidence of the consent given.

5. Processor's obligations. The processor takes appropriate technical and organisational measures (Article 32 GDPR), including encrypted connections (https/TLS), passwords stored hashed, access per role limited to what that role needs, and recording every export and print with date, time and IP address. Staff and sub-processors are bound to confidentiality. The processor keeps a record of processing activities for each controller (Article 30(2) GDPR) and assists the controller with data subjects' requests (access, rectification, erasure by anonymisation).

6. Sub-processors. The processor engages sub-processors only where the service needs them, imposes the same obligations on them and gives them no more data than they need. A new sub-processor is announced in Aftercare in good time beforehand; the controller may object and, as a last resort, terminate the agreement.

7. Personal data breaches. The processor keeps a register of breaches and informs the controller accurately and completely within 48 hours of discovering a breach, so that the controller can notify the Dutch Data Protection Authority (Autoriteit Persoonsgegevens) within 72 hours. Notifying the authority and data subjects is the controller's responsibility; the controller informs the processor beforehand when such a notification concerns a breach at the processor.

8. Audits. The controller may, in consultation, have compliance with this agreement checked by an independent expert, for example by an audit, at the controller's expense. The processor cooperates and gives a competent supervisory authority the information it asks for on a reasoned request.

9. End. When the service ends, the processor returns the personal data on request in a common format (CSV or JSON) and then erases or anonymises it, unless the law requires it to be kept.`;

/** The built-in text of version 1. */
export const defaultAgreementText = (): AgreementText => ({ nl: NL, en: EN });
