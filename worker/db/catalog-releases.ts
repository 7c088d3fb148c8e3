import { and, eq, sql } from 'drizzle-orm';
import type { CatalogDocument } from '../../core/index.ts';
import type { Database } from './client.ts';
import { catalogReleases, type CatalogReleaseRow } from './schema.ts';

/** What identifies and summarises a catalog release. */
export interface CatalogRelease {
  readonly catalogId: string;
  readonly version: string;
  readonly matterCount: number;
  readonly departmentCount: number;
}

export const describeCatalogRelease = (catalog: CatalogDocument): CatalogRelease => ({
  catalogId: catalog.id,
  version: catalog.version,
  matterCount: catalog.matters.length,
  departmentCount: catalog.departments.length,
});

/**
 * Records that this deployment serves a release. Idempotent: recording the same (catalog, version) again keeps
 * one row and its first `loadedAt`, refreshing only the counts.
 */
export const recordCatalogRelease = async (
  db: Database,
  release: CatalogRelease,
  loadedAt: Date,
): Promise<CatalogReleaseRow> => {
  const [row] = await db
    .insert(catalogReleases)
    .values({ ...release, loadedAt })
    .onConflictDoUpdate({
      target: [catalogReleases.catalogId, catalogReleases.version],
      set: { matterCount: sql`excluded.matter_count`, departmentCount: sql`excluded.department_count` },
    })
    .returning();
  if (!row) throw new Error('catalog_releases upsert returned no row');
  return row;
};

/** The recorded row for one release, if any. */
export const findCatalogRelease = async (
  db: Database,
  catalogId: string,
  version: string,
): Promise<CatalogReleaseRow | undefined> =>
  db
    .select()
    .from(catalogReleases)
    .where(and(eq(catalogReleases.catalogId, catalogId), eq(catalogReleases.version, version)))
    .get();

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/**
 * The same upsert as plain SQL, for `wrangler d1 execute --file` in `npm start`'s seed (no worker running yet).
 */
export const buildCatalogReleaseSql = (release: CatalogRelease, loadedAt: Date): string =>
  `INSERT INTO catalog_releases (catalog_id, version, matter_count, department_count, loaded_at) ` +
  `VALUES (${quote(release.catalogId)}, ${quote(release.version)}, ${Math.trunc(release.matterCount)}, ` +
  `${Math.trunc(release.departmentCount)}, ${loadedAt.getTime()}) ` +
  `ON CONFLICT (catalog_id, version) DO UPDATE SET matter_count = excluded.matter_count, ` +
  `department_count = excluded.department_count;\n`;
