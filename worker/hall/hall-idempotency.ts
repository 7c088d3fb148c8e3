import { err, ok, type HallCommand, type Result } from '../../core/index.ts';
import {
  deleteExpiredIdempotencyRecords,
  readIdempotencyKeys,
  readIdempotentReply,
  releaseIdempotencyKey,
  type IdempotencyColumns,
  type KeyEntry,
  type SqlLike,
} from './hall-storage.ts';

/** A retry can come late (a printer jam, a network outage, a console rebooted); a day covers every honest retry. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * What makes two staff commands "the same request": every field of the command, its kind and its target (ticket or
 * window) included, in a fixed order. A take's fingerprint is an array of its fields (hall-engine.ts), never an
 * array of pairs like this one, so no take and no command can share a fingerprint either.
 */
export const fingerprintCommand = (command: HallCommand): string =>
  JSON.stringify(
    Object.entries(command)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );

/**
 * A hall's Idempotency-Keys (takes and staff commands share them): every live key in memory, oldest first, so a
 * request looks its key up without SQL; the reply itself stays in the event row that stored it and is read only
 * on a replay. The engine calls record() inside the transaction that writes that row.
 */
export class HallIdempotencyKeys {
  private readonly sql: SqlLike;
  private readonly keys: Map<string, KeyEntry>;

  /** Reads the keys once (the engine builds a new one on every load: a restart, a rolled-back transaction). */
  constructor(sql: SqlLike) {
    this.sql = sql;
    this.keys = readIdempotencyKeys(sql);
  }

  /**
   * What `key` means for a request with `fingerprint` at `now`: ok(null) to act (no key, unknown, or expired),
   * ok(reply) to replay the stored JSON reply, or IDEMPOTENCY_KEY_REUSED when the key was given to another request.
   */
  check(key: string | null, fingerprint: string, now: number): Result<string | null> {
    if (key === null) return ok(null);
    const stored = this.keys.get(key);
    if (stored === undefined || stored.expiresAt <= now) return ok(null);
    if (stored.fingerprint !== fingerprint) return err('IDEMPOTENCY_KEY_REUSED', { idempotencyKey: key });
    const reply = readIdempotentReply(this.sql, key, stored);
    return reply === null ? err('INTERNAL', { reason: `idempotency key ${key} has no stored reply` }) : ok(reply);
  }

  /** Gives `key` to the request whose last event is `seq`; returns the columns to write on that row. */
  record(key: string, fingerprint: string, reply: string, seq: number, now: number): IdempotencyColumns {
    const stored = this.keys.get(key);
    // An expired key not yet swept: free it for this request.
    if (stored !== undefined) releaseIdempotencyKey(this.sql, key, stored);
    const expiresAt = now + IDEMPOTENCY_TTL_MS;
    this.keys.delete(key);
    this.keys.set(key, { seq, fingerprint, expiresAt });
    return { key, fingerprint, reply, expiresAt };
  }

  /**
   * Forgets the keys expired at `now` (in memory and in storage; call it inside a transaction); `nextSeq` is the
   * seq the next event will get. Returns the earliest expiry still ahead, or null when no key is left.
   */
  sweep(now: number, nextSeq: number): number | null {
    let earliest: number | null = null;
    let firstSeq = nextSeq;
    for (const [key, entry] of this.keys) {
      if (entry.expiresAt <= now) this.keys.delete(key);
      else {
        if (earliest === null || entry.expiresAt < earliest) earliest = entry.expiresAt;
        if (entry.seq > 0 && entry.seq < firstSeq) firstSeq = entry.seq;
      }
    }
    deleteExpiredIdempotencyRecords(this.sql, now, firstSeq - 1);
    return earliest;
  }
}
