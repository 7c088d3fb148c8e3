import type { HallEvent } from '../../core/index.ts';

/**
 * The hall's SQLite tables and the small functions that read and write them. Storage is a structural type
 * (what `ctx.storage` of a SQLite-backed Durable Object provides), never a Workers type, so the engine can be
 * driven by any SQLite with the same surface.
 */

type SqlValue = ArrayBuffer | string | number | null;
type Row = Record<string, SqlValue>;

export interface SqlCursorLike<T> extends Iterable<T> {
  toArray(): T[];
}

export interface SqlLike {
  exec<T extends Row>(query: string, ...bindings: any[]): SqlCursorLike<T>;
}

export interface HallStorage {
  readonly sql: SqlLike;
  /** Runs `fn` in one SQLite transaction: all of its writes commit, or none (it rolls back if `fn` throws). */
  transactionSync<T>(fn: () => T): T;
}

/** One persisted event: its number in the hall's log (1, 2, 3 … with no gaps) and the event. */
export interface CommittedEvent {
  readonly seq: number;
  readonly event: HallEvent;
}

/** A Durable Object's SQLite row holds at most 2 MB; a character is at most 3 UTF-8 bytes, so parts stay well below. */
const SNAPSHOT_PART_CHARS = 256 * 1024;

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS hall_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  // The event log: the source of truth; the snapshot is only a shortcut through it.
  `CREATE TABLE IF NOT EXISTS hall_events (seq INTEGER PRIMARY KEY, type TEXT NOT NULL, json TEXT NOT NULL, at INTEGER NOT NULL)`,
  // One snapshot at a time, split in parts; its event seq and format live in hall_meta.
  `CREATE TABLE IF NOT EXISTS hall_snapshot (part INTEGER PRIMARY KEY, json TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS hall_idempotency (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, reply TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS hall_idempotency_expiry ON hall_idempotency (expires_at)`,
  // The due times the one alarm is multiplexed over, by kind.
  `CREATE TABLE IF NOT EXISTS hall_alarms (kind TEXT PRIMARY KEY, due_at INTEGER NOT NULL)`,
];

export const createHallTables = (sql: SqlLike): void => {
  for (const statement of SCHEMA) sql.exec(statement);
};

export const readMeta = (sql: SqlLike, key: string): string | null => {
  const [row] = sql.exec<{ value: string }>('SELECT value FROM hall_meta WHERE key = ?', key).toArray();
  return row ? row.value : null;
};

export const writeMeta = (sql: SqlLike, key: string, value: string): void => {
  sql.exec('INSERT INTO hall_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key, value);
};

export const appendEvent = (sql: SqlLike, seq: number, event: HallEvent): void => {
  sql.exec('INSERT INTO hall_events (seq, type, json, at) VALUES (?, ?, ?, ?)', seq, event.type, JSON.stringify(event), event.at);
};

export const readLastEventSeq = (sql: SqlLike): number => {
  const [row] = sql.exec<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM hall_events').toArray();
  return row?.seq ?? 0;
};

/** Events after `afterSeq` in log order, streamed from SQLite; at most `limit` of them. */
export function* readEvents(sql: SqlLike, afterSeq: number, limit = Number.MAX_SAFE_INTEGER): Generator<CommittedEvent> {
  const rows = sql.exec<{ seq: number; json: string }>(
    'SELECT seq, json FROM hall_events WHERE seq > ? ORDER BY seq LIMIT ?',
    afterSeq,
    limit,
  );
  for (const row of rows) yield { seq: row.seq, event: JSON.parse(row.json) as HallEvent };
}

export interface StoredSnapshot {
  readonly seq: number;
  readonly format: string;
  readonly json: string;
}

export const writeSnapshot = (sql: SqlLike, seq: number, format: string, json: string): void => {
  sql.exec('DELETE FROM hall_snapshot');
  for (let part = 0, at = 0; at < json.length; part++, at += SNAPSHOT_PART_CHARS) {
    sql.exec('INSERT INTO hall_snapshot (part, json) VALUES (?, ?)', part, json.slice(at, at + SNAPSHOT_PART_CHARS));
  }
  writeMeta(sql, 'snapshot_seq', String(seq));
  writeMeta(sql, 'snapshot_format', format);
};

export const readSnapshot = (sql: SqlLike): StoredSnapshot | null => {
  const seq = readMeta(sql, 'snapshot_seq');
  const format = readMeta(sql, 'snapshot_format');
  if (seq === null || format === null) return null;
  const parts = sql.exec<{ json: string }>('SELECT json FROM hall_snapshot ORDER BY part').toArray();
  return { seq: Number(seq), format, json: parts.map((p) => p.json).join('') };
};

export interface IdempotencyRecord {
  readonly fingerprint: string;
  readonly reply: string;
}

/** The stored reply under `key`, unless it has expired (an expired row is as good as absent until swept). */
export const findIdempotencyRecord = (sql: SqlLike, key: string, now: number): IdempotencyRecord | null => {
  const [row] = sql
    .exec<{ fingerprint: string; reply: string }>(
      'SELECT fingerprint, reply FROM hall_idempotency WHERE key = ? AND expires_at > ?',
      key,
      now,
    )
    .toArray();
  return row ?? null;
};

export const saveIdempotencyRecord = (sql: SqlLike, key: string, record: IdempotencyRecord, now: number, expiresAt: number): void => {
  sql.exec(
    `INSERT INTO hall_idempotency (key, fingerprint, reply, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET fingerprint = excluded.fingerprint, reply = excluded.reply,
       created_at = excluded.created_at, expires_at = excluded.expires_at`,
    key,
    record.fingerprint,
    record.reply,
    now,
    expiresAt,
  );
};

export const deleteExpiredIdempotencyRecords = (sql: SqlLike, now: number): void => {
  sql.exec('DELETE FROM hall_idempotency WHERE expires_at <= ?', now);
};

export const readEarliestIdempotencyExpiry = (sql: SqlLike): number | null => {
  const [row] = sql.exec<{ due: number | null }>('SELECT MIN(expires_at) AS due FROM hall_idempotency').toArray();
  return row?.due ?? null;
};

/** What the one alarm is multiplexed over: the queue's own timers (recall timeouts, midnight) and key expiry. */
export type AlarmKind = 'queue' | 'idempotency';

export const readAlarmSchedule = (sql: SqlLike): Map<AlarmKind, number> =>
  new Map(
    sql.exec<{ kind: AlarmKind; due_at: number }>('SELECT kind, due_at FROM hall_alarms').toArray().map((r) => [r.kind, r.due_at]),
  );

export const writeAlarmDue = (sql: SqlLike, kind: AlarmKind, dueAt: number | null): void => {
  if (dueAt === null) sql.exec('DELETE FROM hall_alarms WHERE kind = ?', kind);
  else {
    sql.exec(
      'INSERT INTO hall_alarms (kind, due_at) VALUES (?, ?) ON CONFLICT (kind) DO UPDATE SET due_at = excluded.due_at',
      kind,
      dueAt,
    );
  }
};
