import { DurableObject } from 'cloudflare:workers';
import { err, ok, type HallCommand, type IsoDate, type Result } from '../core/index.ts';
import type { Env } from './env.ts';
import { findHallConfig } from './hall/hall-configs.ts';
import { listHallDays, type HallDayRecord } from './hall/hall-days.ts';
import { buildCallReply, buildTicketActionReply, buildWindowReply } from './hall/command-replies.ts';
import { HallEngine, readStoredHallId, type BuildReply, type TakeTicketInput } from './hall/hall-engine.ts';
import { fingerprintCommand } from './hall/hall-idempotency.ts';
import type { CommittedEvent } from './hall/hall-storage.ts';
import { encodeErrorMessage, encodeEventMessage, encodeSnapshotMessage, MAX_CATCH_UP, parseClientMessage } from './hall/live-feed.ts';
import { presentQueue, presentStats, presentTicket, viewStateAt } from './hall/present-hall.ts';
import type { QueueReply, StatsReply, TicketReply } from './schemas/hall-replies.ts';

/** Staff commands on one ticket (the core's commands, as the routes build them). */
export type TicketCommand = Extract<HallCommand, { type: 'recall' | 'startServing' | 'complete' | 'markNoShow' | 'transfer' | 'cancel' }>;
/**
 * A command's reply as it crosses RPC: its JSON body (a CallReply, TicketActionReply or WindowReply), serialised
 * once where it is also stored under the Idempotency-Key, and whether it is that stored reply.
 */
export interface CommandReply {
  readonly reply: string;
  readonly replay: boolean;
}
/** A take as it crosses RPC: the ticket's id besides its JSON reply body (a TicketReply). */
export interface TakeReply extends CommandReply {
  readonly ticketId: string;
}
/** Commands on one window. */
export type WindowCommand = Extract<HallCommand, { type: 'openWindow' | 'pauseWindow' | 'resumeWindow' | 'closeWindow' }>;

const LIVE_PATH = /^\/v1\/halls\/([^/]+)\/live$/;

/**
 * One hall's queue (统一取号), one object per hall by name. The shell around core/hall: each RPC runs the
 * engine synchronously (decide → one transaction → evolve), so two windows can never be given the same
 * ticket, then broadcasts the persisted events to the hibernatable WebSockets and re-arms the one alarm.
 * Replies are Result values: a domain refusal crosses RPC as data, never as an exception.
 */
