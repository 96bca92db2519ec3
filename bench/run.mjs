// `npm run bench`: bundles the benchmarks (TypeScript, packages external) with esbuild into
// bench/.out/ and runs each in its own Node process, one after the other.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '.out');

/** name → entry points (the first is the one to run; the others are loaded by it, e.g. worker threads). */
const BENCHES = {
  intake: ['intake/index.ts', 'intake/load.ts'],
  'widget-size': ['widget-size/index.ts'],
  'admin-list': ['admin-list/index.ts', 'admin-list/client.ts'],
  'admin-export': ['admin-export/index.ts'],
  'login-flood': ['login-flood/index.ts'],
};
const only = process.argv.slice(2);
const selected = Object.keys(BENCHES).filter((name) => only.length === 0 || only.includes(name));

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: Object.fromEntries(selected.flatMap((name) => BENCHES[name].map((e) => [e.replace(/\.ts$/, ''), path.join(here, e)]))),
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

let failed = 0;
for (const name of selected) {
  const entry = path.join(out, BENCHES[name][0].replace(/\.ts$/, '.js'));
  const res = spawnSync(process.execPath, ['--enable-source-maps', ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), entry], { stdio: 'inherit' });
  if (res.status !== 0) {
    console.error(`bench ${name} failed (exit ${res.status ?? res.signal})`);
    failed++;
  }
}
process.exitCode = failed ? 1 : 0;
