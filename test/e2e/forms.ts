import type { Locator, Page } from 'playwright-core';

/** The case kinds a consumer can submit, and the element (and attributes) that submits each. */
export const KINDS = ['registration', 'warranty', 'repair', 'installation', 'complaint', 'return', 'exchange'] as const;
export type Kind = (typeof KINDS)[number];

export const ELEMENT: Record<Kind, string> = {
  registration: 'aftercare-registration',
  warranty: 'aftercare-warranty',
  repair: 'aftercare-repair[kind="repair"]',
  installation: 'aftercare-repair[kind="installation"]',
  complaint: 'aftercare-repair[kind="complaint"]',
  return: 'aftercare-return',
  exchange: 'aftercare-return',
};

/** Dutch step headings (widget/src/i18n/nl.ts); the details step is titled after the kind. */
export const NL = {
  contact: 'Uw gegevens', product: 'Uw product', consent: 'Toestemming', review: 'Controleren en versturen', done: 'Bedankt!',
  next: 'Volgende', submit: 'Versturen',
  details: { registration: '', warranty: 'Garantie', repair: 'Reparatie', installation: 'Installatie of inmeting', complaint: 'Klacht', return: 'Retour of ruil', exchange: 'Retour of ruil' } as Record<Kind, string>,
};

export type Person = { firstName: string; lastName: string; street: string; houseNumber: string; postcode: string; city: string; email: string; phone: string };
export const person = (firstName: string): Person => ({
  firstName, lastName: 'de Vries', street: 'Kerkstraat', houseNumber: '12', postcode: '1017gc', city: 'Amsterdam',
  email: `${firstName.toLowerCase()}@example.nl`, phone: '0612345678',
});

/** A date `days` from today (UTC), as `<input type=date>` values are written. */
export const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A field by the start of its visible label (labels end in "(verplicht)" when required). */
export const field = (form: Locator, label: string) => form.getByLabel(new RegExp(`^\\s*${label}`));

/** Waits until the form shows the step titled `title`; fails with the field errors it shows instead. */
export async function expectStep(form: Locator, title: string, timeout = 15_000): Promise<void> {
  try {
    await form.getByRole('heading', { level: 2, name: title, exact: true }).waitFor({ timeout });
  } catch (err) {
    const shown = await form.locator('h2').allTextContents().catch(() => []);
    const errors = await form.locator('[part~="error"], .alert').allTextContents().catch(() => []);
    throw new Error(`expected step "${title}", the form shows ${JSON.stringify(shown)} with errors ${JSON.stringify(errors)}\n${String(err)}`);
  }
}

export async function next(form: Locator, nextTitle: string): Promise<void> {
  await form.getByRole('button', { name: NL.next, exact: true }).click();
  await expectStep(form, nextTitle);
}

/** Called with a step's name once it is filled in, before moving on (screenshots). */
export type Shoot = (name: string) => Promise<void>;
const none: Shoot = async () => {};

/** Step 1 in Dutch: the contact details R2 allows. */
export async function fillContact(form: Locator, p: Person, shoot = none): Promise<void> {
  await expectStep(form, NL.contact);
  await field(form, 'Voornaam').fill(p.firstName);
  await field(form, 'Achternaam').fill(p.lastName);
  await field(form, 'Straat').fill(p.street);
  await field(form, 'Huisnummer').fill(p.houseNumber);
  await field(form, 'Postcode').fill(p.postcode);
  await field(form, 'Plaats').fill(p.city);
  await field(form, 'E-mailadres').fill(p.email);
  await field(form, 'Telefoonnummer').fill(p.phone);
  await shoot('1-contact');
  await next(form, NL.product);
}

/** Step 2: the product; prefilled fields are left as they are. */
export async function fillProduct(form: Locator, kind: Kind, product: { brand?: string; model?: string } = {}, shoot = none): Promise<void> {
  if (product.brand) await field(form, 'Merk').fill(product.brand);
  if (product.model) await field(form, 'Model of type').fill(product.model);
  await field(form, 'Serienummer').fill('SN-778812');
  await field(form, 'Aankoopdatum').fill('2025-03-01');
  await field(form, 'Gekocht bij').fill('Demo Winkel');
  await shoot('2-product');
  await next(form, kind === 'registration' ? NL.consent : NL.details[kind]);
}

