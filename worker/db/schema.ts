import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Which catalog versions this deployment has served: one row per (catalog, version), written at load/seed time. */
export const catalogReleases = sqliteTable(
  'catalog_releases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    catalogId: text('catalog_id').notNull(),
    version: text('version').notNull(),
    matterCount: integer('matter_count').notNull(),
    departmentCount: integer('department_count').notNull(),
    /** When the release was first recorded (epoch milliseconds). */
    loadedAt: integer('loaded_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [uniqueIndex('catalog_releases_catalog_version').on(table.catalogId, table.version)],
);

export type CatalogReleaseRow = typeof catalogReleases.$inferSelect;
