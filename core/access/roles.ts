/**
 * Who a caller can be. Staff sign in and hold roles; partner systems hold API keys with scopes.
 * Names are a stable contract (tokens, keys and the OpenAPI `x-access` carry them): add, never rename.
 */
export const ROLES = ['front-desk', 'back-office', 'issuing-window', 'hall-manager', 'admin'] as const;
/**
 * front-desk 综合受理窗口 (intake, the window's queue), back-office 部门后台 (one department's tasks),
 * issuing-window 统一出件窗口 (pickup, mail), hall-manager 大厅管理 (report, appeals, windows), admin 租户管理员
 * (keys, staff accounts, webhook).
 */
export type Role = (typeof ROLES)[number];

export const SCOPES = ['catalog:read', 'cases:submit', 'hall:run', 'admin'] as const;
/**
 * catalog:read (the tenant's catalog), cases:submit (submit and track cases, 跨区域通办 included),
 * hall:run (run a hall's queue: window terminals, kiosks, displays), admin (keys, staff, webhook).
 */
export type Scope = (typeof SCOPES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
export const isScope = (value: string): value is Scope => (SCOPES as readonly string[]).includes(value);
