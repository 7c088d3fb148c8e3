import { checkCreditCode, checkResidentIdNumber, type Applicant, type IsoDate, type LibraryItem } from '../../core/index.ts';
import { findApplicantByIdentity, insertApplicant, readLibrary, refreshApplicant } from '../db/applicants.ts';
import type { Statement } from '../db/cases.ts';
import type { Database } from '../db/client.ts';
import type { ApplicantMaterialRow, ApplicantRow } from '../db/schema.ts';
import type { ApplicantBody } from '../schemas/case.ts';

/** The applicant as core's review takes it: blanks trimmed by the schema, absent fields left out. */
export const toApplicant = (body: ApplicantBody): Applicant => ({
  kind: body.kind,
  name: body.name,
  ...(body.idNumber === undefined ? {} : { idNumber: body.idNumber }),
  ...(body.creditCode === undefined ? {} : { creditCode: body.creditCode }),
  ...(body.phone === undefined ? {} : { phone: body.phone }),
});

/** A library row as core's LibraryItem. */
export const toLibraryItem = (row: ApplicantMaterialRow): LibraryItem => ({
  id: row.id,
  materialId: row.materialId,
  name: row.name,
  ...(row.certificateId === null ? {} : { certificateId: row.certificateId }),
  ...(row.validUntil === null ? {} : { validUntil: row.validUntil }),
});

/** Who the case belongs to, the statements that record them, and their library (empty for a new applicant). */
export interface ResolvedApplicant {
  readonly id: string;
  readonly statements: Statement[];
  readonly library: readonly LibraryItem[];
}

/**
 * The applicant's identity: a person's valid resident ID, an organisation's valid credit code (normalised).
 * An invalid or missing number identifies no one: the case gets an applicant of its own (formal review reports
 * the number in the notice), so no garbage takes an identity slot.
 */
const identityOf = (applicant: Applicant, today: IsoDate): { idNumber: string } | { creditCode: string } | null => {
  if (applicant.kind === 'person') {
    const id = applicant.idNumber === undefined ? null : checkResidentIdNumber(applicant.idNumber, today);
    return id?.ok ? { idNumber: id.value.value } : null;
  }
  const code = applicant.creditCode === undefined ? null : checkCreditCode(applicant.creditCode);
  return code?.ok ? { creditCode: code.value.value } : null;
};

/**
 * Finds the applicant by identity within `tenant` (refreshing name, phone and representative to the latest given)
 * or prepares a new one. The tenant is the case's owner: a 跨区域通办 case joins the owner's library of the
 * applicant, whose departments hold the certificates. The insert is plain: a concurrent intake creating the same
 * identity fails its batch on the unique index and retries, then finds this one.
 */
export const resolveApplicant = async (
  db: Database,
  tenant: string,
  applicant: Applicant,
  today: IsoDate,
  now: number,
): Promise<ResolvedApplicant> => {
  const identity = identityOf(applicant, today);
  const representative = applicant.kind === 'organisation' && applicant.idNumber !== undefined ? applicant.idNumber : null;
  const details = { name: applicant.name, phone: applicant.phone ?? null, representativeIdNumber: representative };
  const existing: ApplicantRow | undefined = identity === null ? undefined : await findApplicantByIdentity(db, tenant, identity);
  if (existing) {
    const library = (await readLibrary(db, existing.id)).map(toLibraryItem);
    return { id: existing.id, statements: [refreshApplicant(db, existing.id, details, now)], library };
  }
  const id = crypto.randomUUID();
  const row = {
    id,
    tenantId: tenant,
    kind: applicant.kind,
    ...details,
    idNumber: identity !== null && 'idNumber' in identity ? identity.idNumber : null,
    creditCode: identity !== null && 'creditCode' in identity ? identity.creditCode : null,
    createdAt: now,
    updatedAt: now,
  };
  return { id, statements: [insertApplicant(db, row)], library: [] };
};
