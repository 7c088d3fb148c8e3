import type { SearchHit } from '../../core/index.ts';
import type { CatalogStore } from '../catalog-store.ts';
import { presentDepartmentRef } from './department-ref.ts';

/** One search hit as the API shows it: the department resolved to id and name. */
export const presentSearchHit = (store: CatalogStore, hit: SearchHit) => ({
  code: hit.code,
  name: hit.name,
  department: presentDepartmentRef(store, hit.departmentId),
  score: hit.score,
  matched: { ...hit.matched },
});

/** The search reply: `total` counts every hit the search returned, `results` keeps the first `limit`. */
export const presentSearchReply = (store: CatalogStore, query: string, hits: readonly SearchHit[], limit: number) => ({
  query,
  total: hits.length,
  results: hits.slice(0, limit).map((hit) => presentSearchHit(store, hit)),
});
