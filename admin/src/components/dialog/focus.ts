/** The focused element, looking through shadow roots (where focus returns when a dialog closes). */
export function deepActive(): HTMLElement | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a as HTMLElement | null;
}

/** Keeps Tab and Shift+Tab inside the open `<dialog>` of `root` (a focus trap). */
export function trapTab(e: KeyboardEvent, root: ShadowRoot | HTMLElement) {
  if (e.key !== 'Tab') return;
  const items = [...root.querySelectorAll<HTMLElement>('dialog input, dialog textarea, dialog select, dialog button')].filter((el) => !el.hasAttribute('disabled'));
  const active = root instanceof ShadowRoot ? root.activeElement : document.activeElement;
  if (e.shiftKey && active === items[0]) (e.preventDefault(), items[items.length - 1]?.focus());
  else if (!e.shiftKey && active === items[items.length - 1]) (e.preventDefault(), items[0]?.focus());
}
