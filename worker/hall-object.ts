import { DurableObject } from 'cloudflare:workers';
import { err, ok, type Announcement, type HallCommand, type IsoDate, type Result } from '../core/index.ts';
import type { Env } from './env.ts';
import { findHallConfig } from './hall/hall-configs.ts';
import { listHallDays, type HallDayRecord } from './hall/hall-days.ts';
import { HallEngine, readStoredHallId, type TakeTicketInput } from './hall/hall-engine.ts';
import type { CommittedEvent } from './hall/hall-storage.ts';
import { encodeErrorMessage, encodeEventMessage, encodeSnapshotMessage, MAX_CATCH_UP, parseClientMessage } from './hall/live-feed.ts';
import { presentQueue, presentStats, presentTicket, presentWindow, viewStateAt } from './hall/present-hall.ts';
import type { CallReply, QueueReply, StatsReply, TicketActionReply, TicketReply, WindowReply } from './schemas/hall-replies.ts';

/** Staff commands on one ticket (the core's commands, as the routes build them). */
export type TicketCommand = Extract<HallCommand, { type: 'recall' | 'startServing' | 'complete' | 'markNoShow' | 'transfer' | 'cancel' }>;
/** A take as it crosses RPC: the ticket's id, its JSON reply body, and whether it is a stored reply. */
export interface TakeReply {
  readonly ticketId: string;
  readonly reply: string;
  readonly replay: boolean;
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

  /** 叫号: the window's next ticket, or null when nobody waits for it. */
  async callNext(hallId: string, windowId: string): Promise<Result<CallReply | null>> {
    const engine = this.openEngine(hallId);
    if (!engine.ok) return engine;
    const now = this.clock();
    const result = engine.value.execute({ type: 'callNext', windowId }, now);
    if (!result.ok) return result.error.code === 'QUEUE_EMPTY' ? ok(null) : result;
    await this.afterCommit(result.value);
    const call = result.value.map((c) => c.event).find((e) => e.type === 'ticketCalled');
    const ticket = call && engine.value.state.tickets.get(call.ticketId);
    if (!call || !ticket) return err('INTERNAL', { reason: 'call emitted no ticketCalled' });
    return ok({ ticket: presentTicket(engine.value.state, ticket, now), announcement: call.announcement, source: call.source });
  }

  async actOnTicket(hallId: string, command: TicketCommand): Promise<Result<TicketActionReply>> {
    const engine = this.openEngine(hallId);
    if (!engine.ok) return engine;
    const now = this.clock();
    const result = engine.value.execute(command, now);
    if (!result.ok) return result;
    await this.afterCommit(result.value);
    const ticket = engine.value.state.tickets.get(command.ticketId);
    if (!ticket) return err('TICKET_NOT_FOUND', { ticketId: command.ticketId });
    let announcement: Announcement | null = null;
    for (const { event } of result.value) if (event.type === 'ticketRecalled') announcement = event.announcement;
    return ok({ ticket: presentTicket(engine.value.state, ticket, now), announcement });
  }

  async actOnWindow(hallId: string, command: WindowCommand): Promise<Result<WindowReply>> {
    const engine = this.openEngine(hallId);
    if (!engine.ok) return engine;
    const result = engine.value.execute(command, this.clock());
    if (!result.ok) return result;
    await this.afterCommit(result.value);
    const window = engine.value.state.windows.get(command.windowId);
    return window ? ok(presentWindow(engine.value.state, window)) : err('UNKNOWN_WINDOW', { windowId: command.windowId });
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
