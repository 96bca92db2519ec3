import type { Page } from 'playwright-core';

/** The focused element, looked up through shadow roots, with the name a person would read. */
export type Focused = { host: string; tag: string; type: string; name: string; checked: boolean; value: string };

export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const top = document.activeElement as HTMLElement | null;
    let el = top;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
    const host = top && top !== el ? `${top.localName}${top.getAttribute('kind') ? `[kind=${top.getAttribute('kind')}]` : ''}` : '';
    if (!el) return { host, tag: '', type: '', name: '', checked: false, value: '' };
    const input = el as HTMLInputElement;
    const labels = 'labels' in input && input.labels ? [...input.labels].map((l) => l.textContent ?? '').join(' ') : '';
    const name = (el.getAttribute('aria-label') || labels || el.textContent || '').replace(/\s+/g, ' ').trim();
    return { host, tag: el.localName, type: input.type ?? '', name, checked: !!input.checked, value: input.value ?? '' };
  });
}

type Want = RegExp | ((f: Focused) => boolean);

/** Presses Tab (as a person does) until the focused element matches; fails after `max`. */
export async function tabTo(page: Page, want: Want, max = 80): Promise<Focused> {
  const ok = typeof want === 'function' ? want : (f: Focused) => want.test(f.name);
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (ok(f)) return f;
    seen.push(`${f.tag}:${f.name.slice(0, 30)}`);
  }
  throw new Error(`Tab never reached ${String(want)}; passed ${seen.join(' | ')}`);
}

/** Tabs to a field and types into it. */
export async function typeInto(page: Page, want: Want, text: string): Promise<Focused> {
  const f = await tabTo(page, want);
  await page.keyboard.type(text);
  return f;
}

/** Presses `key` on the focused control until its value is `value` (a closed select, a radio group). */
export async function pressUntil(page: Page, key: string, value: string, max = 10): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (f.value === value && (f.type !== 'radio' || f.checked)) return f;
  }
  throw new Error(`${key} never reached ${value}`);
}

/**
 * A date typed digit by digit. Headless Chromium shows `<input type=date>` in its own UI locale
 * (mm/dd/yyyy), a Dutch one shows dd-mm-jjjj: a day equal to its month reads the same in both.
 */
export const typedDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  if (m !== d) throw new Error(`pick a date whose day equals its month, not ${iso}`);
  return `${d}${m}${y}`;
};
