import type { Material, Matter } from '../../core/index.ts';
import { getCatalogStore } from '../catalog-store.ts';

/**
 * 证照 → 材料库: which catalog material a matter's result is, when the result is a certificate (审批结果类型 10)
 * that other matters ask for as a government-issued material (来源渠道 20), e.g. 营业执照 → business-licence.
 * Matched by name over the catalog once per isolate. Issue 5 issues the real electronic certificates; until
 * then an approval adds a library item with a provisional certificate id.
 */
let byResultName: ReadonlyMap<string, Material> | undefined;

const indexIssuedMaterials = (): ReadonlyMap<string, Material> => {
  const map = new Map<string, Material>();
  for (const matter of getCatalogStore().catalog.matters) {
    for (const material of matter.materials) {
      if (material.source === '20' && !map.has(material.name)) map.set(material.name, material);
    }
  }
  return map;
};

/** The material an approval of `matter` puts in the applicant's library, if its result is such a certificate. */
export const findIssuedMaterial = (matter: Matter): Material | undefined => {
  if (matter.result.type !== '10') return undefined;
  byResultName ??= indexIssuedMaterials();
  return byResultName.get(matter.result.name);
};

/** A placeholder certificate id, recognisable as such, until issue 5 issues GB/T 36904 identifiers. */
export const mintProvisionalCertificateId = (caseNumber: string, taskKey: string): string =>
  `provisional:${caseNumber}:${taskKey}`;
