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
  // A command with an Idempotency-Key (a take, a staff action) carries the key and its reply in its last event row: one insert.
  `CREATE TABLE IF NOT EXISTS hall_events (seq INTEGER PRIMARY KEY, type TEXT NOT NULL, json TEXT NOT NULL, at INTEGER NOT NULL,
     idem_key TEXT, idem_fingerprint TEXT, idem_reply TEXT, idem_expires_at INTEGER)`,
  // One snapshot at a time, split in parts; its event seq and format live in hall_meta.
  `CREATE TABLE IF NOT EXISTS hall_snapshot (part INTEGER PRIMARY KEY, json TEXT NOT NULL)`,
  // Before format 2 the keys had a table of their own; its rows are honoured until they expire.
  `CREATE TABLE IF NOT EXISTS hall_idempotency (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, reply TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS hall_idempotency_expiry ON hall_idempotency (expires_at)`,
  // The due times the one alarm is multiplexed over, by kind.
  `CREATE TABLE IF NOT EXISTS hall_alarms (kind TEXT PRIMARY KEY, due_at INTEGER NOT NULL)`,
];

/** Columns added to hall_events by format 2 (halls stored before it get them on open). */
const IDEMPOTENCY_COLUMNS = ['idem_key TEXT', 'idem_fingerprint TEXT', 'idem_reply TEXT', 'idem_expires_at INTEGER'];

export const createHallTables = (sql: SqlLike): void => {
  for (const statement of SCHEMA) sql.exec(statement);
  if (readMeta(sql, 'events_format') !== '2') {
    const have = new Set(sql.exec<{ name: string }>('PRAGMA table_info(hall_events)').toArray().map((c) => c.name));
    for (const column of IDEMPOTENCY_COLUMNS) {
      if (!have.has(column.split(' ')[0]!)) sql.exec(`ALTER TABLE hall_events ADD COLUMN ${column}`);
    }
    writeMeta(sql, 'events_format', '2');
  }
  // No index on idem_key: a second B-tree page per commit cost a take ~10% (bench/hall-http.ts). The engine is the
  // only writer and checks its in-memory key map, and keyed rows are found by seq (see readIdempotencyKeys).
  sql.exec('DROP INDEX IF EXISTS hall_events_idem_key');
};

export const readMeta = (sql: SqlLike, key: string): string | null => {
  const [row] = sql.exec<{ value: string }>('SELECT value FROM hall_meta WHERE key = ?', key).toArray();
  return row ? row.value : null;
};

export const writeMeta = (sql: SqlLike, key: string, value: string): void => {
  sql.exec('INSERT INTO hall_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key, value);
};

/** What a command with an Idempotency-Key stores beside its last event: the key, the request's fingerprint, the reply. */
export interface IdempotencyColumns {
  readonly key: string;
  readonly fingerprint: string;
  readonly reply: string;
  readonly expiresAt: number;
}

export const appendEvent = (sql: SqlLike, seq: number, event: HallEvent, idem: IdempotencyColumns | null = null): void => {
  sql.exec(
    'INSERT INTO hall_events (seq, type, json, at, idem_key, idem_fingerprint, idem_reply, idem_expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    seq,
    event.type,
    JSON.stringify(event),
    event.at,
    idem?.key ?? null,
    idem?.fingerprint ?? null,
    idem?.reply ?? null,
    idem?.expiresAt ?? null,
  );
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

/** A live key as the engine keeps it in memory; `seq` 0 is a key from the pre-format-2 table. */
export interface KeyEntry {
  readonly seq: number;
  readonly fingerprint: string;
  readonly expiresAt: number;
}

/**
 * Every stored key (expired ones too, until swept), oldest first: loaded once, then kept in memory. Only
 * events after `keys_after_seq` (moved on by each sweep) can hold a key, so the scan is a day's events at most.
 */
export const readIdempotencyKeys = (sql: SqlLike): Map<string, KeyEntry> => {
  const keys = new Map<string, KeyEntry>();
  for (const r of sql.exec<{ key: string; fingerprint: string; expires_at: number }>(
    'SELECT key, fingerprint, expires_at FROM hall_idempotency ORDER BY expires_at',
  )) {
    keys.set(r.key, { seq: 0, fingerprint: r.fingerprint, expiresAt: r.expires_at });
  }
  for (const r of sql.exec<{ seq: number; idem_key: string; idem_fingerprint: string; idem_expires_at: number }>(
    'SELECT seq, idem_key, idem_fingerprint, idem_expires_at FROM hall_events WHERE seq > ? AND idem_key IS NOT NULL ORDER BY seq',
    Number(readMeta(sql, 'keys_after_seq') ?? 0),
  )) {
    keys.set(r.idem_key, { seq: r.seq, fingerprint: r.idem_fingerprint, expiresAt: r.idem_expires_at });
  }
  return keys;
};

/** The reply stored with a key (only a replay reads it: the hot path never reads SQL). */
export const readIdempotentReply = (sql: SqlLike, key: string, entry: KeyEntry): string | null => {
  const [row] =
    entry.seq === 0
      ? sql.exec<{ reply: string }>('SELECT reply FROM hall_idempotency WHERE key = ?', key).toArray()
      : sql.exec<{ reply: string }>('SELECT idem_reply AS reply FROM hall_events WHERE seq = ?', entry.seq).toArray();
  return row?.reply ?? null;
};

/** Frees an expired key so it can be given to a new request (the event itself stays in the log). */
export const releaseIdempotencyKey = (sql: SqlLike, key: string, entry: KeyEntry): void => {
  if (entry.seq === 0) sql.exec('DELETE FROM hall_idempotency WHERE key = ?', key);
  else sql.exec('UPDATE hall_events SET idem_key = NULL, idem_fingerprint = NULL, idem_reply = NULL WHERE seq = ?', entry.seq);
};

/** Forgets the keys expired at `now`; no live key is at or before `keysAfterSeq` any more (the next load starts there). */
export const deleteExpiredIdempotencyRecords = (sql: SqlLike, now: number, keysAfterSeq: number): void => {
  sql.exec(
    `UPDATE hall_events SET idem_key = NULL, idem_fingerprint = NULL, idem_reply = NULL
     WHERE seq > ? AND idem_key IS NOT NULL AND idem_expires_at <= ?`,
    Number(readMeta(sql, 'keys_after_seq') ?? 0),
    now,
  );
  sql.exec('DELETE FROM hall_idempotency WHERE expires_at <= ?', now);
  writeMeta(sql, 'keys_after_seq', String(keysAfterSeq));
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
