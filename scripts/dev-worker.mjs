// `npm run dev:worker`: the Worker in workerd (wrangler dev) with a local D1 database.
//   1. builds dist/public (the static files wrangler.toml serves as assets);
//   2. applies migrations/ to local D1 (`wrangler d1 migrations apply DB --local`, non-interactive);
//   3. makes sure a demo tenant exists in it, allowed from this server's own origin;
//   4. prints the URL and publishable key, then runs `wrangler dev` on 127.0.0.1:8788 (PORT).
// Local state lives in .wrangler/state (delete it to start over). Extra arguments go to
// `wrangler dev`, e.g. `npm run dev:worker -- --log-level debug`.
import { spawn, spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const configPath = path.join(root, 'wrangler.toml');
const port = Number(process.env.PORT ?? 8788);
const baseUrl = `http://localhost:${port}`;

function fail(message) {
  console.error(`dev:worker: ${message}`);
  process.exit(1);
}
if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`PORT must be a port number, not ${process.env.PORT}`);

// 1. Static files.
const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) fail('node scripts/build.mjs failed');

// 2 + 3. Migrations and the demo tenant, with the TypeScript helpers bundled for Node first.
const setupFile = path.join(root, 'dist', 'dev', 'd1-setup.mjs');
await build({
  stdin: {
    contents: [
      "export { applyLocalD1Migrations, withLocalD1 } from './worker/src/hosts/cloudflare-local.ts';",
      "export { ensureDemoTenant } from './worker/src/tenants/demo.ts';",
      "export { writeDemoKey } from './worker/src/tenants/demo-files.ts';",
    ].join('\n'),
    resolveDir: root,
    sourcefile: 'd1-setup.ts',
    loader: 'ts',
  },
  outfile: setupFile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const setup = await import(pathToFileURL(setupFile).href);
const local = { configPath };

let demo;
try {
  const out = await setup.applyLocalD1Migrations(local);
  console.log(/No migrations to apply/.test(out) ? 'local D1: migrations up to date' : 'local D1: migrations applied');
  demo = await setup.withLocalD1(local, (db) => setup.ensureDemoTenant(db, Date.now(), baseUrl));
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}

// The demo pages get the key a retailer would paste into theirs, as with npm start.
setup.writeDemoKey(path.join(root, 'dist', 'public', 'demo'), demo.publishableKey);

console.log(`Aftercare (Worker, workerd + local D1) is starting on ${baseUrl}
  database         local D1 "DB" in .wrangler/state (delete it to start over)
  demo retailer    ${baseUrl}/demo/
  public API       ${baseUrl}/v1/config   (OpenAPI: ${baseUrl}/v1/openapi.json)
  demo tenant      ${demo.tenantId}${demo.created ? ' (created now)' : ''}
  publishable key  ${demo.publishableKey}
  try              curl -H 'Authorization: Bearer ${demo.publishableKey}' -H 'Origin: ${baseUrl}' ${baseUrl}/v1/config
Stop with Ctrl+C.
`);

// 4. workerd through wrangler dev (bundles worker/src/hosts/cloudflare.ts, watches for changes).
const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: process.env.WRANGLER_SEND_METRICS ?? 'false',
  // No request to workers.cloudflare.com for the Request.cf sample (offline machines).
  CLOUDFLARE_CF_FETCH_ENABLED: process.env.CLOUDFLARE_CF_FETCH_ENABLED ?? 'false',
};
const wranglerBin = path.join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
const child = spawn(
  process.execPath,
  [
    wranglerBin, 'dev', '--config', configPath, '--ip', '127.0.0.1', '--port', String(port),
    // Development only: WEBHOOK_ALLOW_PRIVATE_TARGETS=true npm run dev:worker lets webhooks go
    // to receivers on this machine (README). A command-line var, never deployed.
    ...(process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS === 'true' ? ['--var', 'WEBHOOK_ALLOW_PRIVATE_TARGETS:true'] : []),
    ...process.argv.slice(2),
  ],
  { cwd: root, env, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
