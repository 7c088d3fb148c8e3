import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { OutboxState } from '../../core/index.ts';
import type { Statement } from './cases.ts';
import type { Database } from './client.ts';
import { webhookEndpoints, webhookOutbox, type WebhookEndpointRow, type WebhookOutboxRow } from './schema.ts';

/** Repository functions for tenants' webhook endpoints and the outbox (推送发件箱). */

export const readEndpoint = (db: Database, tenant: string): Promise<WebhookEndpointRow | undefined> =>
  db.select().from(webhookEndpoints).where(eq(webhookEndpoints.tenantId, tenant)).get();

/** Sets (or replaces) a tenant's endpoint; a new secret each time, so a leaked one dies with the change. */
export const upsertEndpoint = (db: Database, row: WebhookEndpointRow): Statement =>
  db
    .insert(webhookEndpoints)
    .values(row)
    .onConflictDoUpdate({ target: webhookEndpoints.tenantId, set: { url: row.url, secret: row.secret, updatedAt: row.updatedAt } });

export const deleteEndpoint = (db: Database, tenant: string): Statement =>
  db.delete(webhookEndpoints).where(eq(webhookEndpoints.tenantId, tenant));

/** One message to enqueue, for whichever of `recipients` has an endpoint. */
export interface OutboxMessage {
  /** `${caseNumber}:${seq}:`; the recipient's tenant id completes it. */
  readonly idPrefix: string;
  readonly recipients: readonly string[];
  readonly eventType: string;
  readonly caseNumber: string;
  readonly body: string;
  readonly now: number;
}

/**
 * The outbox rows of one message, as ONE statement for the change's batch: a row per recipient that has an
 * endpoint, chosen inside the batch (no read before it, so intake pays no extra round trip). OR IGNORE: the id
 * is the change's, so a replayed write can never enqueue it twice.
 */
export const enqueueMessages = (db: Database, message: OutboxMessage): Statement =>
  db
    .insert(webhookOutbox)
    // Every column in the table's order (drizzle lists them all for an INSERT … SELECT); the WHERE also keeps
    // SQLite from reading ON CONFLICT as a join constraint.
    .select(
      sql`SELECT ${message.idPrefix} || ${webhookEndpoints.tenantId}, ${webhookEndpoints.tenantId}, ${message.eventType},
        ${message.caseNumber}, ${message.body}, 'pending', 0, ${message.now}, NULL, NULL, NULL, ${message.now}
      FROM ${webhookEndpoints}
      WHERE ${inArray(webhookEndpoints.tenantId, [...message.recipients])}`,
    )
    .onConflictDoNothing();

/** Which of these tenants have an endpoint (to know whose dispatcher to wake after a batch). */
export const listTenantsWithEndpoint = async (db: Database, tenants: readonly string[]): Promise<string[]> =>
  (await db.select({ tenantId: webhookEndpoints.tenantId }).from(webhookEndpoints).where(inArray(webhookEndpoints.tenantId, [...tenants])).all()).map(
    (row) => row.tenantId,
  );

/** A tenant's pending messages, oldest first (the dispatcher keeps each case's messages in order). */
export const readPendingMessages = (db: Database, tenant: string, limit: number): Promise<WebhookOutboxRow[]> =>
  db
    .select()
    .from(webhookOutbox)
    .where(and(eq(webhookOutbox.tenantId, tenant), eq(webhookOutbox.status, 'pending')))
    .orderBy(asc(webhookOutbox.createdAt), asc(webhookOutbox.id))
    .limit(limit)
    .all();

/** A tenant's messages, newest first, for its administrators. */
export const listMessages = (
  db: Database,
  tenant: string,
  options: { readonly limit: number; readonly status?: OutboxState['status'] },
): Promise<WebhookOutboxRow[]> =>
  db
    .select()
    .from(webhookOutbox)
    .where(and(eq(webhookOutbox.tenantId, tenant), options.status === undefined ? undefined : eq(webhookOutbox.status, options.status)))
    .orderBy(desc(webhookOutbox.createdAt), desc(webhookOutbox.id))
    .limit(options.limit)
    .all();

export const readMessage = (db: Database, tenant: string, id: string): Promise<WebhookOutboxRow | undefined> =>
  db
    .select()
    .from(webhookOutbox)
    .where(and(eq(webhookOutbox.tenantId, tenant), eq(webhookOutbox.id, id)))
    .get();

/**
 * Writes a message's new delivery state, conditional on the state read (status and attempts): an administrator's
 * re-queue racing an attempt makes one of them match nothing instead of both writing.
 */
export const updateMessageState = (db: Database, id: string, from: Pick<OutboxState, 'status' | 'attempts'>, to: OutboxState): Statement =>
  db
    .update(webhookOutbox)
    .set({
      status: to.status,
      attempts: to.attempts,
      nextAttemptAt: to.nextAttemptAt,
      lastAttemptAt: to.lastAttemptAt,
      lastError: to.lastError,
      deliveredAt: to.deliveredAt,
    })
    .where(and(eq(webhookOutbox.id, id), eq(webhookOutbox.status, from.status), eq(webhookOutbox.attempts, from.attempts)));
