import {
  reviewCase,
  type Applicant,
  type CasePlan,
  type Checklist,
  type Defect,
  type IsoDate,
  type LibraryItem,
  type SubmittedMaterial,
} from '../../core/index.ts';
import type { ApplicantRow } from '../db/schema.ts';

/** The applicant as review takes it, from the stored row (an organisation's representative as its ID number). */
export const applicantFromRow = (row: ApplicantRow): Applicant => {
  const idNumber = row.idNumber ?? row.representativeIdNumber;
  return {
    kind: row.kind,
    name: row.name,
    ...(idNumber === null ? {} : { idNumber }),
    ...(row.creditCode === null ? {} : { creditCode: row.creditCode }),
    ...(row.phone === null ? {} : { phone: row.phone }),
  };
};

/** The ids of a plan's checklist that are not on it (a back office may only send back what the case asked for). */
export const findUnknownMaterials = (plan: CasePlan, materialIds: readonly string[]): string[] => {
  const known = new Set(plan.checklist.items.map((item) => item.material.id));
  return materialIds.filter((id) => !known.has(id));
};

/**
 * The checklist of a back-office correction: the items sent back, each now required (必要) and neither taken from
 * the library nor left to the bundle member producing it, since the reviewer wants that document handed in again
 * (a certificate the bundle has issued meanwhile can be referenced from the library).
 */
export const buildCorrectionChecklist = (plan: CasePlan, materialIds: readonly string[]): Checklist => {
  const wanted = new Set(materialIds);
  const items = plan.checklist.items
    .filter((item) => wanted.has(item.material.id))
    .map(({ reusedFrom: _reused, producedBy: _produced, ...item }) => ({ ...item, necessity: '1' as const }));
  return { items, requestedBeforeDedup: items.length };
};

/**
 * Formal review of what a back office sent back: only material defects count (the applicant and the matters
 * passed review at acceptance). With nothing submitted, every item is `missing`: the notice a request writes.
 */
export const reviewCorrection = (
  checklist: Checklist,
  applicant: Applicant,
  submitted: readonly SubmittedMaterial[],
  library: readonly LibraryItem[],
  today: IsoDate,
): Defect[] => {
  const outcome = reviewCase({
    checklist,
    matterCodes: [],
    acceptedHere: null,
    servedBy: new Map(),
    applicant,
    submitted,
    library,
    today,
  });
  return outcome.status === 'notice' ? outcome.defects.filter((defect) => defect.materialId !== undefined) : [];
};
