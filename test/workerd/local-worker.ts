import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unstable_startWorker } from 'wrangler';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WRANGLER_TOML = path.join(ROOT, 'wrangler.toml');

export type LocalWorker = { url: string; stop(): Promise<void> };

/**
 * Starts the Worker from wrangler.toml in workerd through wrangler's own API
 * (`unstable_startWorker`: the same bundling and Miniflare setup as `wrangler dev`), on a free
 * port of 127.0.0.1, with its D1 and rate limiter kept in `persistTo` (as `--persist-to`).
 * No watcher, no inspector, no network, no login.
 */
export async function startLocalWorker(persistTo: string, readyTimeoutMs = 90_000): Promise<LocalWorker> {
  process.env.WRANGLER_SEND_METRICS = 'false';
  process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';
  // wrangler.toml serves dist/public as static assets; the folder must exist (built or not).
  mkdirSync(path.join(ROOT, 'dist', 'public'), { recursive: true });
  const worker = await unstable_startWorker({
    config: WRANGLER_TOML,
    envFiles: [],
    sendMetrics: false,
    dev: {
      remote: false,
      persist: persistTo,
      server: { hostname: '127.0.0.1', port: 0 },
      inspector: false,
      watch: false,
      liveReload: false,
      logLevel: 'warn',
      // Its own dev registry, so a `npm run dev:worker` of the same name is left alone.
      registry: path.join(persistTo, 'registry'),
      enableContainers: false,
      generateTypes: false,
    },
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await worker.dispose();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`workerd was not ready within ${readyTimeoutMs} ms`)), readyTimeoutMs);
  });
  try {
    await Promise.race([worker.ready, timeout]);
    const url = (await Promise.race([worker.url, timeout])).origin;
    return { url, stop };
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
