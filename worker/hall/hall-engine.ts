import {
  computeNextAlarm,
  createHallState,
  decide,
  err,
  evolve,
  ok,
  type HallCommand,
  type HallConfig,
  type HallEvent,
  type HallState,
  type PriorityReason,
  type Result,
  type TicketClass,
} from '../../core/index.ts';
import type { TicketReply } from '../schemas/hall-replies.ts';
import { restoreHallState, serializeHallState, SNAPSHOT_FORMAT } from './hall-snapshot.ts';
import {
  appendEvent,
  createHallTables,
  deleteExpiredIdempotencyRecords,
  findIdempotencyRecord,
  readAlarmSchedule,
  readEarliestIdempotencyExpiry,
  readEvents,
  readMeta,
  readSnapshot,
  saveIdempotencyRecord,
  writeAlarmDue,
  writeMeta,
  writeSnapshot,
  type AlarmKind,
  type CommittedEvent,
  type HallStorage,
  type SqlLike,
} from './hall-storage.ts';
import { presentTicket } from './present-hall.ts';

/** A kiosk retry can come late (a printer jam, a network outage); a day covers every honest retry. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** A restart replays at most this many events after the latest snapshot (and a snapshot is taken at each rollover). */
export const SNAPSHOT_EVERY = 500;

/** 取号 as the shell receives it: validated, with the appointment slot as epoch ms. */
export interface TakeTicketInput {
  readonly class: TicketClass;
  readonly matterCode?: string;
  readonly phone?: string;
  readonly priorityReason?: PriorityReason;
  readonly appointmentSlot?: number;
}

export interface TakeOutcome {
  readonly ticket: TicketReply;
  /** True when the reply is the one stored under the Idempotency-Key: no new ticket was made. */
  readonly replay: boolean;
  readonly events: readonly CommittedEvent[];
}

/** What makes two takes "the same request": the fields, in a fixed order (key order and spacing do not matter). */
const fingerprintTake = (input: TakeTicketInput): string =>
  JSON.stringify([input.class, input.matterCode ?? null, input.phone ?? null, input.priorityReason ?? null, input.appointmentSlot ?? null]);

/** Which hall a Durable Object's storage belongs to (written on first use), so an alarm after a restart knows its config. */
export const readStoredHallId = (sql: SqlLike): string | null => {
  createHallTables(sql);
  return readMeta(sql, 'hall_id');
};

/**
 * The imperative shell around core/hall, minus the platform: it holds the state, asks decide(), writes the
 * events (and the snapshot, the idempotency record, the alarm schedule) in ONE transaction, then applies them
 * with evolve(). Everything is synchronous, so in a Durable Object no other request interleaves a command.
 */
export class HallEngine {
  readonly config: HallConfig;
  private readonly storage: HallStorage;
  private current!: HallState;
  private last = 0;
  private sinceSnapshot = 0;
  private alarms = new Map<AlarmKind, number>();

  constructor(storage: HallStorage, config: HallConfig) {
    this.storage = storage;
    this.config = config;
    createHallTables(storage.sql);
    const stored = readMeta(storage.sql, 'hall_id');
    if (stored !== null && stored !== config.hallId) throw new Error(`storage of hall ${stored} opened as ${config.hallId}`);
    if (stored === null) writeMeta(storage.sql, 'hall_id', config.hallId);
    this.load();
  }

  /** The live state; read it, never change it (only commit() does, through evolve). */
  get state(): HallState {
    return this.current;
  }

  /** The seq of the last persisted event (0 before any). */
  get lastSeq(): number {
    return this.last;
  }

  /** When the one alarm should next fire: the earliest due time over every kind, or null. */
  get nextAlarmAt(): number | null {
    let next: number | null = null;
    for (const due of this.alarms.values()) if (next === null || due < next) next = due;
    return next;
  }

  /** Rebuilds the state from storage: the latest snapshot of this format, then the events after it. */
  load(): void {
    const { sql } = this.storage;
    const snapshot = readSnapshot(sql);
    let state: HallState | null = null;
    let from = 0;
    if (snapshot && snapshot.format === SNAPSHOT_FORMAT) {
      state = restoreHallState(this.config, snapshot.json);
      if (state) from = snapshot.seq;
    }
    state ??= createHallState(this.config);
    let last = from;
    let replayed = 0;
    for (const { seq, event } of readEvents(sql, from)) {
      evolve(state, event);
      last = seq;
      replayed++;
    }
    this.current = state;
    this.last = last;
    this.sinceSnapshot = replayed;
    this.alarms = readAlarmSchedule(sql);
  }

  /** decide → persist → evolve. A domain refusal is a value and writes nothing. */
  execute(command: HallCommand, now: number): Result<CommittedEvent[]> {
    const decided = decide(this.current, command, now);
    if (!decided.ok) return decided;
    return ok(this.commit(decided.value));
  }

