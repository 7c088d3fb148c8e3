import type { Bundle, Matter } from '../../core/index.ts';
import type { CatalogStore } from '../catalog-store.ts';
import { presentDepartmentRef, presentMatterRef } from './department-ref.ts';

/**
 * A bundle with each member's alternatives resolved to matters, and the departments it involves.
 * Member codes the catalog lacks are left out (the catalog validator reports them; a reply never invents them).
 */
export const presentBundle = (store: CatalogStore, bundle: Bundle) => {
  const resolve = (codes: readonly string[]): Matter[] =>
    codes.flatMap((code) => {
      const matter = store.index.byCode.get(code);
      return matter ? [matter] : [];
    });
  const members = bundle.members.map((member) => ({
    key: member.key,
    optional: member.optional ?? false,
    matters: resolve(member.matterCodes).map((matter) => presentMatterRef(store, matter)),
  }));
  const departmentIds = [...new Set(members.flatMap((member) => member.matters.map((m) => m.department.id)))];
  return {
    id: bundle.id,
    name: bundle.name,
    description: bundle.description,
    ...(bundle.promisedLimit ? { promisedLimit: bundle.promisedLimit } : {}),
    members,
    dependencies: bundle.dependencies.map(({ from, to }) => ({ from, to })),
    jointInspections: bundle.jointInspections.map(({ name, members: keys }) => ({ name, members: [...keys] })),
    departments: departmentIds.map((id) => presentDepartmentRef(store, id)),
  };
};
