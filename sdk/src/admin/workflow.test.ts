import { describe, expect, it } from 'vitest';
import { CASE_KINDS } from '../schemas/case.js';
import { canTransition, FINAL_STATUSES, nextStatuses, nextStatusesFor, statusesOf, WORKFLOW } from './workflow.js';
import { PARTNER_TYPES } from './roles.js';

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

describe('partner tables (issue 9 item 8)', () => {
  const ALL = ['owner', 'staff'] as const;
  it('staff roles keep the kind’s whole table', () => {
    for (const kind of CASE_KINDS) for (const from of statusesOf(kind)) for (const role of ALL) expect(nextStatusesFor(kind, from, { role, partnerType: null })).toEqual(nextStatuses(kind, from));
  });

  it('a partner never rejects, cancels, closes, decides an outcome or goes back; never more than the kind allows', () => {
    for (const partnerType of PARTNER_TYPES) {
      for (const kind of CASE_KINDS) {
        const order = statusesOf(kind);
        for (const from of order) {
          const next = nextStatusesFor(kind, from, { role: 'partner', partnerType });
          for (const to of next) {
            expect(nextStatuses(kind, from)).toContain(to);
            expect(['rejected', 'cancelled', 'closed', 'approved', 'refunded', 'exchanged', 'scheduled', 'new']).not.toContain(to);
            expect(order.indexOf(to)).toBeGreaterThan(order.indexOf(from));
          }
        }
      }
    }
  });

  it('carrier: approved → received on returns and exchanges only; technician and repair centre: scheduled → in_progress → resolved', () => {
    const carrier = { role: 'partner', partnerType: 'carrier' } as const;
    expect(nextStatusesFor('return', 'approved', carrier)).toEqual(['received']);
    expect(nextStatusesFor('exchange', 'approved', carrier)).toEqual(['received']);
    expect(nextStatusesFor('return', 'new', carrier)).toEqual([]);
    expect(nextStatusesFor('repair', 'scheduled', carrier)).toEqual([]);
    for (const partnerType of ['technician', 'repair_centre'] as const) {
      const who = { role: 'partner', partnerType } as const;
      expect(nextStatusesFor('repair', 'new', who)).toEqual([]);
      expect(nextStatusesFor('repair', 'scheduled', who)).toEqual(['in_progress']);
      expect(nextStatusesFor('repair', 'in_progress', who)).toEqual(['resolved']);
      expect(nextStatusesFor('repair', 'resolved', who)).toEqual([]);
      expect(nextStatusesFor('return', 'approved', who)).toEqual([]);
    }
    expect(nextStatusesFor('installation', 'scheduled', { role: 'partner', partnerType: 'technician' })).toEqual(['in_progress']);
    expect(nextStatusesFor('installation', 'scheduled', { role: 'partner', partnerType: 'repair_centre' })).toEqual([]);
    expect(nextStatusesFor('repair', 'scheduled', { role: 'partner', partnerType: null })).toEqual([]);
  });
});
