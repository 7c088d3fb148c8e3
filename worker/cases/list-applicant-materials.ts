import { err, localDateOf, maskName, ok, type Result } from '../../core/index.ts';
import { readApplicant, readLibrary } from '../db/applicants.ts';
import type { Database } from '../db/client.ts';
import type { ApplicantLibraryReply } from '../schemas/case-track-replies.ts';
import { presentLibraryItem } from './present-case.ts';

/**
 * 申请人材料库: what an applicant need not hand in again, oldest first. APPLICANT_NOT_FOUND if unknown or of
 * another tenant (applicants are registered per tenant).
 */
export const listApplicantMaterials = async (db: Database, applicantId: string, tenant: string, now: number): Promise<Result<ApplicantLibraryReply>> => {
  const applicant = await readApplicant(db, applicantId);
  if (applicant === undefined || applicant.tenantId !== tenant) return err('APPLICANT_NOT_FOUND', { id: applicantId });
  const today = localDateOf(now);
  const items = await readLibrary(db, applicantId);
  return ok({
    applicant: { id: applicant.id, kind: applicant.kind, name: maskName(applicant.name) },
    items: items.map((item) => presentLibraryItem(item, today)),
  });
};
