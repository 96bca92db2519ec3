import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { openLibsql, migrateLibsql } from '../db/libsql.js';
import { tenants } from '../db/schema.js';
import { eq } from 'drizzle-orm';
import { AuditWriter } from '../audit/log.js';
import { createTenant, createKey } from '../tenants/create.js';
import { repoRoot } from './node.js';
import type { Db } from '../db/types.js';
import type { Role } from '../../../sdk/src/admin/roles.js';
import { createUser, generatePassword, UserInputError } from '../admin/auth/create-user.js';
import { AUDIT_USAGE, auditCheckpoint, auditVerify } from './cli-audit.js';
import { ensureSigningKeyEnv, signingKeyFile } from './signing-key-file.js';

const USAGE = `Usage: npm run aftercare -- <command> [options]

  tenant create --name NAME --origin ORIGIN [--origin ORIGIN…] --privacy-url URL
                [--kind KIND…] [--locale nl|en|de|fr…] [--json]
  tenant list [--json]
  key create --tenant TENANT_ID --origin ORIGIN [--origin ORIGIN…] [--json]
  user create --tenant TENANT_ID --role owner|staff|auditor|partner --login-code CODE
              [--name DISPLAY_NAME] [--partner-org ORG_ID] [--locale nl|en] [--json]
  user create --role operator --login-code CODE [--name DISPLAY_NAME] [--json]
              The password is AFTERCARE_PASSWORD if set, else generated and printed once.
${AUDIT_USAGE}

The database is DATABASE_URL (default: the embedded file ./data/aftercare.db).`;

/** The operator CLI: creates tenants and keys in the database `npm start` uses. */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      origin: { type: 'string', multiple: true },
      'privacy-url': { type: 'string' },
      kind: { type: 'string', multiple: true },
      locale: { type: 'string', multiple: true },
      tenant: { type: 'string' },
      role: { type: 'string' },
      'login-code': { type: 'string' },
      'partner-org': { type: 'string' },
      json: { type: 'boolean', default: false },
      file: { type: 'string' },
      'public-key': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const command = positionals.join(' ');
  if (command === 'audit verify' && !values.help) return auditVerify(values); // offline: no database, no network
  if (values.help || !['tenant create', 'tenant list', 'key create', 'user create', 'audit checkpoint'].includes(command)) {
    (values.help ? console.log : console.error)(USAGE);
    return values.help ? 0 : 2;
  }
  const url = process.env.DATABASE_URL ?? `file:${path.join(repoRoot(), 'data', 'aftercare.db')}`;
  if (url.startsWith('file:')) mkdirSync(path.dirname(url.slice(5)), { recursive: true, mode: 0o700 });
  const { db, close } = await openLibsql(url, process.env.DATABASE_AUTH_TOKEN);
  try {
    await migrateLibsql(db, path.join(repoRoot(), 'migrations'));
    const audit = new AuditWriter(db);
    if (command === 'tenant list') {
      const rows = await db.select({ id: tenants.id, name: tenants.name, slug: tenants.slug, privacyUrl: tenants.privacyUrl, createdAt: tenants.createdAt }).from(tenants);
      if (values.json) console.log(JSON.stringify(rows));
      else for (const r of rows) console.log(`${r.id}  ${r.slug}  ${r.name}  ${r.privacyUrl}`);
      return 0;
    }
    if (command === 'user create') return await userCreate(db, audit, values);
    if (command === 'audit checkpoint') {
      await ensureSigningKeyEnv(process.env, signingKeyFile(url, repoRoot()));
      return await auditCheckpoint(db, values);
    }
    let result: { tenantId: string; slug?: string; publishableKey: string };
    if (command === 'tenant create') {
      result = await createTenant(db, audit, Date.now(), {
        name: values.name ?? '',
        origins: values.origin ?? [],
        privacyUrl: values['privacy-url'] ?? '',
        ...(values.kind ? { kinds: values.kind as never } : {}),
        ...(values.locale ? { locales: values.locale as never } : {}),
      });
    } else {
      const [t] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, values.tenant ?? ''));
      if (!t) throw new Error(`no tenant with id ${values.tenant ?? '(missing --tenant)'}`);
      result = await createKey(db, audit, Date.now(), t.id, values.origin ?? []);
    }
    if (values.json) console.log(JSON.stringify({ tenantId: result.tenantId, publishableKey: result.publishableKey }));
    // The slug is what the tenant's users type after `@` when they sign in.
    else console.log(`tenant ${result.tenantId}${result.slug ? `\nslug ${result.slug}` : ''}\npublishable key ${result.publishableKey}`);
    return 0;
  } finally {
    close();
  }
}

/** `user create`: an admin user (or a platform operator) who signs in at /admin/. */
async function userCreate(db: Db, audit: AuditWriter, values: { tenant?: string; role?: string; 'login-code'?: string; name?: string; 'partner-org'?: string; locale?: string[]; json?: boolean }) {
  const fromEnv = process.env.AFTERCARE_PASSWORD;
  const password = fromEnv || generatePassword();
  const locale = values.locale?.[0];
  const user = await createUser(db, audit, Date.now(), {
    tenantId: values.tenant ?? null,
    role: (values.role ?? '') as Role,
    loginCode: values['login-code'] ?? '',
    displayName: values.name ?? values['login-code'] ?? '',
    password,
    partnerOrgId: values['partner-org'] ?? null,
    ...(locale === 'en' || locale === 'nl' ? { locale } : {}),
  });
  // A generated password is shown this once; one from the environment is never echoed.
  const shown = fromEnv ? {} : { password };
  if (values.json) console.log(JSON.stringify({ ...user, ...shown }));
  else console.log(`user ${user.id}\nlogin code ${user.loginCode}\nsign in as ${user.signInName}\nrole ${user.role}${user.tenantId ? `\ntenant ${user.tenantId}` : ''}${fromEnv ? '' : `\npassword ${password}   (shown once; store it now)`}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UserInputError) {
      console.error(`error: ${err.message}`);
    } else if (err instanceof v.ValiError) {
      for (const issue of err.issues) console.error(`error: ${v.getDotPath(issue) ?? 'input'}: ${issue.message}`);
    } else {
      console.error(`error: ${(err as Error).message}`);
    }
    process.exit(1);
  },
);
