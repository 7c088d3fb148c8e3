/**
 * SQL that seeds the local D1 for `npm start`: the catalog release this build serves, a demo applicant with
 * one item in the material library (so a case can show 多报合一 reuse at once), and the demo tenants' staff
 * accounts and API keys (scripts/demo-credentials.ts).
 * Idempotent (upsert / insert-or-ignore), so `npm start` can run again on the same .wrangler state.
 */
import { createHash, pbkdf2Sync } from 'node:crypto';
import { computeCreditCodeCheck, loadXiaoshanCatalog, parseApiKey } from '../core/index.ts';
import { DEMO_KEYS, DEMO_PASSWORD, DEMO_STAFF } from './demo-credentials.ts';

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The demo company: an applicant id to try `GET /v1/applicants/demo-company/materials`, and its credit code. */
export const DEMO_APPLICANT = {
  id: 'demo-company',
  name: '杭州萧然演示餐饮有限公司',
  creditCode: `91330109MA2DEMX01${computeCreditCodeCheck('91330109MA2DEMX01')}`,
  phone: '13800138000',
} as const;

/** Must equal worker/auth/password-hash.ts's PBKDF2_ITERATIONS (Node and WebCrypto derive the same bytes). */
const PBKDF2_ITERATIONS = 100_000;

/**
 * The demo password's stored form for one account. The salt comes from the user name rather than randomness so
 * the seed SQL is the same on every run (a re-run rewrites nothing); acceptable only because the password is public.
 */
export const hashDemoPassword = (username: string, password = DEMO_PASSWORD): string => {
  const salt = createHash('sha256').update(`onewindow-demo-salt:${username}`).digest().subarray(0, 16);
  const hash = pbkdf2Sync(password, salt, PBKDF2_ITERATIONS, 32, 'sha256');
  return `pbkdf2-sha256$${PBKDF2_ITERATIONS}$${salt.toString('base64')}$${hash.toString('base64')}`;
};

/**
 * Demo accounts are reset to their documented state (roles, department, password, enabled) on every start. Demo
 * keys get their documented secret, scopes and limit back, but a revocation stays: the key's KeyGate keeps it
 * (persisted in the local Durable Object state), so clearing revoked_at would only make the list lie.
 */
const buildAccessSeedSql = (now: number): string[] => [
  ...DEMO_STAFF.flatMap((staff) => [
    `INSERT INTO staff_accounts (id, tenant_id, display_name, roles, department_id, password_hash, created_at, disabled_at)`,
    `VALUES (${quote(staff.username)}, ${quote(staff.tenant)}, ${quote(staff.name)}, ${quote(JSON.stringify(staff.roles))}, ` +
      `${staff.department === null ? 'NULL' : quote(staff.department)}, ${quote(hashDemoPassword(staff.username))}, ${now}, NULL)`,
    `ON CONFLICT (id) DO UPDATE SET tenant_id = excluded.tenant_id, display_name = excluded.display_name, roles = excluded.roles,` +
      ` department_id = excluded.department_id, password_hash = excluded.password_hash, disabled_at = NULL;`,
  ]),
  ...DEMO_KEYS.flatMap((demo) => {
    const parts = parseApiKey(demo.key);
    if (!parts.ok || parts.value.id !== demo.id) throw new Error(`demo key ${demo.id} is not a well-formed key text`);
    const secretHash = createHash('sha256').update(parts.value.secret).digest('hex');
    return [
      `INSERT INTO api_keys (id, tenant_id, label, secret_hash, scopes, rate_limit_per_minute, created_at, created_by, revoked_at)`,
      `VALUES (${quote(demo.id)}, ${quote(demo.tenant)}, ${quote(demo.label)}, ${quote(secretHash)}, ${quote(JSON.stringify(demo.scopes))}, ` +
        `${demo.rateLimitPerMinute}, ${now}, 'seed', NULL)`,
      `ON CONFLICT (id) DO UPDATE SET tenant_id = excluded.tenant_id, label = excluded.label, secret_hash = excluded.secret_hash,` +
        ` scopes = excluded.scopes, rate_limit_per_minute = excluded.rate_limit_per_minute;`,
    ];
  }),
];

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
    ...buildAccessSeedSql(now),
  ].join('\n');
};