export class HallObject extends DurableObject<Env> {
  /** The clock. Tests replace it (via runInDurableObject) to reach a recall timeout or midnight. */
  clock: () => number = () => Date.now();
  private engine: HallEngine | null = null;
  /** The alarm time last asked of storage (undefined: not yet this instance). */
  private alarmAt: number | null | undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Keep-alives are answered by the runtime: a board's ping never wakes a hibernating hall.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('ping', 'pong'));
    // Load before any request or alarm is delivered: a restart or eviction resumes exactly where the log ends.
    void ctx.blockConcurrencyWhile(async () => {
      const hallId = readStoredHallId(ctx.storage.sql) ?? ctx.id.name ?? null;
      if (hallId !== null) this.openEngine(hallId);
    });
  }

  /**
   * 取号. The ticket comes back as its JSON text (`reply`), the very body the route sends: it is serialised
   * once, here, where it is also stored as the idempotent reply, instead of cloned over RPC and stringified again.
   */
  async takeTicket(hallId: string, input: TakeTicketInput, idempotencyKey: string | null): Promise<Result<TakeReply>> {
    const engine = this.openEngine(hallId);
    if (!engine.ok) return engine;
    const taken = engine.value.takeTicket(input, idempotencyKey, crypto.randomUUID(), this.clock());
    if (!taken.ok) return taken;
    await this.afterCommit(taken.value.events);
    return ok({ ticketId: taken.value.ticketId, reply: taken.value.reply, replay: taken.value.replay });
  }

  /**
   * 叫号: the window's next ticket, or null when nobody waits for it. With an Idempotency-Key a retry gets the
   * ticket it was given (not WINDOW_BUSY: the window now holds it); so do the commands below.
   */
  async callNext(hallId: string, windowId: string, idempotencyKey: string | null = null): Promise<Result<CommandReply | null>> {
    const called = await this.runCommand(hallId, { type: 'callNext', windowId }, idempotencyKey, buildCallReply);
    return !called.ok && called.error.code === 'QUEUE_EMPTY' ? ok(null) : called;
  }

  /** Recall, start, complete, no-show, transfer, cancel: the ticket after it (a TicketActionReply). */
  async actOnTicket(hallId: string, command: TicketCommand, idempotencyKey: string | null = null): Promise<Result<CommandReply>> {
    return this.runCommand(hallId, command, idempotencyKey, buildTicketActionReply(command.ticketId));
  }

  /** Open, pause, resume, close: the window after it (a WindowReply). */
  async actOnWindow(hallId: string, command: WindowCommand, idempotencyKey: string | null = null): Promise<Result<CommandReply>> {
    return this.runCommand(hallId, command, idempotencyKey, buildWindowReply(command.windowId));
  }

  async getTicket(hallId: string, ticketId: string): Promise<Result<TicketReply>> {
    const engine = this.openEngine(hallId);
    if (!engine.ok) return engine;
    const now = this.clock();
    const state = viewStateAt(engine.value.state, now);
    const ticket = state.tickets.get(ticketId);
    return ticket ? ok(presentTicket(state, ticket, now)) : err('TICKET_NOT_FOUND', { ticketId });
  }

  async getQueue(hallId: string): Promise<Result<QueueReply>> {
    const engine = this.openEngine(hallId);
    if (!engine.ok) return engine;
    return ok(presentQueue(engine.value.state, engine.value.lastSeq, this.clock()));
  }

  /** Today's figures, or the previous day's (null when the hall has no previous day yet). */
  async getStats(hallId: string, which: 'today' | 'previous'): Promise<Result<StatsReply | null>> {
    const engine = this.openEngine(hallId);
    if (!engine.ok) return engine;
    const now = this.clock();
    return ok(presentStats(viewStateAt(engine.value.state, now), now, which));
  }

  /**
   * 日统计 from `from` to `to` (Beijing dates, inclusive): the days written at each rollover, plus today's live
   * counters (and the previous day's, should its midnight alarm not have run yet). Sums and histograms only.
   */
  async listDayStats(hallId: string, from: IsoDate, to: IsoDate): Promise<Result<HallDayRecord[]>> {
    const engine = this.openEngine(hallId);
    if (!engine.ok) return engine;
    return ok(listHallDays(this.ctx.storage.sql, viewStateAt(engine.value.state, this.clock()), from, to));
  }

  /** The live feed: the route forwards the Upgrade request here; the socket hibernates between events. */
  override async fetch(request: Request): Promise<Response> {
    const match = LIVE_PATH.exec(new URL(request.url).pathname);
    const engine = this.openEngine(decodeURIComponent(match?.[1] ?? ''));
    if (!engine.ok) return new Response(null, { status: 404 });
    if (request.headers.get('Upgrade')?.toLowerCase() !== 'websocket') return new Response(null, { status: 426 });
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server);
    server.send(encodeSnapshotMessage(presentQueue(engine.value.state, engine.value.lastSeq, this.clock())));
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    const engine = this.engine;
    if (!engine) return;
    const message = parseClientMessage(data);
    if (!message) {
      ws.send(encodeErrorMessage('INVALID_INPUT', { expected: '{"type":"since","seq":N} or {"type":"resync"}' }));
      return;
    }
    const behind = message.type === 'since' ? engine.lastSeq - message.seq : Number.POSITIVE_INFINITY;
    if (message.type === 'resync' || behind > MAX_CATCH_UP || behind < 0) {
      ws.send(encodeSnapshotMessage(presentQueue(engine.state, engine.lastSeq, this.clock())));
      return;
    }
    for (const committed of engine.readEventsAfter(message.seq, MAX_CATCH_UP)) ws.send(encodeEventMessage(committed));
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    try {
      ws.close(code === 1005 ? 1000 : code, reason);
    } catch {
      // Already closed: nothing to answer.
    }
  }

  /** The one alarm: recall timeouts, the midnight rollover and the idempotency sweep, whichever are due. */
  override async alarm(): Promise<void> {
    const engine = this.engine;
    if (!engine) return;
    // The runtime has cleared the alarm that is firing: re-arm whatever is still scheduled.
    this.alarmAt = undefined;
    await this.afterCommit(engine.runAlarm(this.clock()));
  }

  /** One staff command, at most once per Idempotency-Key; its events go to the boards. */
  private async runCommand(hallId: string, command: HallCommand, key: string | null, buildReply: BuildReply): Promise<Result<CommandReply>> {
    const engine = this.openEngine(hallId);
    if (!engine.ok) return engine;
    const done = engine.value.executeOnce(command, key, fingerprintCommand(command), this.clock(), buildReply);
    if (!done.ok) return done;
    await this.afterCommit(done.value.events);
    return ok({ reply: done.value.reply, replay: done.value.replay });
  }

  /** The engine of this object's hall; an unknown hall (or another hall's name) is HALL_NOT_FOUND. */
  private openEngine(hallId: string): Result<HallEngine> {
    if (this.engine) return this.engine.config.hallId === hallId ? ok(this.engine) : err('HALL_NOT_FOUND', { hall: hallId });
    const config = findHallConfig(hallId);
    if (!config.ok) return config;
    this.engine = new HallEngine(this.ctx.storage, config.value);
    return ok(this.engine);
  }

  /** Every persisted event goes to every connected board, in order; then the alarm follows the schedule. */
  private async afterCommit(events: readonly CommittedEvent[]): Promise<void> {
    const sockets = events.length > 0 ? this.ctx.getWebSockets() : [];
    if (sockets.length > 0) {
      // Encoded only when someone listens: a take with no board connected pays nothing for the feed.
      const messages = events.map(encodeEventMessage);
      for (const ws of sockets) {
        try {
          for (const message of messages) ws.send(message);
        } catch {
          // A socket closing right now: it resyncs with `since` when it reconnects.
        }
      }
    }
    const next = this.engine?.nextAlarmAt ?? null;
    if (next === this.alarmAt) return;
    this.alarmAt = next;
    if (next === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(next);
  }
}
