import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { can, type Permission, type Role } from '../sdk/src/admin/roles.js';
import { apiKeys, consents, tenants } from '../worker/src/db/schema.js';
import { breaches, breachTenants, notices } from '../worker/src/db/schema.js';
import { AuditWriter } from '../worker/src/audit/log.js';
import { ensureDefaultAgreement } from '../worker/src/agreements/publish.js';
import { agreementHash } from '../worker/src/agreements/store.js';
import { defaultAgreementText } from '../worker/src/agreements/default-text.js';
import { makeAdminHarness, type AdminHarness, type As } from '../worker/src/testing/admin-harness.js';

/**
 * R15: THE route table of the admin API. Every route × every role × ids of ANOTHER tenant:
 * a role without the route's permission gets 403, a role with it gets 404 (the other tenant's
 * record does not exist for it). Routes without ids answer the caller's own tenant only: the
 * other tenant's ids never appear in the body. A route missing here fails the first test.
 */
type Access = { perm: Permission | Permission[] } | 'public' | 'self';
/** `query` is appended to the path: searches use the e-mail both tenants' subjects share. */
type Row = { access: Access; body?: unknown; query?: string };
const SHARED_EMAIL = 'q=jan%40example.nl';

const LONG_PASSWORD = 'een-heel-lang-wachtwoord-42';
const TABLE: Record<string, Row> = {
  // Sign-in: these authenticate themselves (tested in worker/src/admin/auth).
  'POST /v1/admin/auth/login': { access: 'public' },
  'POST /v1/admin/auth/totp': { access: 'public' },
  'POST /v1/admin/auth/totp/setup': { access: 'public' },
  'POST /v1/admin/auth/totp/enable': { access: 'public' },
  'POST /v1/admin/auth/logout': { access: 'public' },
  // The caller's own account: every signed-in principal.
  'GET /v1/admin/me': { access: 'self' },
  'PATCH /v1/admin/me': { access: 'self', body: { locale: 'en' } },
  'POST /v1/admin/me/password': { access: 'self', body: { currentPassword: 'x', newPassword: LONG_PASSWORD } },
  'POST /v1/admin/me/totp/setup': { access: 'self', body: {} },
  'POST /v1/admin/me/totp/enable': { access: 'self', body: { code: '000000' } },
  'POST /v1/admin/me/totp/disable': { access: 'self', body: { password: 'x' } },
  'GET /v1/admin/api-keys': { access: { perm: 'settings.manage' } },
  'POST /v1/admin/api-keys': { access: { perm: 'settings.manage' }, body: { name: 'ERP koppeling', role: 'staff' } },
  'DELETE /v1/admin/api-keys/:id': { access: { perm: 'settings.manage' } },
  'GET /v1/admin/cases': { access: { perm: 'cases.read' }, query: SHARED_EMAIL },
  'GET /v1/admin/cases/:id': { access: { perm: 'cases.read' } },
  'POST /v1/admin/cases/:id/status': { access: { perm: 'cases.work' }, body: { status: 'scheduled' } },
  'POST /v1/admin/cases/:id/assign': { access: { perm: 'cases.assign' }, body: { organisationId: null } },
  'POST /v1/admin/cases/:id/notes': { access: { perm: 'cases.work' }, body: { body: 'Gebeld, komt dinsdag.', shared: false } },
  'GET /v1/admin/exports/cases.csv': { access: { perm: 'cases.export' }, query: SHARED_EMAIL },
  'GET /v1/admin/exports/cases.json': { access: { perm: 'cases.export' }, query: SHARED_EMAIL },
  'GET /v1/admin/exports/cases/print': { access: { perm: 'cases.export' }, query: SHARED_EMAIL },
  'GET /v1/admin/exports/print.css': { access: { perm: 'cases.export' } },
  'GET /v1/admin/logs/exports': { access: { perm: 'logs.read' } },
  'GET /v1/admin/logs/exports.csv': { access: { perm: 'logs.read' } },
  'GET /v1/admin/logs/exports.json': { access: { perm: 'logs.read' } },
  'GET /v1/admin/logs/audit': { access: { perm: 'logs.read' } },
  'GET /v1/admin/logs/audit/verify': { access: { perm: 'logs.read' } },
  'GET /v1/admin/subjects': { access: { perm: 'subjects.manage' }, query: SHARED_EMAIL },
  'GET /v1/admin/subjects/:id': { access: { perm: 'subjects.manage' } },
  'PATCH /v1/admin/subjects/:id': { access: { perm: 'subjects.manage' }, body: { city: 'Amsterdam' } },
  'GET /v1/admin/subjects/:id/export': { access: { perm: 'subjects.manage' } },
  'POST /v1/admin/subjects/:id/consents/:consentId/withdraw': { access: { perm: 'subjects.manage' }, body: {} },
  'POST /v1/admin/subjects/:id/anonymise': { access: { perm: 'subjects.erase' }, body: { confirm: true } },
  'GET /v1/admin/settings': { access: { perm: 'settings.manage' } },
  'PATCH /v1/admin/settings': { access: { perm: 'settings.manage' }, body: { name: 'Fietsenwinkel Test' } },
  'GET /v1/admin/settings/consent-texts': { access: { perm: 'settings.manage' } },
  'POST /v1/admin/settings/consent-texts': { access: { perm: 'settings.manage' }, body: { locale: 'nl', text: 'Ik geef toestemming voor het verwerken van mijn gegevens.' } },
  'GET /v1/admin/users': { access: { perm: 'settings.manage' } },
  'POST /v1/admin/users': { access: { perm: 'settings.manage' } },
  'PATCH /v1/admin/users/:id': { access: { perm: 'settings.manage' }, body: { displayName: 'Iemand' } },
  'POST /v1/admin/users/:id/password': { access: { perm: 'settings.manage' }, body: { password: LONG_PASSWORD } },
  'POST /v1/admin/users/:id/totp/reset': { access: { perm: 'settings.manage' }, body: {} },
  'GET /v1/admin/organisations': { access: { perm: ['cases.assign', 'settings.manage'] } },
  'POST /v1/admin/organisations': { access: { perm: 'settings.manage' }, body: { name: 'Monteurs BV', type: 'technician' } },
  'PATCH /v1/admin/organisations/:id': { access: { perm: 'settings.manage' }, body: { name: 'Andere naam' } },
  'GET /v1/admin/tenants': { access: { perm: 'tenants.manage' } },
  'POST /v1/admin/tenants': { access: { perm: 'tenants.manage' } },
  // Art. 30(2) register and sub-processors (R16, R21): tenant side, then the operator's platform side.
  'GET /v1/admin/register': { access: { perm: 'registers.read' } },
  'GET /v1/admin/register.csv': { access: { perm: 'registers.read' } },
  'GET /v1/admin/register/print': { access: { perm: 'registers.read' } },
  'GET /v1/admin/register/print.css': { access: { perm: 'registers.read' } },
  'GET /v1/admin/register/controller': { access: { perm: 'registers.read' } },
  'PUT /v1/admin/register/controller': { access: { perm: 'registers.manage' }, body: { contact: { name: 'Fietsenwinkel', address: 'Damrak 1, 1012 LG Amsterdam', email: 'privacy@fiets.example' }, dpo: null } },
  'GET /v1/admin/register/subprocessors': { access: { perm: 'registers.read' } },
  'POST /v1/admin/register/subprocessors/:id/objection': { access: { perm: 'registers.manage' }, body: { reason: 'Geen doorgifte buiten de EER.' } },
  'GET /v1/admin/platform/profile': { access: { perm: 'platform.manage' } },
  'PUT /v1/admin/platform/profile': {
    access: { perm: 'platform.manage' },
    body: { name: 'Aftercare BV', contact: { name: 'Aftercare BV', address: 'Keizersgracht 1, Amsterdam', email: 'privacy@aftercare.example' }, dpo: null, securityMeasures: { nl: 'Versleuteld transport.', en: 'Encrypted transport.' } },
  },
  'GET /v1/admin/platform/subprocessors': { access: { perm: 'platform.manage' } },
  'POST /v1/admin/platform/subprocessors': { access: { perm: 'platform.manage' }, body: { name: 'Hosting GmbH', purpose: 'Hosting', location: 'DE', startDate: '2099-01-01' } },
  'PATCH /v1/admin/platform/subprocessors/:id': { access: { perm: 'platform.manage' }, body: { ended: true } },
  'GET /v1/admin/retention/policies': { access: { perm: 'registers.read' } },
  'PUT /v1/admin/retention/policies': { access: { perm: 'registers.manage' }, body: { repair: { basis: 'closed', months: 36 } } },
  'GET /v1/admin/retention/preview': { access: { perm: 'registers.read' } },
  'POST /v1/admin/retention/run': { access: { perm: 'registers.manage' }, body: {} },
  'GET /v1/admin/webhooks': { access: { perm: 'registers.read' } },
  'PUT /v1/admin/webhooks': { access: { perm: 'registers.manage' }, body: { url: 'https://hooks.shop.example/aftercare', personalData: false } },
  'POST /v1/admin/webhooks/secret': { access: { perm: 'registers.manage' } },
  'GET /v1/admin/webhooks/deliveries': { access: { perm: 'registers.read' } },
  'POST /v1/admin/webhooks/test': { access: { perm: 'registers.manage' } },
  // R17 the provable audit log, R23 statistics.
  'GET /v1/admin/audit/public-key': { access: { perm: ['logs.read', 'platform.manage'] } },
  'GET /v1/admin/audit/checkpoints': { access: { perm: ['logs.read', 'registers.read'] } },
  'GET /v1/admin/audit/verify': { access: { perm: ['logs.read', 'registers.read'] } },
  'GET /v1/admin/audit/export': { access: { perm: ['logs.read', 'registers.read'] } },
  'POST /v1/admin/audit/checkpoints/run': { access: { perm: 'platform.manage' }, body: {} },
  'GET /v1/admin/stats': { access: { perm: 'registers.read' } },
  'GET /v1/admin/stats/platform': { access: { perm: 'platform.manage' } },
  // Data-breach register (R18), processor agreement (R20), notices: tenant side, then the operator's.
  'GET /v1/admin/breaches': { access: { perm: 'registers.read' } },
  'GET /v1/admin/breaches/export.json': { access: { perm: 'registers.read' } },
  'GET /v1/admin/breaches/export.csv': { access: { perm: 'registers.read' } },
  'GET /v1/admin/breaches/:id': { access: { perm: 'registers.read' } },
  'PUT /v1/admin/breaches/:id/follow-up': { access: { perm: 'registers.manage' }, body: { reportedToAuthority: false, note: 'Geen risico voor betrokkenen.' } },
  'GET /v1/admin/notices': { access: { perm: 'registers.read' } },
  'POST /v1/admin/notices/:id/read': { access: { perm: 'registers.manage' }, body: {} },
  'GET /v1/admin/agreement': { access: { perm: 'registers.read' } },
  'POST /v1/admin/agreement/accept': { access: { perm: 'registers.manage' } },
  'GET /v1/admin/platform-agreements': { access: { perm: 'platform.manage' } },
  'POST /v1/admin/platform-agreements': { access: { perm: 'platform.manage' }, body: { text: { nl: 'Verwerkersovereenkomst versie 2. '.repeat(8), en: 'Processor agreement version 2. '.repeat(8) } } },
  'GET /v1/admin/platform-breaches': { access: { perm: 'platform.manage' } },
  'POST /v1/admin/platform-breaches': {
    access: { perm: 'platform.manage' },
    body: { discoveredAt: '2020-01-01T00:00:00Z', description: 'Laptop verloren.', dataCategories: ['contact'], approxSubjects: 3, consequences: 'Gering.', measures: 'Schijf versleuteld.', tenantIds: [] },
  },
  'GET /v1/admin/platform-breaches/export.json': { access: { perm: 'platform.manage' } },
  'GET /v1/admin/platform-breaches/export.csv': { access: { perm: 'platform.manage' } },
  'GET /v1/admin/platform-breaches/:id': { access: { perm: 'platform.manage' } },
  'PATCH /v1/admin/platform-breaches/:id': { access: { perm: 'platform.manage' }, body: { measures: 'Wachtwoorden gereset.' } },
  'POST /v1/admin/platform-breaches/:id/notify': { access: { perm: 'platform.manage' }, body: {} },
};

