/**
 * Catalogs for the search tests: the Xiaoshan catalog, small hand-made ones, and a national-style catalog that
 * repeats every matter in several regions (same names, other codes and departments).
 */
import type { Alias, CatalogDocument, Matter } from '../types.ts';
import { loadXiaoshanCatalog } from '../xiaoshan-catalog.ts';

export { loadXiaoshanCatalog };

/** A catalog of the given names (code `M<i>`), each matter copied from a Xiaoshan one for its other fields. */
export function makeCatalog(
  entries: readonly { readonly name: string; readonly departmentId: string; readonly code?: string }[],
  aliases: readonly Alias[] = [],
): CatalogDocument {
  const base = loadXiaoshanCatalog();
  const template = base.matters[0] as Matter;
  return {
    ...base,
    matters: entries.map((e, i) => ({
      ...template,
      name: e.name,
      departmentId: e.departmentId,
      code: e.code ?? `M${i}`,
    })),
    bundles: [],
    aliases,
  };
}

/** The Xiaoshan catalog repeated `regions` times, region r's codes and department ids suffixed `-r`. */
export function replicateCatalog(catalog: CatalogDocument, regions: number): CatalogDocument {
  const matters: Matter[] = [];
  for (let r = 0; r < regions; r++) {
    for (const m of catalog.matters) {
      matters.push({ ...m, code: `${m.code}-${r}`, departmentId: `${m.departmentId}-${r}` });
    }
  }
  return { ...catalog, id: `${catalog.id}-x${regions}`, matters };
}
