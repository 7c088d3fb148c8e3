/**
 * 演示账号与密钥: the demo tenants' staff accounts and API keys that `npm start` seeds into the LOCAL D1 and
 * prints. Development only: the password and key texts are public (they are in this file), so they must never
 * be seeded anywhere else. The load benchmark signs in with these accounts (bench/load/load-accounts.ts).
 */
import type { Role, Scope } from '../core/index.ts';
import { SCOPES } from '../core/index.ts';

/** The one password of every demo account (≥ 12 characters, like any account's). */
export const DEMO_PASSWORD = 'onewindow-demo-2026';

export interface DemoStaff {
  /** The user name (sign-in) and staff id on records. */
  readonly username: string;
  readonly tenant: string;
  /** The role the account is for (its only role). */
  readonly role: Role;
  readonly roles: readonly Role[];
  /** A back-office member's catalog department; null otherwise. */
  readonly department: string | null;
  readonly name: string;
}

/** 市场监管局, the department of the Xiaoshan catalog most demo cases (food licences) go to. */
export const DEMO_DEPARTMENT = 'scjg';

const TENANTS = [
  { tenant: 'xiaoshan', prefix: 'xs', place: '萧山' },
  { tenant: 'binjiang', prefix: 'bj', place: '滨江' },
] as const;

const ROLE_NAMES: Record<Role, string> = {
  'front-desk': '综合受理',
  'back-office': '市场监管审批',
  'issuing-window': '统一出件',
  'hall-manager': '大厅管理',
  admin: '管理员',
};

const account = (tenant: string, username: string, role: Role, name: string): DemoStaff => ({
  username,
  tenant,
  role,
  roles: [role],
  department: role === 'back-office' ? DEMO_DEPARTMENT : null,
  name,
});

/**
 * One account per role per tenant (`xs-front-desk`, `bj-admin`, …), plus `scjg-wang`, the Xiaoshan market
 * supervision reviewer whom the API's examples name.
 */
export const DEMO_STAFF: readonly DemoStaff[] = [
  ...TENANTS.flatMap(({ tenant, prefix, place }) =>
    (Object.keys(ROLE_NAMES) as Role[]).map((role) => account(tenant, `${prefix}-${role}`, role, `${place}${ROLE_NAMES[role]}（演示）`)),
  ),
  account('xiaoshan', 'scjg-wang', 'back-office', '王审批（演示）'),
];

export interface DemoKey {
  readonly id: string;
  readonly tenant: string;
  /** The full key text `ow_<id>_<secret>` (deterministic: the same on every machine, so docs can quote it). */
  readonly key: string;
  readonly label: string;
  readonly scopes: readonly Scope[];
  readonly rateLimitPerMinute: number;
}

/**
 * One key per tenant with every scope. 6000 a minute (100 a second) so the load benchmark is not throttled by
 * the key; the default for issued keys is 600.
 */
export const DEMO_KEYS: readonly DemoKey[] = [
  { id: 'demoxiaoshan', tenant: 'xiaoshan', key: 'ow_demoxiaoshan_devonlynotasecretxiaoshan2222222', label: '萧山演示密钥 (dev only)', scopes: [...SCOPES], rateLimitPerMinute: 6000 },
  { id: 'demobinjiang', tenant: 'binjiang', key: 'ow_demobinjiang_devonlynotasecretbinjiang2222222', label: '滨江演示密钥 (dev only)', scopes: [...SCOPES], rateLimitPerMinute: 6000 },
];

/** What `npm start` prints: the accounts, the password, the keys, and how to use them with curl. */
export const describeDemoCredentials = (baseUrl: string): string => {
  const width = Math.max(...DEMO_STAFF.map((s) => s.username.length));
  const staff = DEMO_STAFF.map((s) => `     ${s.username.padEnd(width)}  ${s.tenant.padEnd(8)}  ${s.roles.join(',')}${s.department ? ` (${s.department})` : ''}`);
  const keys = DEMO_KEYS.map((k) => `     ${k.tenant.padEnd(8)}  ${k.key}  (${k.scopes.join(' ')}; ${k.rateLimitPerMinute}/min)`);
  const [first] = DEMO_KEYS;
  return [
    `▶ 演示账号 demo staff accounts (development only) — password 口令: ${DEMO_PASSWORD}`,
    ...staff,
    `▶ 演示接口密钥 demo API keys (development only; revoke with DELETE /v1/tenants/{tenant}/keys/{id})`,
    ...keys,
    `   登录 sign in:   curl -s -X POST ${baseUrl}/v1/auth/token -H 'Content-Type: application/json' \\`,
    `                     -d '{"username":"xs-front-desk","password":"${DEMO_PASSWORD}"}'`,
    `   令牌 token:     curl -s ${baseUrl}/v1/auth/me -H "Authorization: Bearer <token>"`,
    `   密钥 key:       curl -s ${baseUrl}/v1/auth/me -H 'Authorization: Bearer ${first?.key ?? ''}'`,
  ].join('\n');
};