const ROLES: Role[] = ['owner', 'staff', 'auditor', 'partner', 'operator'];

let h: AdminHarness;
let callers: Record<Role, As>;
let foreign: Record<string, string>;
let own: { id: string; reference: string; subjectId: string };
let n = 0;

/** A valid body for routes whose body must be unique per call. */
function bodyFor(key: string, row: Row): unknown {
  n += 1;
  if (key === 'POST /v1/admin/users') return { loginCode: `route-user-${n}`, displayName: 'Nieuw', role: 'staff', password: LONG_PASSWORD, locale: 'nl' };
  if (key === 'POST /v1/admin/tenants')
    return { name: `Winkel ${n}`, origins: [`https://winkel${n}.example`], privacyUrl: `https://winkel${n}.example/privacy`, owner: { loginCode: `route-owner-${n}`, displayName: 'Eigenaar', password: LONG_PASSWORD } };
  if (key === 'POST /v1/admin/agreement/accept') return { version: 1, sha256: agreementHash(defaultAgreementText()) };
  return row.body;
}

function pathFor(template: string): string {
  const kind = template.split('/')[3]!;
  const ids: Record<string, string> = { cases: foreign.case!, subjects: foreign.subject!, users: foreign.user!, organisations: foreign.org!, 'api-keys': foreign.key!, breaches: foreign.breach!, notices: foreign.notice! };
  return template.replace(':consentId', foreign.consent!).replace(':id', ids[kind] ?? 'unknown');
}

