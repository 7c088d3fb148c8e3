import {
  computeNextAlarm,
  createHallState,
  decide,
  evolve,
  ok,
  type HallCommand,
  type HallConfig,
  type HallEvent,
  type HallState,
  type Result,
} from '../../core/index.ts';
import type { TicketReply } from '../schemas/hall-replies.ts';
import { createHallDayTable, writeClosedDay } from './hall-days.ts';
import { HallIdempotencyKeys } from './hall-idempotency.ts';
import { restoreHallState, serializeHallState, SNAPSHOT_FORMAT } from './hall-snapshot.ts';
import {
  appendEvent,
  createHallTables,
  readAlarmSchedule,
  readEvents,
  readMeta,
  readSnapshot,
  writeAlarmDue,
  writeMeta,
  writeSnapshot,
  type AlarmKind,
  type CommittedEvent,
  type HallStorage,
  type IdempotencyColumns,
  type SqlLike,
} from './hall-storage.ts';
import { presentTicket } from './present-hall.ts';
import { buildTakeCommand, fingerprintTake, type TakeTicketInput } from './take-ticket-input.ts';

export type { TakeTicketInput } from './take-ticket-input.ts';

/**
 * A restart replays at most this many events after the latest snapshot, or half as many as the hall holds
 * tickets if that is more (a snapshot costs O(tickets): taking one every 500 events made a busy day's takes
 * O(tickets) each); a snapshot is also taken at each rollover.
 */
export const SNAPSHOT_EVERY = 500;

/** A command's outcome as the shell sends it. */
export interface CommandOutcome {
  /** The reply as its JSON body: serialised once, stored under the key (if any), passed through to HTTP. */
  readonly reply: string;
  /** True when the reply is the one stored under the Idempotency-Key: nothing was done again. */
  readonly replay: boolean;
  readonly events: readonly CommittedEvent[];
}

export interface TakeOutcome extends CommandOutcome {
  readonly ticketId: string;
}

/** A command's reply, from the state right after it and the events it emitted; it reads the state, never changes it. */
export type BuildReply = (state: HallState, events: readonly HallEvent[], now: number) => unknown;

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
  /** Every live Idempotency-Key of the hall (takes and staff commands): looked up in memory, never in SQL. */
  private idempotency!: HallIdempotencyKeys;

  constructor(storage: HallStorage, config: HallConfig) {
    this.storage = storage;
    this.config = config;
    createHallTables(storage.sql);
    createHallDayTable(storage.sql);
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
    this.idempotency = new HallIdempotencyKeys(sql);
    // A hall whose last rollover predates the day records: keep the closed day it still holds (once).
    if (state.previousStats) writeClosedDay(sql, state.previousStats);
  }

  /** decide → persist → evolve. A domain refusal is a value and writes nothing. */
  execute(command: HallCommand, now: number): Result<CommittedEvent[]> {
    const decided = decide(this.current, command, now);
    if (!decided.ok) return decided;
    return ok(this.commit(decided.value));
  }

  /**
   * A command with an optional Idempotency-Key: the same key and the same request (`fingerprint`) give back the
   * stored reply (no new event); the same key with another request is IDEMPOTENCY_KEY_REUSED. The reply is built
   * by `buildReply` inside the commit, from the state right after the command, and stored as JSON in the command's
   * last event row. Only what changed the hall is stored: a refusal (it may be retried later with the same key)
   * and a command that emits nothing (a repeat answers the same anyway) leave the key free.
   */
  executeOnce(command: HallCommand, key: string | null, fingerprint: string, now: number, buildReply: BuildReply): Result<CommandOutcome> {
    const known = this.idempotency.check(key, fingerprint, now);
    if (!known.ok) return known;
    if (known.value !== null) return ok({ reply: known.value, replay: true, events: [] });
    const decided = decide(this.current, command, now);
    if (!decided.ok) return decided;
    if (decided.value.length === 0) return ok({ reply: JSON.stringify(buildReply(this.current, [], now)), replay: false, events: [] });
    let reply = '';
    const events = this.commit(decided.value, (lastSeq) => {
      reply = JSON.stringify(buildReply(this.current, decided.value, now));
      if (key === null) return null;
      const columns = this.idempotency.record(key, fingerprint, reply, lastSeq, now);
      const due = this.alarms.get('idempotency');
      if (due === undefined || columns.expiresAt < due) this.setAlarmDue('idempotency', columns.expiresAt);
      return columns;
    });
    return ok({ reply, replay: false, events });
  }

  /** 取号 with an optional Idempotency-Key (a kiosk's retry never prints two tickets): executeOnce for a take. */
  takeTicket(input: TakeTicketInput, key: string | null, ticketId: string, now: number): Result<TakeOutcome> {
    const done = this.executeOnce(buildTakeCommand(input, ticketId), key, fingerprintTake(input), now, (state) => {
      const taken = state.tickets.get(ticketId);
      if (!taken) throw new Error(`ticket ${ticketId} missing after its take`);
      return presentTicket(state, taken, now);
    });
    if (!done.ok) return done;
    const { reply, replay, events } = done.value;
    return ok({ ticketId: replay ? (JSON.parse(reply) as TicketReply).id : ticketId, reply, replay, events });
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
      if (keysDue !== undefined && keysDue <= now) this.setAlarmDue('idempotency', this.idempotency.sweep(now, this.last + 1));
      this.setAlarmDue('queue', computeNextAlarm(this.current));
    });
    return events;
  }

  /** Persisted events after `seq`, at most `limit` (a live client catching up on a gap). */
  readEventsAfter(seq: number, limit: number): CommittedEvent[] {
    return [...readEvents(this.storage.sql, seq, limit)];
  }

  /**
   * Applies `events` with the next seqs and writes each as one row (the last one with what `attach` returns:
   * it sees the new state), snapshots when due and updates the alarm schedule, all in one transaction. If
   * anything throws, SQLite rolls back and the in-memory state, which evolve may already have moved, is
   * rebuilt from storage before rethrowing.
   */
  private commit(events: readonly HallEvent[], attach?: (lastSeq: number) => IdempotencyColumns | null): CommittedEvent[] {
    const { sql } = this.storage;
    try {
      return this.storage.transactionSync(() => {
        const committed: CommittedEvent[] = [];
        let rolledOver = false;
        for (const event of events) {
          evolve(this.current, event);
          committed.push({ seq: ++this.last, event });
          if (event.type === 'dayRolledOver') {
            rolledOver = true;
            // The day just closed becomes a durable record, in the transaction of the event that closed it.
            if (event.fromDay !== null && this.current.previousStats) writeClosedDay(sql, this.current.previousStats);
          }
        }
        const idem = attach?.(this.last) ?? null;
        for (let i = 0; i < committed.length; i++) {
          const { seq, event } = committed[i]!;
          appendEvent(sql, seq, event, i === committed.length - 1 ? idem : null);
        }
        this.sinceSnapshot += events.length;
        const every = Math.max(SNAPSHOT_EVERY, this.current.tickets.size >> 1);
        if (this.sinceSnapshot >= every || (rolledOver && this.sinceSnapshot > 0)) {
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
