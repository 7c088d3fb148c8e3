import {
  indexCatalog,
  loadXiaoshanCatalog,
  obtainSearchIndex,
  type Bundle,
  type CatalogDocument,
  type CatalogIndex,
} from '../core/index.ts';

/** Bump when a catalog reply changes shape, so caches holding the old shape under the same catalog version miss. */
const REPLY_REVISION = 1;

/** Everything the catalog routes read, built once per isolate ("compile once, then serve"). */
export interface CatalogStore {
  readonly catalog: CatalogDocument;
  readonly index: CatalogIndex;
  /** Built on first read: a guide, a bundle or a ticket take never pays for the search index. */
  readonly search: ReturnType<typeof obtainSearchIndex>;
  /** Matters per department id. */
  readonly matterCounts: ReadonlyMap<string, number>;
  /** The bundles each matter code takes part in. */
  readonly bundlesByMatter: ReadonlyMap<string, readonly Bundle[]>;
  /** A weak validator for every catalog reply: the catalog's identity and version plus the reply revision. */
  readonly etag: string;
}

const buildCatalogStore = (catalog: CatalogDocument): CatalogStore => {
  const matterCounts = new Map<string, number>();
  for (const { departmentId } of catalog.matters) {
    matterCounts.set(departmentId, (matterCounts.get(departmentId) ?? 0) + 1);
  }
  const bundlesByMatter = new Map<string, Bundle[]>();
  for (const bundle of catalog.bundles) {
    const codes = new Set(bundle.members.flatMap((member) => member.matterCodes));
    for (const code of codes) bundlesByMatter.set(code, [...(bundlesByMatter.get(code) ?? []), bundle]);
  }
  return {
    catalog,
    index: indexCatalog(catalog),
    get search() {
      return obtainSearchIndex(catalog);
    },
    matterCounts,
    bundlesByMatter,
    etag: `W/"${encodeURIComponent(catalog.id)}@${encodeURIComponent(catalog.version)}.r${REPLY_REVISION}"`,
  };
};

let store: CatalogStore | undefined;

/** The isolate's catalog, loaded and indexed on first use: cold starts that never touch the catalog pay nothing. */
export const getCatalogStore = (): CatalogStore => (store ??= buildCatalogStore(loadXiaoshanCatalog()));
