import type { Checklist, ChecklistItem, SubmittedMaterial } from '../../core/index.ts';
import type { NewCaseMaterialRow } from '../db/cases.ts';
import type { CaseMaterialRow } from '../db/schema.ts';
import type { SubmittedMaterialBody } from '../schemas/case.ts';

/** A submitted material as core's review takes it (absent options left out). */
export const toSubmitted = (body: SubmittedMaterialBody): SubmittedMaterial => ({
  materialId: body.materialId,
  form: body.form,
  originals: body.originals,
  copies: body.copies,
  ...(body.validUntil === undefined ? {} : { validUntil: body.validUntil }),
  ...(body.readable === undefined ? {} : { readable: body.readable }),
  ...(body.reference === undefined ? {} : { reference: body.reference }),
});

/** A received row back as a submission, so a correction is reviewed with what came before it. */
export const fromReceivedRow = (row: CaseMaterialRow): SubmittedMaterial => ({
  materialId: row.materialId,
  form: row.form ?? 'paper',
  originals: row.originals,
  copies: row.copies,
  ...(row.validUntil === null ? {} : { validUntil: row.validUntil }),
  ...(row.libraryItemId !== null
    ? { reference: { libraryItemId: row.libraryItemId } }
    : row.certificateId !== null
      ? { reference: { certificateId: row.certificateId } }
      : {}),
});

/**
 * Earlier submissions overridden by later ones of the same material: what a correction is reviewed against.
 * A material the front desk marked unreadable before is replaced by the new one like any other.
 */
export const mergeSubmissions = (
  earlier: readonly SubmittedMaterial[],
  later: readonly SubmittedMaterial[],
): SubmittedMaterial[] => {
  const byMaterial = new Map<string, SubmittedMaterial>();
  for (const material of earlier) byMaterial.set(material.materialId, material);
  const replaced = new Set<string>();
  for (const material of later) {
    // Review counts the first submission of a material: so does the merge.
    if (replaced.has(material.materialId)) continue;
    replaced.add(material.materialId);
    byMaterial.set(material.materialId, material);
  }
  return [...byMaterial.values()];
};

/**
 * What a case records of its checklist: reused from the library, produced inside the bundle (an earlier member
 * issues it, whatever the applicant handed in), received (the first submission of each material on the
 * checklist), or pending (容缺后补, to follow). Submissions of materials not on the checklist are not recorded;
 * materials neither given nor pending (非必要, or missing and in the notice) have no row.
 */
export const recordMaterials = (
  caseNumber: string,
  checklist: Checklist,
  submitted: readonly SubmittedMaterial[],
  pending: readonly ChecklistItem[],
  at: number,
): NewCaseMaterialRow[] => {
  const first = new Map<string, SubmittedMaterial>();
  for (const material of submitted) if (!first.has(material.materialId)) first.set(material.materialId, material);
  const pendingIds = new Set(pending.map((item) => item.material.id));
  const rows: NewCaseMaterialRow[] = [];
  for (const item of checklist.items) {
    const base = { caseNumber, materialId: item.material.id, name: item.material.name, updatedAt: at };
    const given = first.get(item.material.id);
    if (item.reusedFrom !== undefined) {
      rows.push({
        ...base,
        status: 'reused',
        form: 'electronic',
        validUntil: item.reusedFrom.validUntil ?? null,
        libraryItemId: item.reusedFrom.id,
        certificateId: item.reusedFrom.certificateId ?? null,
      });
    } else if (item.producedBy !== undefined) {
      // The certificate does not exist yet: the case view links it once the producing task's approval issues it.
      rows.push({ ...base, status: 'produced' });
    } else if (given !== undefined && !pendingIds.has(item.material.id)) {
      const reference = given.reference;
      rows.push({
        ...base,
        status: 'received',
        form: given.form,
        originals: given.originals,
        copies: given.copies,
        validUntil: given.validUntil ?? null,
        libraryItemId: reference && 'libraryItemId' in reference ? reference.libraryItemId : null,
        certificateId: reference && 'certificateId' in reference ? reference.certificateId : null,
      });
    } else if (pendingIds.has(item.material.id)) {
      rows.push({ ...base, status: 'pending' });
    }
  }
  return rows;
};
