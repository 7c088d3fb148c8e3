import type { CatalogStore } from '../catalog-store.ts';

/** The departments in catalog order, each with how many matters it implements. */
export const presentDepartmentList = (store: CatalogStore) => {
  const results = store.catalog.departments.map((department) => ({
    ...department,
    matterCount: store.matterCounts.get(department.id) ?? 0,
  }));
  return { total: results.length, results };
};

/** The bundles in catalog order, summarised; `GET /v1/bundles/{id}` gives the members. */
export const presentBundleList = (store: CatalogStore) => {
  const results = store.catalog.bundles.map((bundle) => ({
    id: bundle.id,
    name: bundle.name,
    description: bundle.description,
    ...(bundle.promisedLimit ? { promisedLimit: bundle.promisedLimit } : {}),
    memberCount: bundle.members.length,
  }));
  return { total: results.length, results };
};
