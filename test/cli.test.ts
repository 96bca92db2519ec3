import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runNode } from './spawn.js';

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
});
