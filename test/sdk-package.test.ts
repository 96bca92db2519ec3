import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `@aftercare/sdk` must install and run on its own: valibot is its only dependency. */
const root = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');
const sdk = path.join(root, 'sdk');
const src = path.join(sdk, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Every module specifier: static import/export … from, side-effect imports, import(), require(). */
function specifiers(code: string): string[] {
  const re = /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)|\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g;
  return [...code.matchAll(re)].map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4])!);
}

describe('@aftercare/sdk package', () => {
  it('has exactly valibot as its dependency, at the version the repo uses', () => {
    const pkg = JSON.parse(readFileSync(path.join(sdk, 'package.json'), 'utf8'));
    const rootPkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.dependencies).toEqual({ valibot: rootPkg.dependencies.valibot });
    expect(pkg.peerDependencies ?? {}).toEqual({});
    expect(pkg.optionalDependencies ?? {}).toEqual({});
  });

  it('imports nothing but valibot and relative files inside sdk/src, and no Node globals', () => {
    const files = sourceFiles(src);
    expect(files.map((f) => path.relative(src, f))).toEqual(expect.arrayContaining(['index.ts', 'client/client.ts', 'schemas/index.ts']));
    const offending: string[] = [];
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      for (const spec of specifiers(code)) {
        const inside = spec.startsWith('.') && path.resolve(path.dirname(file), spec).startsWith(src + path.sep);
        if (spec !== 'valibot' && !inside) offending.push(`${path.relative(root, file)}: ${spec}`);
      }
      for (const name of ['process.', 'Buffer', '__dirname', 'globalThis.process']) {
        if (code.includes(name)) offending.push(`${path.relative(root, file)}: uses ${name}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('the specifier scan sees every form of import', () => {
    const code = `import * as v from 'valibot';\nimport type { A } from "./a.js";\nexport { b } from './b.js';\nimport 'side';\nconst x = await import('dyn');\nrequire("req");\nexport * from '../up.js';`;
    expect(specifiers(code)).toEqual(['valibot', './a.js', './b.js', 'side', 'dyn', 'req', '../up.js']);
  });

  it('builds with tsc (JS + .d.ts) and the build runs with only valibot installed', { timeout: 120_000 }, () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'aftercare-sdk-build-'));
    try {
      const out = path.join(tmp, 'dist');
      execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(sdk, 'tsconfig.build.json'), '--outDir', out], { cwd: root, stdio: 'pipe' });
      for (const f of ['index.js', 'index.d.ts', 'client/client.js', 'client/client.d.ts', 'schemas/index.d.ts']) expect(existsSync(path.join(out, f)), f).toBe(true);
      expect(readdirSync(path.join(out, 'client')).some((f) => f.includes('.test.'))).toBe(false);
      const dts = readFileSync(path.join(out, 'client/client.d.ts'), 'utf8');
      expect(dts).toContain('export declare function createClient(opts: ClientOptions): PublicClient;');

      // A stand-alone install: the package files plus valibot, nothing else from the repo.
      writeFileSync(path.join(tmp, 'package.json'), readFileSync(path.join(sdk, 'package.json')));
      mkdirSync(path.join(tmp, 'node_modules'));
      symlinkSync(path.join(root, 'node_modules/valibot'), path.join(tmp, 'node_modules/valibot'), 'dir');
      const script = `
        import * as sdk from '@aftercare/sdk';
        const client = sdk.createClient({ publishableKey: 'pk_x', baseUrl: 'http://127.0.0.1:9', retry: { attempts: 1 } });
        const invalid = await client.submitCase({ kind: 'repair' });
        const unreachable = await client.getConfig();
        console.log(JSON.stringify({ createClient: typeof sdk.createClient, schema: typeof sdk.CaseInputSchema, codes: [invalid.error.code, unreachable.error.code] }));`;
      mkdirSync(path.join(tmp, 'node_modules/@aftercare'));
      symlinkSync(tmp, path.join(tmp, 'node_modules/@aftercare/sdk'), 'dir');
      const printed = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: tmp, encoding: 'utf8' });
      expect(JSON.parse(printed)).toEqual({ createClient: 'function', schema: 'object', codes: ['consent_required', 'network_error'] });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
