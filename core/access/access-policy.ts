import type { Role, Scope } from './roles.ts';

/**
 * A checked caller: a signed-in staff member (`staff`, with roles) or a partner system's API key (`key`, with
 * scopes). Always of exactly one tenant; a tenant never sees another's cases, halls or keys.
 */
export interface Principal {
  readonly kind: 'staff' | 'key';
  /** The staff account id (also the reviewer / acting staff id on records) or the API key id. */
  readonly id: string;
  readonly tenant: string;
  /** Staff roles; empty for a key. */
  readonly roles: readonly Role[];
  /** Key scopes; empty for staff. */
  readonly scopes: readonly Scope[];
  /** A back-office member's department (catalog department id); undefined otherwise. */
  readonly department?: string;
  /** Display name for staff (shown on records); the key's label for a key. */
  readonly name?: string;
}

/**
 * Who may call a route: anyone (`'public'`), or a staff member holding one of `roles`, or a key holding one of
 * `scopes`. Every route declares it; the OpenAPI document carries it as `x-access`.
 */
export type Access = 'public' | { readonly roles: readonly Role[]; readonly scopes: readonly Scope[] };

/** Whether the principal may call a route with this access (tenant and department checks come after, per resource). */
export const mayCall = (access: Access, principal: Principal | undefined): boolean => {
  if (access === 'public') return true;
  if (!principal) return false;
  return principal.kind === 'staff'
    ? principal.roles.some((role) => access.roles.includes(role))
    : principal.scopes.some((scope) => access.scopes.includes(scope));
};
