// Admin fixtures for the admin page's browser tests: a carrier organisation and one user per
// role in the demo tenant (plus an operator and a user kept for wrong-password tests), written
// straight into the test API's database, and a few cases submitted through the public API.
// Passwords use cheap argon2id parameters; the first sign-in re-hashes them (as in production).
import { argon2idAsync } from '@noble/hashes/argon2.js';
import { createClient } from '@libsql/client';
import { randomUUID } from 'node:crypto';

export const ADMIN_PASSWORD = 'paarse-olifant-fietst-snel';
const b64 = (bytes) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');

async function phc(password) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await argon2idAsync(password, salt, { m: 64, t: 1, p: 1, dkLen: 32 });
  return `$argon2id$v=19$m=64,t=1,p=1$${b64(salt)}$${b64(hash)}`;
}

/** A UUIDv7-shaped id (sortable by time), as the app's own ids. */
function uuidv7() {
  const hex = Date.now().toString(16).padStart(12, '0') + randomUUID().replace(/-/g, '').slice(12);
  const h = `${hex.slice(0, 12)}7${hex.slice(13, 16)}8${hex.slice(17, 32)}`;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const ROLES = ['owner', 'staff', 'auditor', 'partner', 'operator', 'wrongpw', 'totp'];
/** The `totp` user's secret (base32, RFC 6238): the browser test computes its codes. */
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export async function seedAdmin({ databaseUrl, tenantId, apiBase, publishableKey, origin }) {
  const db = createClient({ url: databaseUrl });
  try {
    const now = Date.now();
    const orgId = uuidv7();
    await db.execute({ sql: 'INSERT INTO partner_orgs (id, tenant_id, name, type, created_at) VALUES (?, ?, ?, ?, ?)', args: [orgId, tenantId, 'Snel Transport BV', 'carrier', now] });
    const users = {};
    const hash = await phc(ADMIN_PASSWORD);
    // Tenant users sign in as `<login code>@<tenant slug>`; the operator with the plain code.
    const slug = (await db.execute({ sql: 'SELECT slug FROM tenants WHERE id = ?', args: [tenantId] })).rows[0].slug;
    for (const role of ROLES) {
      const id = uuidv7();
      const loginCode = `wtr-${role}`;
      const realRole = role === 'wrongpw' || role === 'totp' ? 'staff' : role;
      const totp = role === 'totp' ? TOTP_SECRET : null;
      await db.execute({
        sql: `INSERT INTO users (id, tenant_id, login_code, display_name, role, partner_org_id, password_hash, totp_secret, totp_enabled_at, locale, created_at, updated_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'nl', ?, ?)`,
        args: [id, realRole === 'operator' ? null : tenantId, loginCode, `Test ${role}`, realRole, realRole === 'partner' ? orgId : null, hash, totp, totp ? now : null, now, now],
      });
      const signIn = realRole === 'operator' ? loginCode : `${loginCode}@${slug}`;
      users[role] = { id, loginCode, signIn, password: ADMIN_PASSWORD, ...(totp ? { totpSecret: totp } : {}) };
    }
    // R20: the host publishes agreement version 1 at start; the seeded owner has accepted it, so
    // the page opens on its views. The gate's own tests publish a newer version and accept it.
    const current = (await db.execute('SELECT id FROM agreements ORDER BY version DESC LIMIT 1')).rows[0];
    if (current) {
      await db.execute({
        sql: 'INSERT OR IGNORE INTO agreement_acceptances (id, tenant_id, agreement_id, user_id, ip, accepted_at) VALUES (?, ?, ?, ?, ?, ?)',
        args: [uuidv7(), tenantId, current.id, users.owner.id, '127.0.0.1', now],
      });
    }
    const cases = [];
    for (const kind of ['repair', 'return', 'registration']) cases.push(await submitCase({ apiBase, publishableKey, origin, kind }));
    return { orgId, slug, users, cases };
  } finally {
    db.close();
  }
}

async function submitCase({ apiBase, publishableKey, origin, kind }) {
  const headers = { authorization: `Bearer ${publishableKey}`, origin };
  const config = await (await fetch(`${apiBase}/v1/config`, { headers })).json();
  const text = config.consentTexts.nl;
  const people = {
    repair: ['Jan', 'de Vries', 'jan.devries@example.nl', '1234ab', 'Utrecht'],
    return: ['Fatima', 'El Amrani', 'fatima@example.nl', '3511ab', 'Utrecht'],
    registration: ['Pieter', 'Jansen', 'pieter.jansen@example.nl', '1011ab', 'Amsterdam'],
  };
  const [firstName, lastName, email, postcode, city] = people[kind];
  const details = {
    repair: { description: 'De machine lekt water tijdens het centrifugeren.' },
    return: { reason: 'changed_mind', orderNumber: 'ORD-2024-001', preferredResolution: 'refund' },
  }[kind];
  const body = {
    kind,
    subject: { firstName, lastName, street: 'Dorpsstraat', houseNumber: '12', postcode, city, email, phone: '06-12345678' },
    product: { brand: 'Miele', model: 'WWD 320', serialNumber: `SN-${kind}`, purchaseDate: '2024-05-01' },
    consent: { accepted: true, textId: text.id, textHash: text.hash, locale: 'nl', privacyUrl: config.privacyUrl },
    ...(details ? { details } : {}),
  };
  const res = await fetch(`${apiBase}/v1/cases`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'user-agent': 'wtr-seed' },
    body: JSON.stringify(body),
  });
  const out = await res.json();
  if (res.status !== 201) throw new Error(`seed case ${kind}: ${res.status} ${JSON.stringify(out)}`);
  return out;
}
