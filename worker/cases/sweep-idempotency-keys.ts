import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';

/** At most this many expired replies go per cron run: a bounded write, however long the cron was away. */
export const SWEEP_BATCH = 1000;

/**
 * The cron's sweep of replies kept under an Idempotency-Key (intakes, corrections, API keys): a reply past its
 * IDEMPOTENCY_TTL_MS is never replayed (findStoredReply deletes one it meets), but keys never sent again would
 * stay forever, each holding a sealed reply. Deletes up to `limit` of them, oldest first, by the expiry index;
 * returns how many went.
 */
export const sweepIdempotencyKeys = async (db: Database, now: number, limit = SWEEP_BATCH): Promise<number> => {
  const result = await db.run(
    sql`DELETE FROM idempotency_keys WHERE rowid IN
          (SELECT rowid FROM idempotency_keys WHERE expires_at <= ${now} ORDER BY expires_at LIMIT ${limit})`,
  );
  return result.meta.changes ?? 0;
};