const allowed = (role: Role, access: Access) =>
  typeof access === 'object' && (Array.isArray(access.perm) ? access.perm.some((p) => can(role, p)) : can(role, access.perm));

beforeAll(async () => {
  h = await makeAdminHarness();
  // POST /webhooks/test needs a URL, whichever row runs first.
  await h.db.update(tenants).set({ webhookUrl: 'https://hooks.shop.example/aftercare' }).where(eq(tenants.id, h.tenant.tenantId));
  own = await h.submitCase('repair');
  const other = await h.submitOtherCase('return');
  const [consent] = await h.db.select({ id: consents.id }).from(consents).where(eq(consents.caseId, other.id));
  const otherOrg = await h.addOrg(h.other.tenantId, 'carrier');
  const otherUser = await h.addUser({ tenantId: h.other.tenantId, role: 'staff' });
  await h.keyFor({ tenantId: h.other.tenantId, role: 'staff', name: 'other tenant key' });
  const [key] = await h.db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.tenantId, h.other.tenantId));
  foreign = { case: other.id, reference: other.reference, subject: other.subjectId, consent: consent!.id, org: otherOrg, user: otherUser.id, key: key!.id, tenant: h.other.tenantId };
  // A breach notified to the other tenant only, with its notice; agreement version 1 to accept.
  const t0 = Date.now();
  Object.assign(foreign, { breach: `breach-${t0}`, notice: `notice-${t0}` });
  await h.db.insert(breaches).values({ id: foreign.breach!, discoveredAt: t0 - 3_600_000, description: 'x', dataCategories: ['contact'], approxSubjects: 1, consequences: 'x', measures: 'x', recordedAt: t0, recordedBy: 'op' });
  await h.db.insert(breachTenants).values({ breachId: foreign.breach!, tenantId: h.other.tenantId, notifiedAt: t0 });
  await h.db.insert(notices).values({ id: foreign.notice!, tenantId: h.other.tenantId, kind: 'breach', refId: foreign.breach!, createdAt: t0 });
  await ensureDefaultAgreement(h.db, new AuditWriter(h.db), t0);
  const carrier = await h.addOrg(h.tenant.tenantId, 'carrier');
  callers = {
    owner: (await h.as('owner')).auth,
    staff: (await h.as('staff')).auth,
    auditor: (await h.as('auditor')).auth,
    partner: (await h.as('partner', { partnerOrgId: carrier })).auth,
    operator: (await h.as('operator')).auth,
  };
}, 60_000);
afterAll(() => h?.dispose());

