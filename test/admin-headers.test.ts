// The admin page's security headers as served: by the built Node host (`npm start`'s
// dist/node/server.js) over http on localhost, by the Node host with `production` set (HSTS),
// and as written into the Workers `_headers` file by the build. The HTML has no inline script
// or style, so the strict CSP holds without 'unsafe-inline', nonces or hashes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startProcess, type Running } from './spawn.js';
import { startNodeHost, type NodeHost } from '../worker/src/hosts/node.js';
import { ADMIN_CSP } from '../worker/src/admin-page/headers.js';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";
const dir = mkdtempSync(path.join(tmpdir(), 'aftercare-admin-headers-'));
let built: Running;
let production: NodeHost;
let url: string;

beforeAll(async () => {
  built = await startProcess('dist/node/server.js', { PORT: '0', DATABASE_URL: `file:${path.join(dir, 'a.db')}` }, /publishable key/);
  url = /running on (http:\/\/\S+)/.exec(built.output())![1]!;
  production = await startNodeHost({ databaseUrl: `file:${path.join(dir, 'b.db')}`, port: 0, publicDir: path.resolve('dist/public'), config: { production: true } });
});
afterAll(async () => {
  await built?.stop();
  await production?.close();
  rmSync(dir, { recursive: true, force: true });
});

function expectPageHeaders(h: Headers) {
  expect(h.get('content-security-policy')).toBe(CSP);
  expect(h.get('referrer-policy')).toBe('no-referrer');
  expect(h.get('x-content-type-options')).toBe('nosniff');
  expect(h.get('x-frame-options')).toBe('DENY');
}

describe('admin page headers', () => {
  it('the built Node host serves /admin/ with the strict CSP and no HSTS on plain http', async () => {
    const res = await fetch(`${url}/admin/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expectPageHeaders(res.headers);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(ADMIN_CSP).toBe(CSP);
  });

  it('the HTML has one external module script and no inline script, style or handler', async () => {
    const html = await (await fetch(`${url}/admin/`)).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]).toMatch(/type="module" src="\.\/admin-[A-Z0-9]+\.js"/);
    expect(scripts[0]![2]!.trim()).toBe('');
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  it('the bundle, the redirect from /admin and a missing file carry the headers too; the bundle is cached immutably', async () => {
    const bundle = /src="\.\/(admin-[A-Z0-9]+\.js)"/.exec(await (await fetch(`${url}/admin/`)).text())![1]!;
    const js = await fetch(`${url}/admin/${bundle}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expectPageHeaders(js.headers);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const redirect = await fetch(`${url}/admin`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expectPageHeaders(redirect.headers);
    const missing = await fetch(`${url}/admin/nope.js`);
    expect(missing.status).toBe(404);
    expectPageHeaders(missing.headers);
    expect(missing.headers.get('cache-control')).toBe('no-store');
  });

  it('in production the Node host adds HSTS', async () => {
    const res = await fetch(`http://127.0.0.1:${production.port}/admin/`);
    expectPageHeaders(res.headers);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
  });

  it('the Workers _headers file gives /admin/* the same set, with HSTS, and keeps the widget rules', () => {
    const file = readFileSync('dist/public/_headers', 'utf8');
    expect(file).toContain('/widget/v1/*');
    const block = file.slice(file.indexOf('/admin/*'));
    expect(block).toContain(`Content-Security-Policy: ${CSP}`);
    for (const line of ['Referrer-Policy: no-referrer', 'X-Content-Type-Options: nosniff', 'X-Frame-Options: DENY', 'Strict-Transport-Security: max-age=63072000; includeSubDomains', 'Cache-Control: no-store']) {
      expect(block).toContain(line);
    }
    const bundle = readdirSync('dist/public/admin').find((f) => /^admin-[A-Z0-9]+\.js$/.test(f))!;
    expect(block).toContain(`/admin/${bundle}\n  ! Cache-Control\n  Cache-Control: public, max-age=31536000, immutable`);
  });
});
