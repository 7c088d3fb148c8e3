import { err, ok, type Principal, type Result } from '../../core/index.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { openDatabase } from '../db/client.ts';
import type { StaffAccountRow } from '../db/schema.ts';
import { insertStaffAccount, listStaffAccounts } from '../db/staff-accounts.ts';
import type { Env } from '../env.ts';
import { hashPassword } from './password-hash.ts';
import type { StaffIdentity } from './staff-token.ts';

/** An account as an administrator sees it: never the password hash. */
export const presentStaffAccount = (row: StaffAccountRow) => ({
  id: row.id,
  tenant: row.tenantId,
  name: row.displayName,
  roles: row.roles,
  department: row.departmentId,
  createdAt: new Date(row.createdAt).toISOString(),
  disabled: row.disabledAt !== null,
});

export type StaffAccountSummary = ReturnType<typeof presentStaffAccount>;

/** A staff member as the token will carry them (but for the tenant, which is the administrator's), and a password. */
export interface NewStaffRequest extends Omit<StaffIdentity, 'tenant'> {
  readonly password: string;
}

/**
 * Opens a staff account in the actor's tenant. The department must be one of the catalog's (every tenant serves
 * the Xiaoshan catalog today), else INVALID_INPUT; a user name taken in any tenant is STAFF_ACCOUNT_EXISTS (names
 * are global: they sign in without naming a tenant).
 */
export const openStaffAccount = async (env: Env, actor: Principal, request: NewStaffRequest, nowMs = Date.now()): Promise<Result<StaffAccountSummary>> => {
  if (request.department && !getCatalogStore().index.departments.has(request.department)) {
    return err('INVALID_INPUT', { issues: [{ location: 'json', path: ['department'], message: `no department ${request.department} in the catalog` }] });
  }
  const row: StaffAccountRow = {
    id: request.id,
    tenantId: actor.tenant,
    displayName: request.name,
    roles: [...request.roles],
    departmentId: request.department ?? null,
    passwordHash: await hashPassword(request.password),
    createdAt: nowMs,
    disabledAt: null,
  };
  const inserted = await insertStaffAccount(openDatabase(env.DB), row);
  return inserted ? ok(presentStaffAccount(row)) : err('STAFF_ACCOUNT_EXISTS', { id: request.id });
};

export const listTenantStaff = async (env: Env, tenant: string): Promise<StaffAccountSummary[]> =>
  (await listStaffAccounts(openDatabase(env.DB), tenant)).map(presentStaffAccount);
