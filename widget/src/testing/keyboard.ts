import { sendKeys } from '@web/test-runner-commands';
import type { Form } from './driver.js';

/** Keyboard-only driving: Tab to a control, then type, press Space/arrows/Enter, as a person would. */
const active = (el: Form) => el.shadowRoot!.activeElement;

export async function tabTo(el: Form, match: (a: Element) => boolean, what: string, max = 60) {
  for (let i = 0; i < max; i++) {
    const a = active(el);
    if (a && match(a)) return a;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}

export const tabToField = (el: Form, name: string) => tabTo(el, (a) => a.getAttribute('name') === name, name);

export async function type(el: Form, name: string, text: string) {
  await tabToField(el, name);
  await sendKeys({ type: text });
}

/** Types an ISO date into a native date input in the browser's own field order. */
export async function typeDate(el: Form, name: string, iso: string) {
  await tabToField(el, name);
  const [y, m, d] = iso.split('-') as [string, string, string];
  const order = new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2024, 3, 1)).map((p) => p.type);
  const digits = order.filter((t) => t === 'year' || t === 'month' || t === 'day').map((t) => ({ year: y, month: m, day: d })[t as 'year']);
  await sendKeys({ type: digits.join('') });
}

/** Picks an option of a closed select by typing the start of its label. */
export const choose = type;

/** Moves through a radio group with arrow keys until `value` is checked. */
export async function radio(el: Form, name: string, value: string) {
  await tabToField(el, name);
  for (let i = 0; i < 6 && (active(el) as HTMLInputElement).value !== value; i++) await sendKeys({ press: 'ArrowDown' });
  if (!(active(el) as HTMLInputElement).checked) await sendKeys({ press: 'Space' }); // a group with nothing chosen yet
}

export async function tick(el: Form, name: string) {
  await tabToField(el, name);
  await sendKeys({ press: 'Space' });
}

/** Tabs to the primary button and presses Enter; waits for the next step's heading to take focus. */
export async function pressNext(el: Form) {
  await tabTo(el, (a) => a.classList.contains('primary'), 'the primary button');
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 20));
}
