import { checkWebhookUrl, err, ok, requeueFailed, type Result } from '../../core/index.ts';
import type { Database } from '../db/client.ts';
import type { WebhookEndpointRow, WebhookOutboxRow } from '../db/schema.ts';
import { readEndpoint, readMessage, updateMessageState, upsertEndpoint } from '../db/webhooks.ts';
import type { DeliveryReply, WebhookReply } from '../schemas/webhook.ts';
import { generateWebhookSecret } from './webhook-signing.ts';

/** Operations of a tenant's administrators on its webhook (推送) and its deliveries. */

const iso = (ms: number) => new Date(ms).toISOString();

export const presentWebhook = (row: WebhookEndpointRow): WebhookReply => ({
  tenant: row.tenantId,
  url: row.url,
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
});

export const presentDelivery = (row: WebhookOutboxRow): DeliveryReply => ({
  id: row.id,
  eventType: row.eventType,
  caseNumber: row.caseNumber,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: iso(row.nextAttemptAt),
  lastAttemptAt: row.lastAttemptAt === null ? null : iso(row.lastAttemptAt),
  lastError: row.lastError,
  deliveredAt: row.deliveredAt === null ? null : iso(row.deliveredAt),
  createdAt: iso(row.createdAt),
  body: row.body,
});

/**
 * Sets the tenant's webhook URL with a NEW secret (returned once, here): setting it again rotates the secret, so
 * an administrator who lost it sets the same URL again. Messages already waiting are signed with the new one.
 */
export const setWebhook = async (
  db: Database,
  tenant: string,
  url: string,
  options: { readonly development: boolean; readonly now: number },
): Promise<Result<WebhookReply & { secret: string }>> => {
  const checked = checkWebhookUrl(url, options);
  if (!checked.ok) return checked;
  const existing = await readEndpoint(db, tenant);
  const row: WebhookEndpointRow = {
    tenantId: tenant,
    url: checked.value,
    secret: generateWebhookSecret(),
    createdAt: existing?.createdAt ?? options.now,
    updatedAt: options.now,
  };
  await db.batch([upsertEndpoint(db, row)]);
  return ok({ ...presentWebhook(row), secret: row.secret });
};

/** Sends a failed message again (same id, same body), due at once; anything else is refused. */
export const retryDelivery = async (db: Database, tenant: string, id: string, now: number): Promise<Result<DeliveryReply>> => {
  const row = await readMessage(db, tenant, id);
  if (row === undefined) return err('WEBHOOK_DELIVERY_NOT_FOUND', { id });
  const from = { status: row.status, attempts: row.attempts };
  const requeued = requeueFailed({ ...from, nextAttemptAt: row.nextAttemptAt, lastAttemptAt: row.lastAttemptAt, lastError: row.lastError, deliveredAt: row.deliveredAt }, now);
  if (!requeued.ok) return requeued;
  const [result] = (await db.batch([updateMessageState(db, id, from, requeued.value)])) as { meta?: { changes?: number } }[];
  // Lost to a concurrent retry (or attempt): the message moved on; report it as it is now.
  if (result?.meta?.changes === 0) return err('WEBHOOK_DELIVERY_NOT_FAILED', { status: (await readMessage(db, tenant, id))?.status ?? row.status });
  return ok(presentDelivery({ ...row, ...requeued.value }));
};
