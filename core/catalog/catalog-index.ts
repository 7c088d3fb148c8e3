import { err, ok, type Result } from '../result.ts';
import type { Bundle, CatalogDocument, Department, Matter } from './types.ts';

/**
 * Constant-time lookups over one catalog, built once. Matters are found by 实施编码 or by 基本编码;
 * a basic code shared by several matters (新办/变更/延续 variants) resolves to the first in catalog order,
 * and `mattersByBasicCode` lists them all.
 */
export interface CatalogIndex {
  readonly catalog: CatalogDocument;
  readonly byCode: ReadonlyMap<string, Matter>;
  readonly byBasicCode: ReadonlyMap<string, readonly Matter[]>;
  readonly byName: ReadonlyMap<string, Matter>;
  readonly departments: ReadonlyMap<string, Department>;
  readonly bundles: ReadonlyMap<string, Bundle>;
}

export const indexCatalog = (catalog: CatalogDocument): CatalogIndex => {
  const byCode = new Map<string, Matter>();
  const byBasicCode = new Map<string, Matter[]>();
  const byName = new Map<string, Matter>();
  for (const matter of catalog.matters) {
    byCode.set(matter.code, matter);
    byName.set(matter.name, matter);
    const siblings = byBasicCode.get(matter.basicCode);
    if (siblings) siblings.push(matter);
    else byBasicCode.set(matter.basicCode, [matter]);
  }
  return {
    catalog,
    byCode,
    byBasicCode,
    byName,
    departments: new Map(catalog.departments.map((d) => [d.id, d])),
    bundles: new Map(catalog.bundles.map((b) => [b.id, b])),
  };
};

/** Codes arrive typed by people and partner systems: trim and upper-case before looking up. */
const normalizeCode = (code: string): string => code.trim().toUpperCase();

/** A matter by 实施编码 first, then 基本编码. */
export const findMatter = (index: CatalogIndex, code: string): Result<Matter> => {
  // Exact keys first: the common case (codes copied from our own replies) skips building a normalised string.
  const matter = lookupMatter(index, code) ?? lookupMatter(index, normalizeCode(code));
  return matter ? ok(matter) : err('MATTER_NOT_FOUND', { code });
};

const lookupMatter = (index: CatalogIndex, key: string): Matter | undefined =>
  index.byCode.get(key) ?? index.byBasicCode.get(key)?.[0];

export const mattersByBasicCode = (index: CatalogIndex, basicCode: string): readonly Matter[] =>
  index.byBasicCode.get(normalizeCode(basicCode)) ?? [];

export const findDepartment = (index: CatalogIndex, id: string): Result<Department> => {
  const department = index.departments.get(id.trim());
  return department ? ok(department) : err('DEPARTMENT_NOT_FOUND', { id });
};

export const findBundle = (index: CatalogIndex, id: string): Result<Bundle> => {
  const bundle = index.bundles.get(id.trim());
  return bundle ? ok(bundle) : err('BUNDLE_NOT_FOUND', { id });
};
