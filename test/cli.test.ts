import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { runNode } from './spawn.js';
import { verifyPassword } from '../worker/src/admin/auth/password.js';

const dir = mkdtempSync(path.join(tmpdir(), 'aftercare-cli-'));
const env = { DATABASE_URL: `file:${path.join(dir, 'cli.db')}` };
const cli = (...args: string[]) => runNode('dist/node/cli.js', args, env);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('operator CLI (npm run aftercare)', () => {
  it('tenant create --json prints one JSON object and nothing else; tenant list and key create see it', async () => {
    const made = await cli('tenant', 'create', '--name', 'Keukens BV', '--origin', 'https://keukens.example', '--origin', 'https://www.keukens.example', '--privacy-url', 'https://keukens.example/privacy', '--json');
    expect(made.code).toBe(0);
    const lines = made.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const created = JSON.parse(lines[0]!) as { tenantId: string; publishableKey: string };
    expect(Object.keys(created).sort()).toEqual(['publishableKey', 'tenantId']);
    expect(created.publishableKey).toMatch(/^pk_live_[A-Za-z0-9]{24}$/);

    const list = await cli('tenant', 'list', '--json');
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ id: created.tenantId, name: 'Keukens BV' })]);

    const key = await cli('key', 'create', '--tenant', created.tenantId, '--origin', 'https://shop2.example', '--json');
    expect(key.code).toBe(0);
    const second = JSON.parse(key.stdout) as { tenantId: string; publishableKey: string };
    expect(second.tenantId).toBe(created.tenantId);
    expect(second.publishableKey).not.toBe(created.publishableKey);
  });

  it('refuses bad input with a message on stderr, exit ≠ 0, nothing on stdout, nothing written', async () => {
    const before = JSON.parse((await cli('tenant', 'list', '--json')).stdout) as unknown[];
    const bad = await cli('tenant', 'create', '--name', 'X', '--origin', 'https://x.example/path', '--privacy-url', 'not a url', '--json');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/origin/);
    expect(bad.stderr).toMatch(/privacyUrl/);
    expect(JSON.parse((await cli('tenant', 'list', '--json')).stdout)).toHaveLength(before.length);
    const usage = await cli('frobnicate');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage');
    const noTenant = await cli('key', 'create', '--tenant', 'nope', '--origin', 'https://a.example');
    expect(noTenant.code).toBe(1);
    expect(noTenant.stderr).toContain('no tenant');
  });

  describe('user create', () => {
    const userRow = async (loginCode: string) => {
      const db = createClient({ url: env.DATABASE_URL });
      try {
        const r = await db.execute({ sql: 'SELECT id, tenant_id, role, password_hash, display_name FROM users WHERE login_code = ?', args: [loginCode] });
        return r.rows[0] as unknown as { id: string; tenant_id: string | null; role: string; password_hash: string; display_name: string } | undefined;
      } finally {
        db.close();
      }
    };

    it('creates an owner with a generated password printed once, hashed with argon2id at OWASP parameters', async () => {
      const made = JSON.parse((await cli('tenant', 'create', '--name', 'Fietsen BV', '--origin', 'https://fietsen.example', '--privacy-url', 'https://fietsen.example/privacy', '--json')).stdout) as { tenantId: string };
      const res = await cli('user', 'create', '--tenant', made.tenantId, '--role', 'owner', '--login-code', 'Eigenaar.Fietsen', '--name', 'Eigenaar', '--json');
      expect(res.code).toBe(0);
      const lines = res.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      const out = JSON.parse(lines[0]!) as { id: string; loginCode: string; tenantId: string; role: string; password: string };
      expect(out).toMatchObject({ loginCode: 'eigenaar.fietsen', tenantId: made.tenantId, role: 'owner' });
      expect(out.password).toMatch(/^[2-9a-zA-Z]{20}$/);
      const row = (await userRow('eigenaar.fietsen'))!;
      expect(row).toMatchObject({ id: out.id, tenant_id: made.tenantId, role: 'owner', display_name: 'Eigenaar' });
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect((await verifyPassword(out.password, row.password_hash)).ok).toBe(true);

      // The same login code again (any case) is refused; nothing on stdout.
      const again = await cli('user', 'create', '--tenant', made.tenantId, '--role', 'staff', '--login-code', 'EIGENAAR.fietsen');
      expect(again.code).toBe(1);
      expect(again.stdout).toBe('');
      expect(again.stderr).toContain('already in use');
    }, 90_000);

    it('creates an operator without a tenant, with the password from AFTERCARE_PASSWORD (never echoed)', async () => {
      const password = 'operator wachtwoord lang genoeg';
      const res = await runNode('dist/node/cli.js', ['user', 'create', '--role', 'operator', '--login-code', 'platform-op'], { ...env, AFTERCARE_PASSWORD: password });
      expect(res.code).toBe(0);
      expect(res.stdout).toContain('login code platform-op');
      expect(res.stdout).not.toContain(password);
      const row = (await userRow('platform-op'))!;
      expect(row).toMatchObject({ tenant_id: null, role: 'operator' });
      expect((await verifyPassword(password, row.password_hash)).ok).toBe(true);
    }, 90_000);

    it('refuses a weak password, a missing tenant, an operator with a tenant, a partner without an organisation', async () => {
      const tenantId = (JSON.parse((await cli('tenant', 'list', '--json')).stdout) as { id: string }[])[0]!.id;
      const cases: [string[], Record<string, string>, RegExp][] = [
        [['--tenant', tenantId, '--role', 'staff', '--login-code', 'zwak'], { AFTERCARE_PASSWORD: 'kort' }, /password: Use at least 12/],
        [['--tenant', tenantId, '--role', 'staff', '--login-code', 'algemeen'], { AFTERCARE_PASSWORD: 'qwerty123456' }, /too common/],
        [['--role', 'staff', '--login-code', 'geen-tenant'], {}, /needs --tenant/],
        [['--tenant', 'nope', '--role', 'staff', '--login-code', 'onbekend'], {}, /no tenant/],
        [['--tenant', tenantId, '--role', 'operator', '--login-code', 'op-met-tenant'], {}, /no tenant \(leave out/],
        [['--tenant', tenantId, '--role', 'partner', '--login-code', 'koerier-zonder-org'], {}, /partner organisation/],
        [['--tenant', tenantId, '--role', 'boss', '--login-code', 'baas'], {}, /role: one of/],
        [['--tenant', tenantId, '--role', 'staff', '--login-code', 'x'], {}, /login code/],
      ];
      for (const [args, extra, message] of cases) {
        const res = await runNode('dist/node/cli.js', ['user', 'create', ...args], { ...env, ...extra });
        expect(res.code, args.join(' ')).toBe(1);
        expect(res.stdout).toBe('');
        expect(res.stderr).toMatch(message);
      }
      for (const code of ['zwak', 'algemeen', 'geen-tenant', 'onbekend', 'op-met-tenant', 'koerier-zonder-org', 'baas']) expect(await userRow(code)).toBeUndefined();
    }, 90_000);
  });
});
