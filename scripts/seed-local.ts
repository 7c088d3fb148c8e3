/**
 * SQL that seeds the local D1 for `npm start`: the catalog release this build serves.
 * Idempotent (upsert), so `npm start` can run again on the same .wrangler state.
 * Later issues add the demo hall, tenant, keys and staff accounts here.
 */
import { loadXiaoshanCatalog } from '../core/index.ts';

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

export const buildSeedSql = (now = Date.now()): string => {
  const catalog = loadXiaoshanCatalog();
  return [
    `INSERT INTO catalog_releases (catalog_id, version, matter_count, department_count, loaded_at)`,
    `VALUES (${quote(catalog.id)}, ${quote(catalog.version)}, ${catalog.matters.length}, ${catalog.departments.length}, ${now})`,
    `ON CONFLICT (catalog_id, version) DO UPDATE SET matter_count = excluded.matter_count, department_count = excluded.department_count;`,
  ].join('\n');
};
