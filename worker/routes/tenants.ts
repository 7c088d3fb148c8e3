import { ROLES, SCOPES, type Principal } from '../../core/index.ts';
import type { Access } from '../access.ts';
import type { App } from '../app.ts';
import { issueApiKey, listTenantApiKeys, revokeTenantApiKey } from '../auth/manage-keys.ts';
import { listTenantStaff, openStaffAccount } from '../auth/manage-staff.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { defineRoute } from '../define-route.ts';
import { replyError } from '../http-errors.ts';
import {
  apiKeyListSchema,
  apiKeySummarySchema,
  createApiKeyBodySchema,
  createdApiKeySchema,
  createStaffBodySchema,
  keyIdempotencyHeadersSchema,
  staffAccountSchema,
  staffListSchema,
  tenantKeyParamsSchema,
  tenantParamsSchema,
  tenantProfileSchema,
} from '../schemas/tenant.ts';
import { findTenant } from '../tenants/tenant-registry.ts';

/** 租户管理员: a tenant's keys and staff accounts; an administrator in person or a key with the admin scope. */
const ADMIN_ACCESS: Access = { roles: ['admin'], scopes: ['admin'] };
const json = <S>(schema: S) => ({ 'application/json': { schema } });

const readProfileRoute = defineRoute({
  method: 'get',
  path: '/v1/tenants/{tenant}',
  access: { roles: [...ROLES], scopes: [...SCOPES] },
  tags: ['tenants'],
  summary: '租户概况 Tenant profile',
  description:
    '租户的大厅、所用目录与跨区域通办规则；本租户或其通办伙伴可见，其他答复 404。 A tenant’s halls, catalog and 跨区域通办' +
    ' policy. Visible to its own callers and to its partners’ (which learn what they may submit); any other tenant is 404.',
  request: { params: tenantParamsSchema },
  errors: ['TENANT_NOT_FOUND'],
  responses: { 200: { description: '租户 The tenant', content: json(tenantProfileSchema) } },
});

const listKeysRoute = defineRoute({
  method: 'get',
  path: '/v1/tenants/{tenant}/keys',
  access: ADMIN_ACCESS,
  tags: ['tenants'],
  summary: '接口密钥列表 API keys',
  description: '本租户的接口密钥（含已吊销的），新者在前；从不返回密钥本身或其散列。 The tenant’s keys, revoked ones included, newest first; never the secret or its hash.',
  request: { params: tenantParamsSchema },
  errors: ['TENANT_NOT_FOUND'],
  responses: { 200: { description: '密钥 Keys', content: json(apiKeyListSchema) } },
});

const createKeyRoute = defineRoute({
  method: 'post',
  path: '/v1/tenants/{tenant}/keys',
  access: ADMIN_ACCESS,
  tags: ['tenants'],
  summary: '签发接口密钥 Issue an API key',
  description:
    '签发密钥；密钥文本仅在本答复中出现一次，服务端只保存其散列。可带 `Idempotency-Key`：同一键、同一请求体的重试返回同一答复' +
    '（同一密钥 id 与密钥文本，`Idempotent-Replay: true`），不会签发第二个密钥；该答复以幂等键本身加密保存，幂等键只存散列。' +
    ' Issues a key; its text appears in this reply only (the server keeps a SHA-256 of the secret). Send' +
    ' `Idempotency-Key` so a retry after a lost reply never issues a second key: the same key and body answer the very' +
    ' same reply — 201, the same key id and the same key text — with `Idempotent-Replay: true`. That reply is stored' +
    ' sealed (AES-GCM) with the idempotency key itself, which is stored only as a hash, so the key text stays' +
    ' unreadable at rest; use a random idempotency key. The same key with another body: 422 IDEMPOTENCY_KEY_REUSED.' +
    ' Keys are per tenant: another tenant’s identical key is another key. Without one, a retried request issues a' +
    ' second key (the administrator sees it in the list and revokes it).',
  request: {
    params: tenantParamsSchema,
    headers: keyIdempotencyHeadersSchema,
    body: { content: json(createApiKeyBodySchema), required: true },
  },
  errors: ['TENANT_NOT_FOUND', 'IDEMPOTENCY_KEY_REUSED'],
  responses: {
    201: {
      description: '已签发 Issued; a replay (same Idempotency-Key and body) is the very same reply',
      headers: {
        Location: { schema: { type: 'string' as const }, description: 'The key’s URL (DELETE revokes it)' },
        'Idempotent-Replay': { schema: { type: 'string' as const, enum: ['true'] }, description: 'Present on a replay' },
      },
      content: json(createdApiKeySchema),
    },
  },
});

const revokeKeyRoute = defineRoute({
  method: 'delete',
  path: '/v1/tenants/{tenant}/keys/{id}',
  access: ADMIN_ACCESS,
  tags: ['tenants'],
  summary: '吊销接口密钥 Revoke an API key',
  description:
    '吊销立即生效（下一个请求即 401）；重复吊销保留首次时间。 Effective at once: the next request with the key, anywhere, is 401' +
    ' (reason `key-revoked`). Revoking again keeps the first time. Another tenant’s key is 404, as an unknown one.',
  request: { params: tenantKeyParamsSchema },
  errors: ['TENANT_NOT_FOUND', 'API_KEY_NOT_FOUND'],
  responses: { 200: { description: '已吊销 Revoked', content: json(apiKeySummarySchema) } },
});

