import type { Context } from 'hono';
import type { App } from '../app.ts';
import type { AppEnv } from '../app-env.ts';
import { openDatabase } from '../db/client.ts';
import { deleteEndpoint, readEndpoint } from '../db/webhooks.ts';
import { defineRoute } from '../define-route.ts';
import { replyError } from '../http-errors.ts';
import { tenantParamsSchema } from '../schemas/cross-region.ts';
import { webhookBodySchema, webhookCreatedSchema, webhookSchema } from '../schemas/webhook.ts';
import { actorOf } from '../tenant-guard.ts';
import { presentWebhook, setWebhook } from '../webhooks/manage-webhook.ts';
import { wakeDispatchers } from '../webhooks/wake-dispatchers.ts';
import { WEBHOOK_ADMIN_ACCESS, WEBHOOK_ADMIN_NOTE, WEBHOOK_SIGNING_NOTE } from './tenant-webhook-access.ts';

const EXAMPLE = {
  tenant: 'binjiang',
  url: 'https://zwfw.binjiang.example.gov.cn/hooks/onewindow',
  createdAt: '2026-11-28T02:00:00.000Z',
  updatedAt: '2026-11-28T02:00:00.000Z',
};

const putWebhookRoute = defineRoute({
  method: 'put',
  path: '/v1/tenants/{tenant}/webhook',
  access: WEBHOOK_ADMIN_ACCESS,
  tags: ['webhooks'],
  summary: '设置推送地址 Set the webhook',
  description:
    '设置本租户的办件状态推送地址，并生成新的签名密钥（仅此一次返回）。再次设置即轮换密钥。' +
    ' Sets where the tenant’s case status changes are pushed (its own cases and those it submitted to partners) and' +
    ' generates a new signing secret, returned in this reply only: setting the URL again rotates it. The URL must be' +
    ' https (422 WEBHOOK_URL_INVALID otherwise; http to localhost / 127.0.0.1 is accepted in development only).' +
    WEBHOOK_SIGNING_NOTE +
    WEBHOOK_ADMIN_NOTE,
  errors: ['TENANT_NOT_FOUND', 'WEBHOOK_URL_INVALID'],
  request: {
    params: tenantParamsSchema,
    body: { required: true, content: { 'application/json': { schema: webhookBodySchema } } },
  },
  responses: {
    200: {
      description: '已设置 Set; the secret is shown this once',
      content: { 'application/json': { schema: webhookCreatedSchema, example: { ...EXAMPLE, secret: 'whsec_q0m7bJ3bTgW8aV6S9QeV1s3m0pYQm2N4' } } },
    },
  },
});

const getWebhookRoute = defineRoute({
  method: 'get',
  path: '/v1/tenants/{tenant}/webhook',
  access: WEBHOOK_ADMIN_ACCESS,
  tags: ['webhooks'],
  summary: '查看推送地址 The webhook',
  description: '推送地址与设置时间（不含密钥）。 The URL and when it was set; never the secret.' + WEBHOOK_ADMIN_NOTE,
  errors: ['TENANT_NOT_FOUND', 'WEBHOOK_NOT_CONFIGURED'],
  request: { params: tenantParamsSchema },
  responses: { 200: { description: '推送地址 The webhook', content: { 'application/json': { schema: webhookSchema, example: EXAMPLE } } } },
});

const deleteWebhookRoute = defineRoute({
  method: 'delete',
  path: '/v1/tenants/{tenant}/webhook',
  access: WEBHOOK_ADMIN_ACCESS,
  tags: ['webhooks'],
  summary: '删除推送地址 Remove the webhook',
  description:
    '停止推送。 Stops pushing: no new messages are written, and waiting ones stay pending (sent if a URL is set again).' +
    WEBHOOK_ADMIN_NOTE,
  errors: ['TENANT_NOT_FOUND', 'WEBHOOK_NOT_CONFIGURED'],
  request: { params: tenantParamsSchema },
  responses: { 204: { description: '已删除 Removed' } },
});

/** The `{tenant}` of an admin route: the caller's own, else TENANT_NOT_FOUND (another tenant is not probed). */
export const ownTenant = (c: Context<AppEnv>, tenant: string): string | null => (actorOf(c).tenant === tenant ? tenant : null);

/** PUT, GET and DELETE /v1/tenants/{tenant}/webhook. */
export const registerTenantWebhookRoutes = (app: App) => {
  app.openapi(putWebhookRoute, async (c) => {
    const tenant = ownTenant(c, c.req.valid('param').tenant);
    if (tenant === null) return replyError(c, 'TENANT_NOT_FOUND', { tenant: c.req.valid('param').tenant });
    const set = await setWebhook(openDatabase(c.env.DB), tenant, c.req.valid('json').url, {
      development: c.env.ENVIRONMENT === 'development',
      now: Date.now(),
    });
    if (!set.ok) return replyError(c, set.error);
    // Messages may have waited while no URL was set.
    wakeDispatchers([tenant]);
    c.header('Cache-Control', 'no-store');
    return c.json(set.value, 200);
  });

  app.openapi(getWebhookRoute, async (c) => {
    const tenant = ownTenant(c, c.req.valid('param').tenant);
    if (tenant === null) return replyError(c, 'TENANT_NOT_FOUND', { tenant: c.req.valid('param').tenant });
    const row = await readEndpoint(openDatabase(c.env.DB), tenant);
    if (row === undefined) return replyError(c, 'WEBHOOK_NOT_CONFIGURED', { tenant });
    return c.json(presentWebhook(row), 200);
  });

  app.openapi(deleteWebhookRoute, async (c) => {
    const tenant = ownTenant(c, c.req.valid('param').tenant);
    if (tenant === null) return replyError(c, 'TENANT_NOT_FOUND', { tenant: c.req.valid('param').tenant });
    const db = openDatabase(c.env.DB);
    const [result] = (await db.batch([deleteEndpoint(db, tenant)])) as { meta?: { changes?: number } }[];
    if (result?.meta?.changes === 0) return replyError(c, 'WEBHOOK_NOT_CONFIGURED', { tenant });
    return c.body(null, 204);
  });
};
