import { and, eq, lte } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { webhookOutbox } from '../db/schema.ts';
import { wakeDispatchers } from './wake-dispatchers.ts';

/** A message this long past due was missed by its dispatcher's alarm (its wake-up was lost), not merely in flight. */
export const OVERDUE_AFTER_MS = 60_000;

/**
 * The cron's sweep (wrangler.toml [triggers]): wakes the dispatcher of every tenant holding a message past due.
 * A wake-up sent after the change's batch can be lost (the request's waitUntil cut short, the object unreachable);
 * the rows are safe in D1, and this finds them within one cron period rather than at the tenant's next change.
 */
export const sweepOutbox = async (db: Database, now: number): Promise<string[]> => {
  const rows = await db
    .selectDistinct({ tenantId: webhookOutbox.tenantId })
    .from(webhookOutbox)
    .where(and(eq(webhookOutbox.status, 'pending'), lte(webhookOutbox.nextAttemptAt, now - OVERDUE_AFTER_MS)))
    .all();
  const tenants = rows.map((row) => row.tenantId);
  wakeDispatchers(tenants);
  return tenants;
};