const listStaffRoute = defineRoute({
  method: 'get',
  path: '/v1/tenants/{tenant}/staff',
  access: ADMIN_ACCESS,
  tags: ['tenants'],
  summary: '工作人员账号 Staff accounts',
  description: '本租户的工作人员账号，按账号排序；从不返回口令散列。 The tenant’s staff accounts by id; never a password hash.',
  request: { params: tenantParamsSchema },
  errors: ['TENANT_NOT_FOUND'],
  responses: { 200: { description: '账号 Accounts', content: json(staffListSchema) } },
});

const createStaffRoute = defineRoute({
  method: 'post',
  path: '/v1/tenants/{tenant}/staff',
  access: ADMIN_ACCESS,
  tags: ['tenants'],
  summary: '开设工作人员账号 Open a staff account',
  description:
    '账号全局唯一；部门后台角色须指定目录中的部门，其他角色不得指定；口令至少12位。 User names are unique across tenants (409' +
    ' otherwise); the back-office role requires a catalog department and no other role takes one; passwords have' +
    ' at least 12 characters and are kept as PBKDF2-SHA256 hashes.',
  request: { params: tenantParamsSchema, body: { content: json(createStaffBodySchema), required: true } },
  errors: ['TENANT_NOT_FOUND', 'STAFF_ACCOUNT_EXISTS'],
  responses: { 201: { description: '已开设 Opened', content: json(staffAccountSchema) } },
});

/** An administrator acts on its own tenant only; any other (existing or not) is TENANT_NOT_FOUND. */
const isOwnTenant = (actor: Principal, tenant: string): boolean => actor.tenant === tenant && findTenant(tenant).ok;

export const registerTenantRoutes = (app: App) => {
  app.openapi(readProfileRoute, (c) => {
    const actor = c.get('actor')!;
    const { tenant } = c.req.valid('param');
    const found = findTenant(tenant);
    if (!found.ok || (found.value.id !== actor.tenant && !found.value.crossRegion.partners.includes(actor.tenant))) {
      return replyError(c, 'TENANT_NOT_FOUND', { tenant });
    }
    const { id, name, nameEn, halls, crossRegion } = found.value;
    const { catalog } = getCatalogStore();
    return c.json(
      {
        id,
        name,
        nameEn,
        halls: [...halls],
        catalog: { id: found.value.catalogId, version: catalog.version },
        crossRegion: { partners: [...crossRegion.partners], minOnlineDepth: crossRegion.minOnlineDepth, matterCodes: [...crossRegion.matterCodes] },
      },
      200,
    );
  });

  app.openapi(listKeysRoute, async (c) => {
    const { tenant } = c.req.valid('param');
    if (!isOwnTenant(c.get('actor')!, tenant)) return replyError(c, 'TENANT_NOT_FOUND', { tenant });
    c.header('Cache-Control', 'no-store');
    return c.json({ keys: await listTenantApiKeys(c.env, tenant) }, 200);
  });

  app.openapi(createKeyRoute, async (c) => {
    const actor = c.get('actor')!;
    const { tenant } = c.req.valid('param');
    if (!isOwnTenant(actor, tenant)) return replyError(c, 'TENANT_NOT_FOUND', { tenant });
    const key = c.req.valid('header')['idempotency-key'] ?? null;
    const issued = await issueApiKey(c.env, actor, c.req.valid('json'), key);
    if (!issued.ok) return replyError(c, issued.error);
    const { created, replay } = issued.value;
    if (replay) c.header('Idempotent-Replay', 'true');
    c.header('Cache-Control', 'no-store');
    c.header('Location', `/v1/tenants/${tenant}/keys/${created.id}`);
    return c.json(created, 201);
  });

  app.openapi(revokeKeyRoute, async (c) => {
    const { tenant, id } = c.req.valid('param');
    if (!isOwnTenant(c.get('actor')!, tenant)) return replyError(c, 'TENANT_NOT_FOUND', { tenant });
    const revoked = await revokeTenantApiKey(c.env, tenant, id);
    return revoked.ok ? c.json(revoked.value, 200) : replyError(c, revoked.error);
  });

  app.openapi(listStaffRoute, async (c) => {
    const { tenant } = c.req.valid('param');
    if (!isOwnTenant(c.get('actor')!, tenant)) return replyError(c, 'TENANT_NOT_FOUND', { tenant });
    return c.json({ staff: await listTenantStaff(c.env, tenant) }, 200);
  });

  app.openapi(createStaffRoute, async (c) => {
    const actor = c.get('actor')!;
    const { tenant } = c.req.valid('param');
    if (!isOwnTenant(actor, tenant)) return replyError(c, 'TENANT_NOT_FOUND', { tenant });
    const opened = await openStaffAccount(c.env, actor, c.req.valid('json'));
    if (!opened.ok) return replyError(c, opened.error);
    return c.json(opened.value, 201);
  });
};
