import type { Context } from 'hono';
import { err, ok, type Result } from '../core/index.ts';
import type { Actor, AppEnv } from './app-env.ts';
import { findHallTenant } from './tenants/tenant-registry.ts';

/**
 * Tenant isolation after enforceAccess: a route's role or scope says who may call it, these checks say on which
 * resources. A resource of another tenant answers its *_NOT_FOUND (never 403: ids must not be probed across
 * tenants); another department of the caller's own tenant answers 403 FORBIDDEN (the caller knows the department
 * exists, and is told why). Pure functions of the actor and the row, so operations stay testable.
 */

/** The checked caller of a non-public route: enforceAccess answered 401 before the handler if there was none. */
export const actorOf = (c: Context<AppEnv>): Actor => {
  const actor = c.get('actor');
  if (!actor) throw new Error('a staff route ran without an actor: enforceAccess must come first');
  return actor;
};

/**
 * What a caller may reach: its tenant, and for a back-office member only, its department (undefined: every
 * department of the tenant — hall managers, administrators, keys).
 */
export interface TenantScope {
  readonly tenant: string;
  readonly department: string | undefined;
}

/**
 * A back-office member acts for one department; a member who also holds a hall-wide role (hall manager,
 * administrator) does not. A back-office token without a department reaches no department at all (the empty id
 * matches none), rather than every one.
 */
export const scopeOf = (actor: Actor): TenantScope => {
  const departmentBound = actor.kind === 'staff' && actor.roles.includes('back-office') && !actor.roles.some((r) => r === 'hall-manager' || r === 'admin');
  return { tenant: actor.tenant, department: departmentBound ? (actor.department ?? '') : undefined };
};

/** The `{hall}` of a staff route: one of the caller's tenant's halls, else HALL_NOT_FOUND (as for an unknown hall). */
export const hallOfActor = (actor: Actor, hall: string): Result<string> => {
  const tenant = findHallTenant(hall);
  if (!tenant.ok || tenant.value.id !== actor.tenant) return err('HALL_NOT_FOUND', { hall });
  return ok(hall);
};

/** The tenant columns of a case row. */
export interface CaseTenancy {
  readonly tenantId: string;
  readonly submittedByTenantId: string | null;
}

/**
 * Which tenants see a case: `owner` — only the tenant whose departments handle it (tasks, claims, decisions,
 * certificates); `party` — the owner and, for 跨区域通办, the partner that submitted it (read, corrections,
 * delivery, audit: both track it).
 */
export interface CaseScope {
  readonly tenant: string;
  readonly as: 'owner' | 'party';
}

export const caseVisibleTo = (scope: CaseScope, row: CaseTenancy): boolean =>
  row.tenantId === scope.tenant || (scope.as === 'party' && row.submittedByTenantId === scope.tenant);

/** A back-office member of another department: 403 with both ids (same tenant, so nothing is disclosed). */
export const checkDepartment = (scope: TenantScope, department: string | null): Result<true> =>
  scope.department === undefined || scope.department === department
    ? ok(true)
    : err('FORBIDDEN', { reason: 'other-department', department, yours: scope.department || null });

/**
 * The acting staff member of a step (reviewer, officer, `by`): the token's staff id. A body that names someone
 * else is refused rather than silently overridden (a client bug or an impersonation attempt should be seen);
 * a key acts for a system, never as a person who signs a decision.
 */
export const actingStaffId = (actor: Actor, given: string | undefined): Result<string> => {
  if (actor.kind !== 'staff') return err('FORBIDDEN', { reason: 'keys-cannot-act-as-staff' });
  if (given !== undefined && given !== actor.id) return err('FORBIDDEN', { reason: 'acting-staff-mismatch', expected: actor.id, given });
  return ok(actor.id);
};
