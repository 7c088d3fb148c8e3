import { z } from '@hono/zod-openapi';
import { MAX_WEBHOOK_URL_LENGTH } from '../../core/index.ts';

/** Request and reply schemas of a tenant's webhook (推送) and its deliveries. */

const isoTime = (description: string) => z.string().openapi({ description, example: '2026-11-28T02:00:00.000Z' });

export const webhookBodySchema = z
  .object({
    url: z
      .string()
      .trim()
      .min(1)
      .max(MAX_WEBHOOK_URL_LENGTH)
      .openapi({ description: '接收地址: https (http only to localhost / 127.0.0.1 in development)', example: 'https://zwfw.binjiang.example.gov.cn/hooks/onewindow' }),
  })
  .openapi('WebhookRequest', { example: { url: 'https://zwfw.binjiang.example.gov.cn/hooks/onewindow' } });

export const webhookSchema = z
  .object({
    tenant: z.string().openapi({ example: 'binjiang' }),
    url: z.string().openapi({ example: 'https://zwfw.binjiang.example.gov.cn/hooks/onewindow' }),
    createdAt: isoTime('When the webhook was first set'),
    updatedAt: isoTime('When the URL or secret last changed'),
  })
  .openapi('Webhook');

export const webhookCreatedSchema = webhookSchema
  .extend({
    secret: z.string().openapi({
      description: '签名密钥 (Standard Webhooks `whsec_`): shown only in this reply; store it to verify `webhook-signature`',
      example: 'whsec_q0m7bJ3bTgW8aV6S9QeV1s3m0pYQm2N4',
    }),
  })
  .openapi('WebhookCreated');

export const deliveryStatusSchema = z.enum(['pending', 'delivered', 'failed']).openapi({ description: '待发送 / 已送达 / 已放弃 (after the last attempt)' });

export const deliverySchema = z
  .object({
    id: z.string().openapi({ description: 'The message id (`webhook-id`): case number, event seq, recipient', example: 'XS-261128-0001-3:4:binjiang' }),
    eventType: z.string().openapi({ example: 'case.status_changed' }),
    caseNumber: z.string().nullable().openapi({ example: 'XS-261128-0001-3' }),
    status: deliveryStatusSchema,
    attempts: z.number().int().openapi({ example: 2 }),
    nextAttemptAt: isoTime('When the next attempt is due (pending only; for others, the last due time)'),
    lastAttemptAt: isoTime('The last attempt').nullable(),
    lastError: z.string().nullable().openapi({ description: 'The last failure: HTTP status and the start of the answer, or the network error', example: 'HTTP 503' }),
    deliveredAt: isoTime('When the receiver answered 2xx').nullable(),
    createdAt: isoTime('When the change happened (the message was written with it)'),
    body: z.string().openapi({ description: 'The exact bytes sent (signed), JSON', example: '{"type":"case.status_changed",…}' }),
  })
  .openapi('WebhookDelivery');

export const deliveriesSchema = z.object({ items: z.array(deliverySchema) }).openapi('WebhookDeliveries');

export const deliveriesQuerySchema = z.object({
  status: deliveryStatusSchema.optional().openapi({ description: 'Only messages in this state' }),
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: 'At most this many, newest first (1-200, default 50)', example: 50 }),
});

export const deliveryParamsSchema = z.object({
  tenant: z.string().min(1).max(64).openapi({ example: 'binjiang' }),
  id: z.string().min(1).max(200).openapi({ description: 'The delivery (message) id', example: 'XS-261128-0001-3:4:binjiang' }),
});

export type WebhookReply = z.infer<typeof webhookSchema>;
export type DeliveryReply = z.infer<typeof deliverySchema>;
