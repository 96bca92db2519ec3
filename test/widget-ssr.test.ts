import { describe, expect, it } from 'vitest';

const LOADER = new URL('../widget/src/loader.ts', import.meta.url).href;
const ENTRY = new URL('../widget/src/index.ts', import.meta.url).href;

/** Issue 3: importing the widget where there is no window (server-side rendering) must not throw. */
describe('widget without a DOM (SSR)', () => {
  it('the script-tag loader and the npm entry import in Node without throwing', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    // Paths as values: the browser code is type-checked with DOM types (tsconfig.browser.json), not here.
    const loader = (await import(/* @vite-ignore */ LOADER)) as { load: unknown };
    expect(typeof loader.load).toBe('function');
    const entry = (await import(/* @vite-ignore */ ENTRY)) as Record<string, unknown>;
    expect(Object.keys(entry).length).toBeGreaterThan(0);
    // (Lit's Node build brings its own SSR DOM shim, where the elements may register harmlessly.)
  });
});
