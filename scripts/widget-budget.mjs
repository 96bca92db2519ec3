// What a page downloads for one form, from the esbuild metafile of the widget build:
// the loader, that form, one locale, and every chunk they import statically — gzipped.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET = { loader: 3 * 1024, form: 20 * 1024 };
const FORMS = ['registration', 'warranty', 'repair', 'return'];
const LOCALES = ['nl', 'en', 'de', 'fr'];

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

export function widgetSizes(root) {
  const { metafile, outdir } = JSON.parse(readFileSync(path.join(root, 'dist', 'widget-meta.json'), 'utf8'));
  const outputs = metafile.outputs;
  const key = (name) => Object.keys(outputs).find((k) => path.resolve(root, k) === path.join(outdir, `${name}.js`));
  const closure = (start, seen = new Set()) => {
    if (!start || seen.has(start)) return seen;
    seen.add(start);
    for (const imp of outputs[start].imports) if (imp.kind === 'import-statement') closure(imp.path, seen);
    return seen;
  };
  const size = (set) => [...set].reduce((n, k) => n + gz(path.resolve(root, k)), 0);
  const loader = closure(key('aftercare'));
  const forms = {};
  for (const form of FORMS) {
    const perLocale = LOCALES.filter((l) => key(`locale-${l}`)).map((l) => {
      const all = new Set([...loader, ...closure(key(form)), ...closure(key(`locale-${l}`))]);
      return { locale: l, gzip: size(all), files: all.size };
    });
    const worst = perLocale.reduce((a, b) => (b.gzip > a.gzip ? b : a), perLocale[0] ?? { gzip: size(new Set([...loader, ...closure(key(form))])), locale: '-', files: 0 });
    forms[form] = { ...worst, own: gz(path.resolve(root, key(form))) };
  }
  return { loader: size(loader), forms };
}

/** Lit alone, minified and gzipped, for comparison. */
export async function litSize() {
  const r = await build({ stdin: { contents: "export * from 'lit';", resolveDir: process.cwd() }, bundle: true, minify: true, format: 'esm', write: false, logLevel: 'silent' });
  return gzipSync(r.outputFiles[0].contents, { level: 9 }).length;
}
