import type { CasePlan } from '../../core/index.ts';
import { readLibrary } from '../db/applicants.ts';
import type { Database } from '../db/client.ts';
import type { CaseReply } from '../schemas/case-replies.ts';

type MaterialReply = CaseReply['materials'][number];

/**
 * 证照 produced inside the bundle, as the case view shows them: `producedBy` names the task whose result the
 * material is (the stored plan's checklist says which); once that task is approved, the certificate its approval
 * put in the applicant's library (证照入库, decide-task) fills libraryItemId, certificateId and validUntil, so the
 * back offices of the dependent tasks see the issued document. Linked on read: the approval writes only the
 * library item. The library is read only when the case has a produced material.
 */
export const linkProducedMaterials = async (
  db: Database,
  caseNumber: string,
  applicantId: string,
  plan: CasePlan,
  materials: readonly MaterialReply[],
): Promise<MaterialReply[]> => {
  if (!materials.some((m) => m.status === 'produced')) return [...materials];
  const producedBy = new Map<string, string>();
  for (const item of plan.checklist.items) if (item.producedBy !== undefined) producedBy.set(item.material.id, item.producedBy);
  // Oldest first: the latest certificate this case issued of a kind is the one linked.
  const issued = (await readLibrary(db, applicantId)).filter((item) => item.sourceCaseNumber === caseNumber);
  return materials.map((material) => {
    if (material.status !== 'produced') return material;
    const key = producedBy.get(material.materialId);
    const item = issued.findLast((entry) => entry.materialId === material.materialId);
    return {
      ...material,
      ...(key === undefined ? {} : { producedBy: key }),
      ...(item === undefined
        ? {}
        : { form: 'electronic' as const, libraryItemId: item.id, certificateId: item.certificateId, validUntil: item.validUntil }),
    };
  });
};
