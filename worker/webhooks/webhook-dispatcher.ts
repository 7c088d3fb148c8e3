import { DurableObject } from 'cloudflare:workers';
import { findNextWake, pickSendable, recordAttempt, type OutboxState } from '../../core/index.ts';
import { openDatabase, type Database } from '../db/client.ts';
import type { WebhookEndpointRow, WebhookOutboxRow } from '../db/schema.ts';
import { readEndpoint, readPendingMessages, updateMessageState } from '../db/webhooks.ts';
import type { Env } from '../env.ts';
import { deliverMessage } from './deliver-message.ts';

/** Pending messages read per round; a backlog larger than this drains over several rounds and alarms. */
const PAGE = 100;

/** Rounds per alarm: each round sends the next message of every case, so a case's queue moves several steps. */
const MAX_ROUNDS = 10;

/** The storage key of the tenant this dispatcher serves (a Durable Object does not know the name it was made from). */
const TENANT_KEY = 'tenant';

const stateOf = (row: WebhookOutboxRow): OutboxState => ({
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.nextAttemptAt,
  lastAttemptAt: row.lastAttemptAt,
  lastError: row.lastError,
  deliveredAt: row.deliveredAt,
});

/**
 * One per recipient tenant: drains its webhook outbox. The rows live in D1 (written with the case change), so
 * this object holds nothing but its tenant's id and one alarm: evicted, restarted or redeployed, it re-reads the
 * outbox and carries on. Alarms never overlap, so a message is never in flight twice; a wake only moves the alarm.
 */
export class WebhookDispatcher extends DurableObject<Env> {
  /** Messages wait for `tenant`: send them now (the alarm does, so sending is never concurrent). */
  async wake(tenant: string): Promise<void> {
    if ((await this.ctx.storage.get<string>(TENANT_KEY)) !== tenant) await this.ctx.storage.put(TENANT_KEY, tenant);
    const current = await this.ctx.storage.getAlarm();
    const now = Date.now();
    if (current === null || current > now) await this.ctx.storage.setAlarm(now);
  }

  override async alarm(): Promise<void> {
    const tenant = await this.ctx.storage.get<string>(TENANT_KEY);
    if (tenant === undefined) return;
    const db = openDatabase(this.env.DB);
    const endpoint = await readEndpoint(db, tenant);
    // No endpoint (removed): the rows stay pending; setting one again wakes this object.
    if (endpoint === undefined) return;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const pending = await readPendingMessages(db, tenant, PAGE);
      const sendable = pickSendable(pending, Date.now());
      if (sendable.length === 0) break;
      await Promise.all(sendable.map((message) => this.attempt(db, endpoint, message)));
    }
    const next = findNextWake((await readPendingMessages(db, tenant, PAGE)).map(stateOf));
    if (next !== null) await this.ctx.storage.setAlarm(Math.max(next, Date.now()));
  }

  /** Sends one message and records what came of it (conditional on the state read: an admin's re-queue wins). */
  private async attempt(db: Database, endpoint: WebhookEndpointRow, message: WebhookOutboxRow): Promise<void> {
    const outcome = await deliverMessage(endpoint, message, Date.now());
    const state = stateOf(message);
    await db.batch([updateMessageState(db, message.id, state, recordAttempt(state, outcome, Date.now()))]);
  }
}
