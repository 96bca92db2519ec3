import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type Client } from '@libsql/client';
import type { PublicConfig } from '../../sdk/src/schemas/index.js';
import { runNode, startProcess, type Running } from '../spawn.js';

/** One row of evidence: a case joined with its consent, subject and product. */
export type StoredCase = {
  id: string; tenant_id: string; reference: string; kind: string; details: string;
  consent_text_id: string; text_hash: string; locale: string; privacy_url: string; given_at: number;
  ip: string; user_agent: string; page_url: string | null;
  first_name: string; postcode: string; email: string; brand: string; model: string;
};

export type DemoServer = {
  /** `http://localhost:PORT`, as the server prints it. */
  url: string;
  tenantId: string;
  publishableKey: string;
  databaseUrl: string;
  /** `GET /v1/config` for the demo key, as the widget gets it. */
  config: PublicConfig;
  db: Client;
  casesByReference(reference: string): Promise<StoredCase[]>;
  countCases(): Promise<number>;
  /** `aftercare key create` for the demo tenant, allowed on `origins`. */
  createKey(origins: string[]): Promise<string>;
  stop(): Promise<void>;
};

const READY = /publishable key\s+(pk_\S+)/;

/**
 * A private copy of what `npm start` runs — dist/node, dist/public, migrations (node_modules
 * linked) — taken right after the global setup's build. Other people's test runs rebuild dist/
 * in the same checkout; a page must not get its loader from one build and a chunk from the next.
 */
function snapshotBuild(dir: string): string {
  const app = path.join(dir, 'app');
  for (const p of ['dist/node', 'dist/public', 'migrations', 'package.json']) cpSync(p, path.join(app, p), { recursive: true });
  symlinkSync(path.resolve('node_modules'), path.join(app, 'node_modules'), 'dir');
  for (const p of ['dist/node/server.js', 'dist/node/cli.js', 'dist/public/widget/v1/aftercare.js', 'dist/public/demo/index.html']) {
    if (!existsSync(path.join(app, p))) throw new Error(`the build is incomplete (${p} missing): is someone rebuilding dist/?`);
  }
  return app;
}

/** `npm start`'s server (`dist/node/server.js`, copied) on a free port and a fresh database file. */
export async function startDemoServer(): Promise<DemoServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'aftercare-e2e-'));
  const databaseUrl = `file:${path.join(dir, 'aftercare.db')}`;
  const env = { PORT: '0', DATABASE_URL: databaseUrl, RATE_LIMIT_PER_MINUTE: '1000' };
  let server: Running | undefined;
  let db: Client | undefined;
  try {
    const app = snapshotBuild(dir);
    server = await startProcess(path.join(app, 'dist/node/server.js'), env, READY);
    const out = server.output();
    const url = /running on (http:\/\/\S+)/.exec(out)![1]!;
    const tenantId = /demo tenant\s+(\S+)/.exec(out)![1]!;
    const publishableKey = READY.exec(out)![1]!;
    const res = await fetch(`${url}/v1/config`, { headers: { authorization: `Bearer ${publishableKey}`, origin: new URL(url).origin } });
    if (!res.ok) throw new Error(`/v1/config answered ${res.status}: ${await res.text()}`);
    const config = (await res.json()) as PublicConfig;
    const client = (db = createClient({ url: databaseUrl }));
    const running = server;
    return {
      url, tenantId, publishableKey, databaseUrl, config, db: client,
      async casesByReference(reference) {
        const rs = await client.execute({
          sql: `SELECT c.id, c.tenant_id, c.reference, c.kind, c.details,
                       k.consent_text_id, k.text_hash, k.locale, k.privacy_url, k.given_at, k.ip, k.user_agent, k.page_url,
                       s.first_name, s.postcode, s.email, p.brand, p.model
                FROM cases c JOIN consents k ON k.case_id = c.id JOIN subjects s ON s.id = c.subject_id
                JOIN products p ON p.id = c.product_id WHERE c.reference = ?`,
          args: [reference],
        });
        return rs.rows as unknown as StoredCase[];
      },
      async countCases() {
        const rs = await client.execute('SELECT count(*) AS n FROM cases');
        return Number(rs.rows[0]!.n);
      },
      async createKey(origins) {
        const args = ['key', 'create', '--tenant', tenantId, ...origins.flatMap((o) => ['--origin', o]), '--json'];
        const r = await runNode(path.join(app, 'dist/node/cli.js'), args, { DATABASE_URL: databaseUrl });
        if (r.code !== 0) throw new Error(`key create failed (${r.code}): ${r.stderr}`);
        return (JSON.parse(r.stdout) as { publishableKey: string }).publishableKey;
      },
      async stop() {
        client.close();
        await running.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    db?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