/** Step 3 (not for registration): what happened or what is wanted, per kind. */
export async function fillDetails(form: Locator, kind: Kind, shoot = none): Promise<void> {
  const describe = (text: string) => field(form, 'Beschrijf').fill(text);
  const window = async (row: number, days: number, part: string) => {
    await form.getByRole('group', { name: `Tijdvak ${row}`, exact: true }).getByLabel(/^\s*Datum/).fill(isoDay(days));
    await form.getByRole('group', { name: `Tijdvak ${row}`, exact: true }).getByLabel(/^\s*Dagdeel/).selectOption({ label: part });
  };
  switch (kind) {
    case 'warranty':
      await form.getByRole('radio', { name: 'Een beroep doen op de garantie' }).check();
      await describe('De trommel draait niet meer en het display knippert.');
      break;
    case 'repair':
      await describe('De pomp maakt een hard zoemend geluid tijdens het centrifugeren.');
      await form.getByRole('button', { name: 'Tijdvak toevoegen' }).click();
      await window(1, 10, 'Ochtend');
      break;
    case 'installation':
      await describe('Graag aansluiten op de bestaande afvoer in de badkamer.');
      await window(1, 12, 'Middag');
      await form.getByRole('button', { name: 'Tijdvak toevoegen' }).click();
      await window(2, 13, 'Ochtend');
      break;
    case 'complaint':
      await describe('De bezorger kwam twee uur te laat en belde niet vooraf.');
      break;
    case 'return':
    case 'exchange':
      if (kind === 'exchange') await form.getByRole('radio', { name: 'Ruilen' }).check();
      await field(form, 'Reden').selectOption({ label: kind === 'exchange' ? 'Verkeerd artikel ontvangen' : 'Ik heb me bedacht' });
      await field(form, 'Toelichting').fill('Past niet in de nis onder het aanrecht.');
      await field(form, 'Ordernummer').fill('DW-2025-004211');
      await form.getByRole('radio', { name: kind === 'exchange' ? 'Een andere uitvoering' : 'Geld terug' }).check();
      break;
    case 'registration':
      return;
  }
  await shoot('3-details');
  await next(form, NL.consent);
}

/** Steps 4–6: ticks consent, sends from the review step, returns the reference shown. */
export async function consentAndSubmit(form: Locator, shoot = none): Promise<{ shown: string; event: { kind: string; reference: string } }> {
  const box = form.getByRole('checkbox');
  if (await box.isChecked()) throw new Error('R4: the consent box must start unticked');
  await box.check();
  await shoot('4-consent');
  await next(form, NL.review);
  await shoot('5-review');
  const submitted = form.evaluate(
    (el) => new Promise<{ kind: string; reference: string }>((resolve) =>
      el.addEventListener('aftercare-submitted', (e) => resolve((e as CustomEvent).detail), { once: true })),
  );
  await form.getByRole('button', { name: NL.submit, exact: true }).click();
  await expectStep(form, NL.done, 30_000);
  const ref = form.getByText(/^\s*[0-9A-Z]{4}-[0-9A-Z]{4}\s*$/);
  await ref.waitFor({ state: 'visible' });
  await shoot('6-done');
  return { shown: (await ref.textContent())!.trim(), event: await submitted };
}

/** A whole submission of `kind` in Dutch on the form in `page`, with mouse and typing. */
export async function submitKind(
  page: Page, kind: Kind, who: Person, product: { brand?: string; model?: string } = { brand: 'Miele', model: 'WWD 320' }, shoot = none,
) {
  const form = page.locator(ELEMENT[kind]);
  await form.scrollIntoViewIfNeeded();
  await fillContact(form, who, shoot);
  await fillProduct(form, kind, product, shoot);
  await fillDetails(form, kind, shoot);
  return consentAndSubmit(form, shoot);
}
