import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { themeCss } from '../../../../widget/src/base/theme.js';
import { isSafeThemeValue, THEME_TOKENS, ThemeTokensSchema } from '../../../../sdk/src/admin/settings.js';

const styles = readFileSync(new URL('../../../../widget/src/styles/form.styles.ts', import.meta.url), 'utf8');

describe('theme tokens an owner may set', () => {
  it('are exactly the --aftercare-* tokens the widget styles read', () => {
    const used = new Set([...styles.matchAll(/var\(--aftercare-([a-z-]+)/g)].map((m) => m[1]));
    expect([...THEME_TOKENS].sort()).toEqual([...used].sort());
  });

  it('accept ordinary CSS values, which the widget then applies', () => {
    for (const value of ['#0b5394', 'rgb(0, 83, 148)', 'hsl(210 80% 30%)', '0.5em', '1.25rem', '"Helvetica Neue", Arial, sans-serif', 'medium', 'calc(1em + 2px)', 'var(--x, red)']) {
      expect([value, isSafeThemeValue(value)]).toEqual([value, true]);
      expect(themeCss({ primary: value })).toBe(`:host{--aftercare-primary:${value}}`);
    }
  });

  it('refuse values that could leave the declaration, load something or run script', () => {
    for (const value of [
      'url(https://evil.example/x)', 'URL(x)', 'image-set("a.png" 1x)', 'expression(alert(1))', 'red;color:blue', 'red}body{x:y', '{', 'red</style>', '<b>', 'red\\',
      '@import "x"', '/* c */ red', 'red */', '"open', "'open", 'a\nb', 'a\u0000b', 'javascript:alert(1)',
    ]) {
      expect([value, isSafeThemeValue(value)]).toEqual([value, false]);
    }
    expect(v.safeParse(ThemeTokensSchema, { primary: 'x'.repeat(101) }).success).toBe(false);
    expect(v.safeParse(ThemeTokensSchema, { 'not-a-token': 'red' }).success).toBe(false);
  });
});
