import { describe, expect, it } from 'vitest';
import { CASE_KINDS } from '../schemas/case.js';
import { canTransition, FINAL_STATUSES, nextStatuses, statusesOf, WORKFLOW } from './workflow.js';

const SERVICE = ['new', 'scheduled', 'in_progress', 'resolved', 'closed'];

describe('case workflow table', () => {
  it.each(['repair', 'installation', 'complaint', 'warranty'] as const)('%s: new → scheduled → in_progress → resolved → closed', (kind) => {
    for (let i = 0; i < SERVICE.length - 1; i++) expect(canTransition(kind, SERVICE[i]!, SERVICE[i + 1]!)).toBe(true);
    expect(canTransition(kind, 'new', 'in_progress')).toBe(true);
    expect(canTransition(kind, 'new', 'resolved')).toBe(false);
    expect(canTransition(kind, 'new', 'closed')).toBe(false);
    expect(canTransition(kind, 'new', 'approved')).toBe(false);
    expect(canTransition(kind, 'resolved', 'in_progress')).toBe(false);
  });

  it.each(['return', 'exchange'] as const)('%s: new → approved | rejected; approved → received → refunded | exchanged → closed', (kind) => {
    expect(nextStatuses(kind, 'new')).toEqual(['approved', 'rejected', 'cancelled']);
    expect(nextStatuses(kind, 'approved')).toEqual(['received', 'cancelled']);
    expect(nextStatuses(kind, 'received')).toEqual(['refunded', 'exchanged', 'cancelled']);
    expect(nextStatuses(kind, 'refunded')).toEqual(['closed']);
    expect(nextStatuses(kind, 'exchanged')).toEqual(['closed']);
    expect(nextStatuses(kind, 'rejected')).toEqual(['closed']);
    expect(canTransition(kind, 'new', 'received')).toBe(false);
    expect(canTransition(kind, 'new', 'scheduled')).toBe(false);
  });

  it('registration: new → approved | rejected → closed', () => {
    expect(nextStatuses('registration', 'new')).toEqual(['approved', 'rejected', 'cancelled']);
    expect(nextStatuses('registration', 'approved')).toEqual(['closed']);
    expect(canTransition('registration', 'new', 'scheduled')).toBe(false);
  });

  it('cancelled only before an outcome; final statuses lead nowhere', () => {
    for (const kind of CASE_KINDS) {
      for (const s of FINAL_STATUSES) expect(nextStatuses(kind, s)).toEqual([]);
      for (const s of ['resolved', 'rejected', 'refunded', 'exchanged']) expect(canTransition(kind, s, 'cancelled')).toBe(false);
      expect(canTransition(kind, 'new', 'cancelled')).toBe(true);
    }
    expect(nextStatuses('repair', 'nonsense')).toEqual([]);
  });

  it('every kind can reach closed from new, and the exported table matches nextStatuses', () => {
    for (const kind of CASE_KINDS) {
      expect(statusesOf(kind)).toContain('closed');
      for (const [from, next] of Object.entries(WORKFLOW[kind])) expect(next).toEqual(nextStatuses(kind, from));
    }
  });
});
