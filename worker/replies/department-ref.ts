import type { Matter } from '../../core/index.ts';
import type { CatalogStore } from '../catalog-store.ts';

/** A department as id and short name; an id the catalog lacks (a validator failure) still shows its id. */
export const presentDepartmentRef = (store: CatalogStore, id: string) => ({
  id,
  name: store.index.departments.get(id)?.name ?? id,
});

/** A matter as code, name and department: how bundles and lists refer to matters. */
export const presentMatterRef = (store: CatalogStore, matter: Matter) => ({
  code: matter.code,
  name: matter.name,
  department: presentDepartmentRef(store, matter.departmentId),
});
