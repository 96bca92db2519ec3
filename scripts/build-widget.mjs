// Builds the widget twice:
//  - for script tags: dist/public/widget/v<version>/ (immutable, with sri.json) and the moving
//    alias dist/public/widget/v<major>/; code-split so a page loads the loader, then only the
//    forms it uses and one locale;
//  - for npm: widget/dist/ (lit left as a dependency for the retailer's bundler).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FORMS = ['registration', 'warranty', 'repair', 'return'];
const LOCALES = ['nl', 'en', 'de', 'fr'];

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

export async function buildWidget(root) {
  const src = (p) => path.join(root, 'widget', 'src', p);
  const { version } = JSON.parse(readFileSync(path.join(root, 'widget', 'package.json'), 'utf8'));
  const major = `v${version.split('.')[0]}`;
  const publicWidget = path.join(root, 'dist', 'public', 'widget');
  const versioned = path.join(publicWidget, `v${version}`);

  const entryPoints = { aftercare: src('loader.ts') };
  for (const f of FORMS) entryPoints[f] = src(`elements/${f}/index.ts`);
  for (const l of LOCALES) if (existsSync(src(`i18n/${l}.ts`))) entryPoints[`locale-${l}`] = src(`i18n/${l}.ts`);

  rmSync(publicWidget, { recursive: true, force: true });
  const result = await build({
    entryPoints,
    outdir: versioned,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(path.join(root, 'dist', 'widget-meta.json'), JSON.stringify({ version, outdir: versioned, metafile: result.metafile }));

  // Subresource Integrity for every published file (sha384, as <script integrity> expects).
  const sri = {};
  for (const file of files(versioned)) {
    const rel = path.relative(versioned, file).split(path.sep).join('/');
    sri[rel] = `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
  }
  writeFileSync(path.join(versioned, 'sri.json'), JSON.stringify({ version, files: sri }, null, 2));
  cpSync(versioned, path.join(publicWidget, major), { recursive: true });

  // Cache rules for the Workers static-asset host (the Node host sets the same headers itself).
  writeFileSync(
    path.join(root, 'dist', 'public', '_headers'),
    `/widget/v${version}/*\n  Cache-Control: public, max-age=31536000, immutable\n  Access-Control-Allow-Origin: *\n/widget/${major}/*\n  Cache-Control: public, max-age=300\n  Access-Control-Allow-Origin: *\n`,
  );

  // npm build: ESM modules for bundlers, lit external.
  await build({
    entryPoints: { index: src('index.ts'), loader: src('loader.ts') },
    outdir: path.join(root, 'widget', 'dist'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: ['lit', 'lit/*', 'valibot'],
    logLevel: 'warning',
  });
  return { version, versioned };
}
