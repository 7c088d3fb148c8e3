import { err, ok, type Principal, type Result, type Role } from '../../core/index.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { openDatabase } from '../db/client.ts';
import type { StaffAccountRow } from '../db/schema.ts';
import { insertStaffAccount, listStaffAccounts } from '../db/staff-accounts.ts';
import type { Env } from '../env.ts';
import { hashPassword } from './password-hash.ts';

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

export interface NewStaffRequest {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly department?: string | undefined;
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
