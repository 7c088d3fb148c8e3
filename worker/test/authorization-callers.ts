import { ROLES, SCOPES, type Access, type Role, type Scope } from '../../core/index.ts';
import { findTenant, listTenantIds } from '../tenants/tenant-registry.ts';
import { createApiKey, staffHeaders } from './credentials.ts';

/**
 * Every kind of caller the API knows, for the authorization matrix and the fuzzer: nobody, a staff member of
 * each role in each tenant, an API key of each scope in each tenant. Single-role staff and single-scope keys, so
 * a wrongly allowed call points at exactly one role or scope.
 */
export interface Caller {
  /** `anonymous`, `staff:front-desk@xiaoshan`, `key:hall:run@binjiang`. */
  readonly label: string;
  readonly kind: 'anonymous' | 'staff' | 'key';
  readonly tenant?: string;
  readonly role?: Role;
  readonly scope?: Scope;
  readonly headers: Readonly<Record<string, string>>;
}

/** Generous: the matrix sends every operation with every key in a few seconds; rate limiting has its own tests. */
const MATRIX_RATE_LIMIT = 100_000;

export const ANONYMOUS: Caller = { label: 'anonymous', kind: 'anonymous', headers: {} };

/** Mints the tokens and inserts the keys (into the test D1 of the calling file). */
export const buildCallers = async (): Promise<Caller[]> => {
  const callers: Caller[] = [ANONYMOUS];
  for (const tenant of listTenantIds()) {
    for (const role of ROLES) {
      callers.push({ label: `staff:${role}@${tenant}`, kind: 'staff', tenant, role, headers: await staffHeaders({ role, tenant }) });
    }
    for (const scope of SCOPES) {
      const key = await createApiKey({ tenant, scopes: [scope], rateLimitPerMinute: MATRIX_RATE_LIMIT, label: `matrix ${scope}` });
      callers.push({ label: `key:${scope}@${tenant}`, kind: 'key', tenant, scope, headers: key.headers });
    }
  }
  return callers;
};

export type Verdict = 'allow' | 'unauthenticated' | 'forbidden';

/**
 * What the access rules promise this caller, written out rather than taken from core's mayCall: the matrix
 * checks the route's enforcement against its published `x-access`, and the policy function is part of what it tests.
 */
export const expectedVerdict = (access: Access, caller: Caller): Verdict => {
  if (access === 'public') return 'allow';
  if (caller.kind === 'anonymous') return 'unauthenticated';
  if (caller.kind === 'staff') return access.roles.includes(caller.role!) ? 'allow' : 'forbidden';
  return access.scopes.includes(caller.scope!) ? 'allow' : 'forbidden';
};

/** Whether a published `x-access` has the contract's shape: `'public'` or `{ roles, scopes }` of known names. */
export const isAccess = (value: unknown): value is Access => {
  if (value === 'public') return true;
  if (typeof value !== 'object' || value === null) return false;
  const { roles, scopes } = value as { roles?: unknown; scopes?: unknown };
  return (
    Array.isArray(roles) &&
    Array.isArray(scopes) &&
    roles.every((role) => (ROLES as readonly unknown[]).includes(role)) &&
    scopes.every((scope) => (SCOPES as readonly unknown[]).includes(scope))
  );
};

/** The hall a caller's requests name: its tenant's first hall; Xiaoshan's for an anonymous caller. */
export const hallOf = (caller: Caller): string => {
  const tenant = findTenant(caller.tenant ?? 'xiaoshan');
  if (!tenant.ok) throw new Error(`no tenant ${caller.tenant}`);
  return tenant.value.halls[0]!;
};
