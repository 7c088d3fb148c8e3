import {
  CASE_KIND_LABELS,
  formatTimeLimit,
  formatVisits,
  MATERIAL_FORM_LABELS,
  MATERIAL_NECESSITY_LABELS,
  MATERIAL_SOURCE_LABELS,
  MATERIAL_TYPE_LABELS,
  MATTER_TYPE_LABELS,
  ONLINE_DEPTH_LABELS,
  RESULT_TYPE_LABELS,
  SERVICE_OBJECT_LABELS,
  type Material,
  type Matter,
} from '../../core/index.ts';
import type { CatalogStore } from '../catalog-store.ts';

const labelMaterial = (material: Material) => ({
  ...material,
  labels: {
    type: MATERIAL_TYPE_LABELS[material.type],
    source: MATERIAL_SOURCE_LABELS[material.source],
    necessity: MATERIAL_NECESSITY_LABELS[material.necessity],
    form: MATERIAL_FORM_LABELS[material.form],
  },
});

/**
 * A matter's full guide (办事指南) as the API shows it: the catalog's fields with national codes, the department
 * in full, Chinese labels for every coded field, other matters sharing the 基本编码, and the bundles it joins.
 */
export const presentMatterGuide = (store: CatalogStore, matter: Matter) => {
  const { departmentId, materials, ...fields } = matter;
  const department = store.index.departments.get(departmentId);
  return {
    ...fields,
    // Fresh arrays: the catalog's are readonly and shared by every request.
    serviceObjects: [...matter.serviceObjects],
    acceptanceConditions: [...matter.acceptanceConditions],
    processSteps: matter.processSteps.map((step) => ({ ...step })),
    legalBasis: [...matter.legalBasis],
    reviewPoints: [...matter.reviewPoints],
    // A department the catalog lacks is a validator failure; the guide still names the id it has.
    department: department ?? { id: departmentId, name: departmentId, fullName: '', creditCode: '', phone: '' },
    materials: materials.map(labelMaterial),
    labels: {
      type: MATTER_TYPE_LABELS[matter.type],
      serviceObjects: matter.serviceObjects.map((object) => SERVICE_OBJECT_LABELS[object]),
      caseKind: CASE_KIND_LABELS[matter.caseKind],
      legalLimit: formatTimeLimit(matter.legalLimit, { withNote: true }),
      promisedLimit: formatTimeLimit(matter.promisedLimit, { withNote: true }),
      visits: formatVisits(matter.visits),
      onlineDepth: ONLINE_DEPTH_LABELS[matter.onlineDepth],
      fee: matter.fee.charged ? '收费' : '不收费',
      resultType: RESULT_TYPE_LABELS[matter.result.type],
    },
    variants: (store.index.byBasicCode.get(matter.basicCode) ?? [])
      .filter((sibling) => sibling.code !== matter.code)
      .map((sibling) => ({ code: sibling.code, name: sibling.name })),
    bundles: (store.bundlesByMatter.get(matter.code) ?? []).map((bundle) => ({ id: bundle.id, name: bundle.name })),
  };
};
