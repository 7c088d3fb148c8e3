/**
 * SQL that seeds the local D1 for `npm start`: the catalog release this build serves, and a demo applicant with
 * one item in the material library (so a case can show 多报合一 reuse at once).
 * Idempotent (upsert / insert-or-ignore), so `npm start` can run again on the same .wrangler state.
 * Later issues add the demo hall, tenant, keys and staff accounts here.
 */
import { computeCreditCodeCheck, loadXiaoshanCatalog } from '../core/index.ts';

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The demo company: an applicant id to try `GET /v1/applicants/demo-company/materials`, and its credit code. */
export const DEMO_APPLICANT = {
  id: 'demo-company',
  name: '杭州萧然演示餐饮有限公司',
  creditCode: `91330109MA2DEMX01${computeCreditCodeCheck('91330109MA2DEMX01')}`,
  phone: '13800138000',
} as const;

export const buildSeedSql = (now = Date.now()): string => {
  const catalog = loadXiaoshanCatalog();
  const a = DEMO_APPLICANT;
  return [
    `INSERT INTO catalog_releases (catalog_id, version, matter_count, department_count, loaded_at)`,
    `VALUES (${quote(catalog.id)}, ${quote(catalog.version)}, ${catalog.matters.length}, ${catalog.departments.length}, ${now})`,
    `ON CONFLICT (catalog_id, version) DO UPDATE SET matter_count = excluded.matter_count, department_count = excluded.department_count;`,
    // A company whose business licence the hall already holds: a food licence case for it does not ask for one.
    `INSERT OR IGNORE INTO applicants (id, tenant_id, kind, name, credit_code, phone, created_at, updated_at)`,
    `VALUES (${quote(a.id)}, 'xiaoshan', 'organisation', ${quote(a.name)}, ${quote(a.creditCode)}, ${quote(a.phone)}, ${now}, ${now});`,
    `INSERT OR IGNORE INTO applicant_materials (id, applicant_id, material_id, name, certificate_id, valid_until, source_case_number, created_at)`,
    `VALUES ('demo-company-business-licence', ${quote(a.id)}, 'business-licence', '营业执照', 'provisional:demo:business-licence', NULL, NULL, ${now});`,
  ].join('\n');
};
