import { asc, eq } from 'drizzle-orm';
import type { Database } from './client.ts';
import { staffAccounts, type StaffAccountRow } from './schema.ts';

/** Repository functions for staff accounts (工作人员账号). Rows hold a PBKDF2 hash, never a password. */

export type NewStaffAccountRow = typeof staffAccounts.$inferInsert;

export const readStaffAccount = (db: Database, id: string): Promise<StaffAccountRow | undefined> =>
  db.select().from(staffAccounts).where(eq(staffAccounts.id, id)).get();

/** Inserts the account unless the id is taken (ids are unique across tenants). Whether it was inserted. */
export const insertStaffAccount = async (db: Database, row: NewStaffAccountRow): Promise<boolean> => {
  const inserted = await db.insert(staffAccounts).values(row).onConflictDoNothing().returning({ id: staffAccounts.id });
  return inserted.length === 1;
};

export const listStaffAccounts = (db: Database, tenantId: string): Promise<StaffAccountRow[]> =>
  db.select().from(staffAccounts).where(eq(staffAccounts.tenantId, tenantId)).orderBy(asc(staffAccounts.id)).all();
