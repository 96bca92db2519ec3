import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { openD1, type D1Like } from '../db/d1.js';
import type { Db } from '../db/types.js';

/**
 * Node-side tools for the Worker's local D1 (the SQLite files wrangler keeps under
 * `<persistTo>/v3/d1`): apply migrations/ with wrangler, and open the same database from
 * Node through wrangler's platform proxy. Used by `npm run dev:worker` and the workerd test;
 * never bundled into the Worker.
 */

export type LocalD1Options = {
  /** wrangler.toml to read bindings from. */
  configPath: string;
  /** Like `wrangler --persist-to`; default `.wrangler/state` beside the config. */
  persistTo?: string;
  /** Extra environment for the wrangler process. */
  env?: NodeJS.ProcessEnv;
};

/** Environment that keeps wrangler quiet, offline and non-interactive. */
export function wranglerEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CI: 'true',
    WRANGLER_SEND_METRICS: 'false',
    CLOUDFLARE_CF_FETCH_ENABLED: process.env.CLOUDFLARE_CF_FETCH_ENABLED ?? 'false',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...extra,
  };
}

/** Path of wrangler's CLI script (run with this Node, not through npx). */
export function wranglerBin(): string {
  return createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js');
}

/** Runs `wrangler <args>` with `cwd` = the config's folder; rejects with its output on failure. */
export function runWrangler(args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wranglerBin(), ...args], { cwd: opts.cwd, env: wranglerEnv(opts.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 90_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`wrangler ${args.join(' ')} failed (${signal ?? code}):\n${out}`));
    });
  });
}

/**
 * `wrangler d1 migrations apply DB --local`: the drizzle-kit SQL in migrations/ (trigger
 * bodies included), recorded in D1's `d1_migrations` table so a second run applies nothing.
 */
export async function applyLocalD1Migrations(opts: LocalD1Options): Promise<string> {
  const args = ['d1', 'migrations', 'apply', 'DB', '--local', '--config', opts.configPath];
  if (opts.persistTo) args.push('--persist-to', opts.persistTo);
  return runWrangler(args, { cwd: path.dirname(opts.configPath), env: opts.env });
}

/**
 * Opens the local D1 database `DB` from Node (a workerd process behind wrangler's platform
 * proxy), runs `fn` with drizzle over it, and closes it again. Do not keep it open while a
 * `wrangler dev` on the same files writes.
 */
export async function withLocalD1<T>(opts: LocalD1Options, fn: (db: Db, binding: D1Like) => Promise<T>): Promise<T> {
  const persist = { path: path.join(opts.persistTo ?? path.join(path.dirname(opts.configPath), '.wrangler', 'state'), 'v3') };
  const saved = { metrics: process.env.WRANGLER_SEND_METRICS, cf: process.env.CLOUDFLARE_CF_FETCH_ENABLED };
  process.env.WRANGLER_SEND_METRICS = 'false';
  process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';
  const proxy = await getPlatformProxy<{ DB?: D1Like }>({ configPath: opts.configPath, persist, remoteBindings: false, envFiles: [] });
  try {
    if (!proxy.env.DB) throw new Error(`${opts.configPath} binds no D1 database as DB`);
    return await fn(openD1(proxy.env.DB), proxy.env.DB);
  } finally {
    await proxy.dispose();
    if (saved.metrics === undefined) delete process.env.WRANGLER_SEND_METRICS;
    else process.env.WRANGLER_SEND_METRICS = saved.metrics;
    if (saved.cf === undefined) delete process.env.CLOUDFLARE_CF_FETCH_ENABLED;
    else process.env.CLOUDFLARE_CF_FETCH_ENABLED = saved.cf;
  }
}
