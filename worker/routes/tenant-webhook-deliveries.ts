import type { App } from '../app.ts';
import { openDatabase } from '../db/client.ts';
import { listMessages } from '../db/webhooks.ts';
import { defineRoute } from '../define-route.ts';
import { replyError } from '../http-errors.ts';
import { tenantParamsSchema } from '../schemas/cross-region.ts';
import { deliveriesQuerySchema, deliveriesSchema, deliveryParamsSchema, deliverySchema, type DeliveryReply } from '../schemas/webhook.ts';
import { presentDelivery, retryDelivery } from '../webhooks/manage-webhook.ts';
import { wakeDispatchers } from '../webhooks/wake-dispatchers.ts';
import { WEBHOOK_ADMIN_ACCESS, WEBHOOK_ADMIN_NOTE } from './tenant-webhook-access.ts';
import { ownTenant } from './tenant-webhook.ts';

/** A pending message this late means its dispatcher missed a wake: listing the deliveries wakes it. */
const OVERDUE_MS = 60_000;

const EXAMPLE: DeliveryReply = {
  id: 'XS-261128-0001-3:4:binjiang',
  eventType: 'case.status_changed',
  caseNumber: 'XS-261128-0001-3',
  status: 'failed',
  attempts: 10,
  nextAttemptAt: '2026-12-01T02:00:00.000Z',
  lastAttemptAt: '2026-12-01T02:00:00.000Z',
  lastError: 'HTTP 503: Service Unavailable',
  deliveredAt: null,
  createdAt: '2026-11-28T02:00:00.000Z',
  body: '{"type":"case.status_changed","timestamp":"2026-11-28T02:00:00.000Z","data":{"caseNumber":"XS-261128-0001-3","status":"approved","previousStatus":"in-review","ownerTenant":"xiaoshan","submittedByTenant":"binjiang","at":"2026-11-28T02:00:00.000Z"}}',
};

const listDeliveriesRoute = defineRoute({
  method: 'get',
  path: '/v1/tenants/{tenant}/webhook/deliveries',
  access: WEBHOOK_ADMIN_ACCESS,
  tags: ['webhooks'],
  summary: '推送记录 Webhook deliveries',
  description:
    '最近的推送消息及其状态、尝试次数、下次尝试时间与最后错误。 The tenant’s recent messages, newest first: state,' +
    ' attempts, when the next attempt is due, the last error and the exact body sent.' +
    WEBHOOK_ADMIN_NOTE,
  errors: ['TENANT_NOT_FOUND'],
  request: { params: tenantParamsSchema, query: deliveriesQuerySchema },
  responses: {
    200: { description: '推送记录 Deliveries', content: { 'application/json': { schema: deliveriesSchema, example: { items: [EXAMPLE] } } } },
  },
});

const retryDeliveryRoute = defineRoute({
  method: 'post',
  path: '/v1/tenants/{tenant}/webhook/deliveries/{id}/retry',
  access: WEBHOOK_ADMIN_ACCESS,
  tags: ['webhooks'],
  summary: '重发推送 Re-send a failed delivery',
  description:
    '重新发送已放弃的推送（同一 id、同一内容），并重新开始重试计划。 Sends a `failed` message again — same' +
    ' `webhook-id`, same body — at once, with a fresh retry schedule. A pending or delivered one answers 409' +
    ' WEBHOOK_DELIVERY_NOT_FAILED.' +
    WEBHOOK_ADMIN_NOTE,
  errors: ['TENANT_NOT_FOUND', 'WEBHOOK_DELIVERY_NOT_FOUND', 'WEBHOOK_DELIVERY_NOT_FAILED'],
  request: { params: deliveryParamsSchema },
  responses: {
    200: {
      description: '已重新排队 Queued again',
      content: { 'application/json': { schema: deliverySchema, example: { ...EXAMPLE, status: 'pending', attempts: 0 } } },
    },
  },
});

/** GET /v1/tenants/{tenant}/webhook/deliveries and POST …/deliveries/{id}/retry. */
export const registerTenantWebhookDeliveryRoutes = (app: App) => {
  app.openapi(listDeliveriesRoute, async (c) => {
    const tenant = ownTenant(c, c.req.valid('param').tenant);
    if (tenant === null) return replyError(c, 'TENANT_NOT_FOUND', { tenant: c.req.valid('param').tenant });
    const { status, limit } = c.req.valid('query');
    const rows = await listMessages(openDatabase(c.env.DB), tenant, { limit, ...(status === undefined ? {} : { status }) });
    const now = Date.now();
    if (rows.some((row) => row.status === 'pending' && row.nextAttemptAt < now - OVERDUE_MS)) wakeDispatchers([tenant]);
    c.header('Cache-Control', 'no-store');
    return c.json({ items: rows.map(presentDelivery) }, 200);
  });

  app.openapi(retryDeliveryRoute, async (c) => {
    const { tenant: given, id } = c.req.valid('param');
    const tenant = ownTenant(c, given);
    if (tenant === null) return replyError(c, 'TENANT_NOT_FOUND', { tenant: given });
    const retried = await retryDelivery(openDatabase(c.env.DB), tenant, id, Date.now());
    if (!retried.ok) return replyError(c, retried.error);
    wakeDispatchers([tenant]);
    return c.json(retried.value, 200);
  });
};
