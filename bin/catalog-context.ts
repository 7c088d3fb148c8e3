import { buildSearchIndex, indexCatalog, loadXiaoshanCatalog, type CatalogIndex, type SearchIndex } from '../core/index.ts';

let context: { index: CatalogIndex; search: SearchIndex } | undefined;

/** The Xiaoshan catalog with its indexes, built once per process. */
export const getCatalogContext = (): { index: CatalogIndex; search: SearchIndex } => {
  if (!context) {
    const catalog = loadXiaoshanCatalog();
    context = { index: indexCatalog(catalog), search: buildSearchIndex(catalog) };
  }
  return context;
};
