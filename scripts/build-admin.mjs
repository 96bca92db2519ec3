// Builds the admin page: one minified ESM bundle with a content hash in its name
// (dist/public/admin/admin-<HASH>.js), points the copied index.html at it, and appends the
// admin page's headers (CSP, HSTS, …) to the Workers `_headers` file that build-widget.mjs wrote.
// The header set comes from worker/src/admin-page/headers.ts, the same module the Node host uses.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const PLACEHOLDER = 'admin.js';
const MARKER = '# admin page (scripts/build-admin.mjs)\n';

export async function buildAdmin(root) {
  const outdir = path.join(root, 'dist', 'public', 'admin');
  const html = path.join(outdir, 'index.html');
  mkdirSync(outdir, { recursive: true });

  const result = await build({
    entryPoints: { admin: path.join(root, 'admin', 'src', 'main.ts') },
    outdir,
    entryNames: '[name]-[hash]',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  const bundle = path.basename(Object.keys(result.metafile.outputs).find((f) => f.endsWith('.js')));
  // Older bundles go; the page is taken from the source each time, so a rebuild of the admin alone works too.
  for (const f of readdirSync(outdir)) if (/^admin-[A-Z0-9]+\.js$/i.test(f) && f !== bundle) rmSync(path.join(outdir, f), { force: true });
  const page = readFileSync(path.join(root, 'admin', 'public', 'index.html'), 'utf8');
  if (!page.includes(`"./${PLACEHOLDER}"`)) throw new Error(`admin/public/index.html must load "./${PLACEHOLDER}"`);
  writeFileSync(html, page.replace(`"./${PLACEHOLDER}"`, `"./${bundle}"`));

  // Workers Assets: the admin page's headers (the Node host sets the same from the same module).
  const headersModule = await build({
    entryPoints: [path.join(root, 'worker', 'src', 'admin-page', 'headers.ts')],
    bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'warning',
  });
  const { adminHeaderLines, publicHeaderLines } = await import(`data:text/javascript;base64,${Buffer.from(headersModule.outputFiles[0].text).toString('base64')}`);
  const headersFile = path.join(root, 'dist', 'public', '_headers');
  const before = existsSync(headersFile) ? readFileSync(headersFile, 'utf8').split(MARKER)[0] : '';
  // The demo pages and widget files get theirs (CSP, nosniff) from the same module as the Node host.
  writeFileSync(headersFile, `${before}${MARKER}${adminHeaderLines(bundle)}${publicHeaderLines()}`);

  const code = readFileSync(path.join(outdir, bundle));
  const size = { file: `dist/public/admin/${bundle}`, bytes: code.length, gzip: gzipSync(code, { level: 9 }).length };
  writeFileSync(path.join(root, 'dist', 'admin-meta.json'), JSON.stringify({ bundle, ...size, metafile: result.metafile }));
  return size;
}

// `node scripts/build-admin.mjs` after a full build: rebuild only the admin bundle and print its size.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const s = await buildAdmin(root);
  console.log(`${s.file}: ${s.bytes} bytes, ${s.gzip} gzipped`);
}
