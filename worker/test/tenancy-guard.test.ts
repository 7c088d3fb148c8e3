import { describe, expect, it } from 'vitest';
import type { Actor } from '../app-env.ts';
import { actingStaffId, caseVisibleTo, checkDepartment, hallOfActor, scopeOf } from '../tenant-guard.ts';

/** The tenant guard's rules on their own: who reaches which hall, case, department, and who acts. */

const staff = (roles: Actor['roles'], extra: Partial<Actor> = {}): Actor => ({ kind: 'staff', id: 'scjg-wang', tenant: 'xiaoshan', roles, scopes: [], ...extra });
const key: Actor = { kind: 'key', id: 'abcdefghjkmn', tenant: 'xiaoshan', roles: [], scopes: ['hall:run'] };

describe('hallOfActor', () => {
  it('admits the caller’s own tenant’s hall and answers HALL_NOT_FOUND for another’s or an unknown one', () => {
    expect(hallOfActor(key, 'xiaoshan')).toEqual({ ok: true, value: 'xiaoshan' });
    expect(hallOfActor(key, 'binjiang')).toEqual({ ok: false, error: { code: 'HALL_NOT_FOUND', details: { hall: 'binjiang' } } });
    expect(hallOfActor(staff(['front-desk'], { tenant: 'binjiang' }), 'binjiang').ok).toBe(true);
    expect(hallOfActor(key, 'atlantis').ok).toBe(false);
  });
});

describe('caseVisibleTo', () => {
  const filed = { tenantId: 'xiaoshan', submittedByTenantId: 'binjiang' };
  it('shows a case to its owner and, as a party, to the partner that submitted it', () => {
    expect(caseVisibleTo({ tenant: 'xiaoshan', as: 'owner' }, filed)).toBe(true);
    expect(caseVisibleTo({ tenant: 'binjiang', as: 'party' }, filed)).toBe(true);
    expect(caseVisibleTo({ tenant: 'binjiang', as: 'owner' }, filed)).toBe(false);
    expect(caseVisibleTo({ tenant: 'fuyang', as: 'party' }, filed)).toBe(false);
    expect(caseVisibleTo({ tenant: 'binjiang', as: 'party' }, { tenantId: 'xiaoshan', submittedByTenantId: null })).toBe(false);
  });
});

describe('scopeOf and checkDepartment', () => {
  it('bind a back-office member to their department, and nobody else', () => {
    expect(scopeOf(staff(['back-office'], { department: 'scjg' }))).toEqual({ tenant: 'xiaoshan', department: 'scjg' });
    expect(scopeOf(staff(['hall-manager']))).toEqual({ tenant: 'xiaoshan', department: undefined });
    expect(scopeOf(staff(['back-office', 'hall-manager'], { department: 'scjg' })).department).toBeUndefined();
    expect(scopeOf(key).department).toBeUndefined();
    expect(checkDepartment({ tenant: 'xiaoshan', department: 'scjg' }, 'scjg').ok).toBe(true);
    expect(checkDepartment({ tenant: 'xiaoshan', department: undefined }, 'gaj').ok).toBe(true);
    expect(checkDepartment({ tenant: 'xiaoshan', department: 'scjg' }, 'gaj')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'other-department', department: 'gaj', yours: 'scjg' } },
    });
  });

  it('gives a back-office token without a department no department at all, rather than every one', () => {
    const scope = scopeOf(staff(['back-office']));
    expect(checkDepartment(scope, 'scjg').ok).toBe(false);
    expect(checkDepartment(scope, null).ok).toBe(false);
  });
});

describe('actingStaffId', () => {
  it('is the token’s staff id; a body naming someone else is FORBIDDEN, and a key never acts as staff', () => {
    expect(actingStaffId(staff(['back-office']), undefined)).toEqual({ ok: true, value: 'scjg-wang' });
    expect(actingStaffId(staff(['back-office']), 'scjg-wang')).toEqual({ ok: true, value: 'scjg-wang' });
    expect(actingStaffId(staff(['back-office']), 'scjg-li')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'acting-staff-mismatch', expected: 'scjg-wang', given: 'scjg-li' } },
    });
    expect(actingStaffId(key, undefined)).toEqual({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'keys-cannot-act-as-staff' } } });
  });
});