  /**
   * 取号 with an optional Idempotency-Key: the same key and the same request give back the stored reply
   * (the same ticket, no new event); the same key with another request is IDEMPOTENCY_KEY_REUSED.
   * Only successes are stored: a refused take (e.g. outside hours) may be retried later with the same key.
   */
  takeTicket(input: TakeTicketInput, key: string | null, ticketId: string, now: number): Result<TakeOutcome> {
    const fingerprint = fingerprintTake(input);
    if (key !== null) {
      const stored = findIdempotencyRecord(this.storage.sql, key, now);
      if (stored) {
        if (stored.fingerprint !== fingerprint) return err('IDEMPOTENCY_KEY_REUSED', { idempotencyKey: key });
        return ok({ ticket: JSON.parse(stored.reply) as TicketReply, replay: true, events: [] });
      }
    }
    const decided = decide(
      this.current,
      {
        type: 'takeTicket',
        ticketId,
        class: input.class,
        ...(input.matterCode === undefined ? {} : { matterCode: input.matterCode }),
        ...(input.phone === undefined ? {} : { phone: input.phone }),
        ...(input.priorityReason === undefined ? {} : { priorityReason: input.priorityReason }),
        ...(input.appointmentSlot === undefined ? {} : { appointment: { slotStart: input.appointmentSlot } }),
      },
      now,
    );
    if (!decided.ok) return decided;
    let ticket: TicketReply | undefined;
    const events = this.commit(decided.value, () => {
      const taken = this.current.tickets.get(ticketId);
      if (!taken) throw new Error(`ticket ${ticketId} missing after its take`);
      ticket = presentTicket(this.current, taken, now);
      if (key !== null) {
        const expiresAt = now + IDEMPOTENCY_TTL_MS;
        saveIdempotencyRecord(this.storage.sql, key, { fingerprint, reply: JSON.stringify(ticket) }, now, expiresAt);
        const due = this.alarms.get('idempotency');
        if (due === undefined || expiresAt < due) this.setAlarmDue('idempotency', expiresAt);
      }
    });
    return ok({ ticket: ticket!, replay: false, events });
  }

  /**
   * The one alarm: the queue's timers (midnight rollover, recall timeouts → no-show) and the sweep of expired
   * idempotency keys, each done when due; then the schedule is recomputed.
   */
  runAlarm(now: number): CommittedEvent[] {
    const events: CommittedEvent[] = [];
    const queueDue = this.alarms.get('queue');
    if (queueDue !== undefined && queueDue <= now) {
      for (const command of [{ type: 'rolloverDay' }, { type: 'tick' }] as const) {
        const result = this.execute(command, now);
        if (result.ok) events.push(...result.value);
      }
    }
    this.storage.transactionSync(() => {
      const keysDue = this.alarms.get('idempotency');
      if (keysDue !== undefined && keysDue <= now) {
        deleteExpiredIdempotencyRecords(this.storage.sql, now);
        this.setAlarmDue('idempotency', readEarliestIdempotencyExpiry(this.storage.sql));
      }
      this.setAlarmDue('queue', computeNextAlarm(this.current));
    });
    return events;
  }

  /** Persisted events after `seq`, at most `limit` (a live client catching up on a gap). */
  readEventsAfter(seq: number, limit: number): CommittedEvent[] {
    return [...readEvents(this.storage.sql, seq, limit)];
  }

  /**
   * Writes `events` with the next seqs, applies them, runs `alsoWrite` (which sees the new state), snapshots
   * when due and updates the alarm schedule, all in one transaction. If anything throws, SQLite rolls back and
   * the in-memory state, which evolve may already have moved, is rebuilt from storage before rethrowing.
   */
  private commit(events: readonly HallEvent[], alsoWrite?: () => void): CommittedEvent[] {
    const { sql } = this.storage;
    try {
      return this.storage.transactionSync(() => {
        const committed: CommittedEvent[] = [];
        let rolledOver = false;
        for (const event of events) {
          const seq = this.last + 1;
          appendEvent(sql, seq, event);
          evolve(this.current, event);
          this.last = seq;
          committed.push({ seq, event });
          if (event.type === 'dayRolledOver') rolledOver = true;
        }
        alsoWrite?.();
        this.sinceSnapshot += events.length;
        if (this.sinceSnapshot >= SNAPSHOT_EVERY || (rolledOver && this.sinceSnapshot > 0)) {
          writeSnapshot(sql, this.last, SNAPSHOT_FORMAT, serializeHallState(this.current));
          this.sinceSnapshot = 0;
        }
        if (events.length > 0) this.setAlarmDue('queue', computeNextAlarm(this.current));
        return committed;
      });
    } catch (error) {
      this.load();
      throw error;
    }
  }

  /** Writes a kind's due time (inside the caller's transaction) when it changed. */
  private setAlarmDue(kind: AlarmKind, due: number | null): void {
    const current = this.alarms.get(kind) ?? null;
    if (current === due) return;
    writeAlarmDue(this.storage.sql, kind, due);
    if (due === null) this.alarms.delete(kind);
    else this.alarms.set(kind, due);
  }
}
