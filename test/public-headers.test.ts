// R14 on the demo pages and widget files, and HSTS behind a TLS proxy: as served by the built
// Node host (`npm start`'s dist/node/server.js), plain and with PUBLIC_URL=https://…, and as
// written into the Workers `_headers` file by the build.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startProcess, type Running } from './spawn.js';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";
const HSTS = 'max-age=63072000; includeSubDomains';
const dir = mkdtempSync(path.join(tmpdir(), 'aftercare-public-headers-'));
const READY = /publishable key/;
const urlOf = (r: Running) => /running on (http:\/\/\S+)/.exec(r.output())![1]!;
let plain: Running;
let behindTls: Running;

beforeAll(async () => {
  [plain, behindTls] = await Promise.all([
    startProcess('dist/node/server.js', { PORT: '0', DATABASE_URL: `file:${path.join(dir, 'a.db')}` }, READY),
    startProcess('dist/node/server.js', { PORT: '0', DATABASE_URL: `file:${path.join(dir, 'b.db')}`, PUBLIC_URL: 'https://service.example' }, READY),
  ]);
});
afterAll(async () => {
  await Promise.all([plain?.stop(), behindTls?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

const DEMO_PATHS = ['/demo/', '/demo/sdk.html', '/demo/strict-csp.html', '/demo/demo.css', '/demo/sdk-demo.js', '/demo/demo-config.json', '/demo/missing.html'];
const WIDGET_PATHS = ['/widget/v1/aftercare.js', '/widget/v1/sri.json', '/widget/v1/missing.js'];

describe('demo and widget headers (built Node host)', () => {
  it('/demo: strict CSP and nosniff on every answer (pages, files, the demo config, 404s)', async () => {
    for (const p of DEMO_PATHS) {
      const res = await fetch(`${urlOf(plain)}${p}`);
      await res.arrayBuffer();
      expect(res.headers.get('content-security-policy'), p).toBe(CSP);
      expect(res.headers.get('x-content-type-options'), p).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), p).toBe('DENY');
    }
  });

  it('/widget: nosniff on every answer; the cross-origin and cache headers stay', async () => {
    for (const p of WIDGET_PATHS) {
      const res = await fetch(`${urlOf(plain)}${p}`);
      await res.arrayBuffer();
      expect(res.headers.get('x-content-type-options'), p).toBe('nosniff');
    }
    const js = await fetch(`${urlOf(plain)}/widget/v1/aftercare.js`);
    await js.arrayBuffer();
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('Workers: the build writes the same rules into _headers', () => {
    const file = readFileSync('dist/public/_headers', 'utf8');
    const rule = (name: string) => file.split(/\n(?=\/)/).find((block) => block.startsWith(`${name}\n`)) ?? '';
    expect(rule('/demo/*')).toContain(`Content-Security-Policy: ${CSP}`);
    expect(rule('/demo/*')).toContain('X-Content-Type-Options: nosniff');
    expect(rule('/widget/*')).toContain('X-Content-Type-Options: nosniff');
  });
});

describe('HSTS behind a TLS-terminating proxy (PUBLIC_URL=https://…)', () => {
  const paths = ['/admin/', '/v1/admin/me', '/demo/', '/widget/v1/aftercare.js'];

  it('with PUBLIC_URL=https://… every admin, demo and widget answer carries HSTS, though Node itself speaks http', async () => {
    for (const p of paths) {
      const res = await fetch(`${urlOf(behindTls)}${p}`);
      await res.arrayBuffer();
      expect(res.headers.get('strict-transport-security'), p).toBe(HSTS);
    }
  });

  it('without it: no HSTS on plain http, and a client cannot ask for it with X-Forwarded-Proto', async () => {
    for (const p of paths) {
      const res = await fetch(`${urlOf(plain)}${p}`, { headers: { 'x-forwarded-proto': 'https' } });
      await res.arrayBuffer();
      expect(res.headers.get('strict-transport-security'), p).toBeNull();
    }
  });
});
