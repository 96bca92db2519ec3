// Builds what `npm start` serves: the Node host and CLI bundles, and the static files
// (demo pages and the browser bundles they load) under dist/public.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWidget } from './build-widget.mjs';
import { buildAdmin } from './build-admin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (...p) => path.join(root, 'dist', ...p);
const quiet = process.argv.includes('--quiet') || process.argv.includes('--cli');

const started = Date.now();
await build({
  entryPoints: {
    server: path.join(root, 'worker/src/hosts/node-main.ts'),
    cli: path.join(root, 'worker/src/hosts/cli.ts'),
  },
  outdir: out('node'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// Static files: the demo retailer site and the browser bundles it loads.
rmSync(out('public'), { recursive: true, force: true });
mkdirSync(out('public'), { recursive: true });
for (const dir of ['demo', 'widget', 'admin']) {
  const src = path.join(root, dir, 'public');
  if (existsSync(src)) cpSync(src, out('public', dir), { recursive: true });
}
await build({
  entryPoints: { 'demo/sdk-demo': path.join(root, 'demo/src/sdk-demo.ts') },
  outdir: out('public'),
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
await buildWidget(root);
await buildAdmin(root);
if (!quiet) console.log(`built dist/ in ${Date.now() - started} ms`);
