import { expect } from '@open-wc/testing';
import { themeCss } from './theme.js';

describe('themeCss (tenant tokens from /v1/config)', () => {
  it('turns safe tokens into one :host rule of --aftercare-* properties', () => {
    expect(themeCss({ primary: '#0b5394', 'font-family': '"Open Sans", sans-serif', radius: '8px' })).to.equal(
      ':host{--aftercare-primary:#0b5394;--aftercare-font-family:"Open Sans", sans-serif;--aftercare-radius:8px}',
    );
    expect(themeCss({})).to.equal('');
    expect(themeCss(undefined)).to.equal('');
  });

  it('drops names and values that could escape the rule or load something (R3)', () => {
    const css = themeCss({
      'Primary': 'red',
      '-x': 'red',
      'a b': 'red',
      text: 'red;} body{display:none',
      background: 'url(https://tracker.example/p.gif)',
      border: 'image-set("x.png" 1x)',
      error: '</style><script>',
      muted: '\\31 ',
      spacing: '',
      radius: 'x'.repeat(201),
      focus: '@import "x"',
      'font-size': 'red/*',
      ok: 'rgb(1 2 3 / 50%)',
    } as Record<string, string>);
    expect(css).to.equal(':host{--aftercare-ok:rgb(1 2 3 / 50%)}');
  });
});
