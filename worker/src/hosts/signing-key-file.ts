import path from 'node:path';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { generateSigningKeyJwk, importSigningKey, SIGNING_KEY_ENV } from '../audit/signing-key.js';

/** Where the Node host keeps its generated key: beside the database file (data/ is gitignored). */
export function signingKeyFile(databaseUrl: string, root: string): string {
  return databaseUrl.startsWith('file:') ? path.join(path.dirname(databaseUrl.slice(5)), 'signing-key.json') : path.join(root, 'data', 'signing-key.json');
}

/**
 * R17 on the Node host: makes sure `env.AFTERCARE_SIGNING_KEY` holds the operator's private
 * JWK. Set in the environment: used as is (checked). Else read from `file`, or generated once
 * and written there with mode 600. Returns where it came from and its kid (never the key).
 */
export async function ensureSigningKeyEnv(env: Record<string, string | undefined>, file: string): Promise<{ source: 'env' | 'file' | 'generated'; kid: string; file?: string }> {
  const given = env[SIGNING_KEY_ENV];
  if (given?.trim()) return { source: 'env', kid: (await importSigningKey(given)).kid };
  let json: string | undefined;
  try {
    json = readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const source = json ? 'file' : 'generated';
  if (!json) {
    json = await generateSigningKeyJwk();
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // `wx`: two processes starting at once never overwrite each other's key; the loser reads the winner's.
    try {
      writeFileSync(file, `${json}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      json = readFileSync(file, 'utf8').trim();
    }
  }
  // A key file written by an earlier version (or copied in) may be 0644: the private key is owner-only.
  chmodSync(file, 0o600);
  const key = await importSigningKey(json);
  env[SIGNING_KEY_ENV] = json;
  return { source, kid: key.kid, file };
}
