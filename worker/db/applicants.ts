import { and, asc, eq } from 'drizzle-orm';
import type { Database } from './client.ts';
import type { Statement } from './cases.ts';
import { applicantMaterials, applicants, type ApplicantMaterialRow, type ApplicantRow } from './schema.ts';

/** Repository functions for applicants (申请人) and their material library (申请人材料库). */

export type NewApplicantRow = typeof applicants.$inferInsert;
export type NewApplicantMaterialRow = typeof applicantMaterials.$inferInsert;

/** The applicant query, for a batch with a case's other reads (one D1 round trip instead of several). */
export const selectApplicant = (db: Database, id: string) => db.select().from(applicants).where(eq(applicants.id, id));

export const readApplicant = (db: Database, id: string): Promise<ApplicantRow | undefined> => selectApplicant(db, id).get();

/** A person by resident ID number, an organisation by credit code (both already normalised). */
export const findApplicantByIdentity = (
  db: Database,
  tenantId: string,
  identity: { readonly idNumber: string } | { readonly creditCode: string },
): Promise<ApplicantRow | undefined> =>
  db
    .select()
    .from(applicants)
    .where(
      and(
        eq(applicants.tenantId, tenantId),
        'idNumber' in identity ? eq(applicants.idNumber, identity.idNumber) : eq(applicants.creditCode, identity.creditCode),
      ),
    )
    .get();

/** Plain insert: a concurrent intake registering the same identity hits the unique index and retries. */
export const insertApplicant = (db: Database, row: NewApplicantRow): Statement => db.insert(applicants).values(row);

/** The latest name, phone and representative given for a known identity. */
export const refreshApplicant = (
  db: Database,
  id: string,
  change: Pick<NewApplicantRow, 'name' | 'phone' | 'representativeIdNumber'>,
  at: number,
): Statement => db.update(applicants).set({ ...change, updatedAt: at }).where(eq(applicants.id, id));

export const readLibrary = (db: Database, applicantId: string): Promise<ApplicantMaterialRow[]> =>
  db
    .select()
    .from(applicantMaterials)
    .where(eq(applicantMaterials.applicantId, applicantId))
    .orderBy(asc(applicantMaterials.createdAt), asc(applicantMaterials.id))
    .all();

export const insertLibraryItem = (db: Database, row: NewApplicantMaterialRow): Statement =>
  db.insert(applicantMaterials).values(row);
