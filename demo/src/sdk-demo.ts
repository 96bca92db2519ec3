import { createClient, type CaseInput, type FieldError, type PublicConfig } from '../../sdk/src/index.js';

/**
 * The demo's "SDK directly" page: a registration form built on the typed client.
 * The page learns the demo key from demo-config.json, which the host writes at start.
 */
const form = document.querySelector<HTMLFormElement>('#registration')!;
const status = document.querySelector<HTMLElement>('#status')!;
const submit = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
const consentBox = form.querySelector<HTMLInputElement>('[name="consent.accepted"]')!;

function showErrors(errors: FieldError[] = []) {
  for (const el of form.querySelectorAll('.error')) el.remove();
  for (const input of form.querySelectorAll('input')) input.removeAttribute('aria-invalid');
  for (const e of errors) {
    const input = form.querySelector<HTMLInputElement>(`[name="${e.path}"]`);
    if (!input) continue;
    const msg = document.createElement('span');
    msg.className = 'error';
    msg.id = `err-${e.path.replace(/\W/g, '-')}`;
    msg.textContent = e.message;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', msg.id);
    input.after(msg);
  }
}

function read(config: PublicConfig): CaseInput {
  const value = (name: string) => form.querySelector<HTMLInputElement>(`[name="${name}"]`)!.value;
  const text = config.consentTexts.nl!;
  return {
    kind: 'registration',
    subject: {
      firstName: value('subject.firstName'), lastName: value('subject.lastName'), street: value('subject.street'),
      houseNumber: value('subject.houseNumber'), postcode: value('subject.postcode'), city: value('subject.city'),
      email: value('subject.email'), ...(value('subject.phone') ? { phone: value('subject.phone') } : {}),
    },
    product: { brand: value('product.brand'), model: value('product.model'), purchaseDate: value('product.purchaseDate') },
    consent: { accepted: consentBox.checked as true, textId: text.id, textHash: text.hash, locale: 'nl', privacyUrl: config.privacyUrl },
    pageUrl: location.href,
  };
}

async function main() {
  const demo = (await (await fetch('/demo/demo-config.json')).json()) as { publishableKey: string };
  const client = createClient({ publishableKey: demo.publishableKey, baseUrl: location.origin });
  const config = await client.getConfig();
  if (config.error) {
    status.textContent = `De configuratie kon niet worden geladen (${config.error.code}).`;
    return;
  }
  document.querySelector('#consent-text')!.textContent = config.data.consentTexts.nl!.text;
  document.querySelector<HTMLAnchorElement>('#privacy-link')!.href = config.data.privacyUrl;
  consentBox.addEventListener('change', () => (submit.disabled = !consentBox.checked));
  let idempotencyKey = crypto.randomUUID();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    status.textContent = 'Bezig met versturen…';
    const result = await client.submitCase(read(config.data), { idempotencyKey });
    submit.disabled = !consentBox.checked;
    if (result.error) {
      showErrors(result.error.errors);
      status.textContent = `Niet verstuurd: ${result.error.message}`;
      return;
    }
    showErrors();
    idempotencyKey = crypto.randomUUID();
    status.textContent = `Bedankt! Uw registratie is ontvangen onder referentie ${result.data.reference}.`;
  });
}

void main();
