import { describe, expect, it } from 'vitest';

/** Issue 3: importing the widget where there is no window (server-side rendering) must not throw. */
describe('widget without a DOM (SSR)', () => {
  it('the script-tag loader and the npm entry import in Node without throwing', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const loader = await import('../widget/src/loader.js');
    expect(typeof loader.load).toBe('function');
    const entry = await import('../widget/src/index.js');
    expect(Object.keys(entry).length).toBeGreaterThan(0);
    // (Lit's Node build brings its own SSR DOM shim, where the elements may register harmlessly.)
  });
});
