import { can, type Permission, type Role } from '../../../sdk/src/admin/roles.js';
import type { RouteName } from './routes.js';

/** The permission a view needs (sdk/src/admin/roles.ts is the one table of who may do what). */
export const VIEW_PERMISSION: Partial<Record<RouteName, Permission>> = {
  cases: 'cases.read',
  case: 'cases.read',
  subjects: 'subjects.manage',
  subject: 'subjects.manage',
  settings: 'settings.manage',
  logs: 'logs.read',
  tenants: 'tenants.manage',
  privacy: 'registers.read',
  notices: 'registers.read',
  agreement: 'registers.read',
  platform: 'platform.manage',
};

export const mayView = (role: Role, name: RouteName): boolean => {
  const p = VIEW_PERMISSION[name];
  return !p || can(role, p);
};

/** Where a role lands after sign-in: partners on Cases, auditors on Logs, operators on Tenants. */
export function homeOf(role: Role): string {
  if (can(role, 'cases.read')) return '/cases';
  if (can(role, 'logs.read')) return '/logs';
  if (can(role, 'tenants.manage')) return '/tenants';
  return '/account';
}

/** The navigation entries a role sees, in order. */
export const NAV = [
  { path: '/cases', name: 'cases', label: 'navCases' },
  { path: '/subjects', name: 'subjects', label: 'navSubjects' },
  { path: '/logs', name: 'logs', label: 'navLogs' },
  { path: '/settings', name: 'settings', label: 'navSettings' },
  { path: '/privacy', name: 'privacy', label: 'navPrivacy' },
  { path: '/notices', name: 'notices', label: 'navNotices' },
  { path: '/tenants', name: 'tenants', label: 'navTenants' },
  { path: '/platform', name: 'platform', label: 'navPlatform' },
  { path: '/account', name: 'account', label: 'navAccount' },
] as const;