describe('admin route table (R15)', () => {
  it('lists every admin route, and every listed route exists', () => {
    const registered = new Set(h.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/v1/admin')).map((r) => `${r.method} ${r.path}`));
    expect([...registered].filter((k) => !(k in TABLE)), 'routes missing from TABLE').toEqual([]);
    expect(Object.keys(TABLE).filter((k) => !registered.has(k)), 'TABLE rows without a route').toEqual([]);
  });

  for (const [key, row] of Object.entries(TABLE)) {
    if (row.access === 'public') continue;
    const [method, template] = key.split(' ') as [string, string];
    it(`${key}: 403 without the permission, otherwise nothing of another tenant`, async () => {
      for (const role of ROLES) {
        const body = bodyFor(key, row);
        const path = pathFor(template).replace('/v1/admin', '') + (row.query ? `?${row.query}` : '');
        const res = await h.admin(path, { as: callers[role], method, body });
        const text = await res.text();
        const label = `${role} ${key} → ${res.status} ${text.slice(0, 200)}`;
        expect(res.status, label).toBeLessThan(500);
        if (row.access === 'self') {
          expect([401, 403, 404], label).not.toContain(res.status === 401 && !text.includes('invalid_') ? res.status : 0);
        } else if (!allowed(role, row.access)) {
          expect(res.status, label).toBe(403);
          expect(text, label).toContain('"forbidden"');
        } else if (template.includes(':')) {
          expect(res.status, label).toBe(404);
        } else {
          expect(res.status, label).toBeLessThan(300);
          // The search found the caller's own record, so "nothing of the other tenant" means something.
          if (row.query && role !== 'partner') expect(text, label).toContain(template.endsWith('/subjects') ? own.subjectId : own.reference);
        }
        if (role !== 'operator') for (const id of [foreign.breach!, foreign.notice!]) expect(text, label).not.toContain(id);
        for (const id of [foreign.case!, foreign.reference!, foreign.subject!, foreign.consent!, foreign.org!, foreign.user!, foreign.key!]) {
          if (role === 'operator' && key.startsWith('GET /v1/admin/tenants')) continue;
          expect(text, label).not.toContain(id);
        }
      }
    });
  }
});
