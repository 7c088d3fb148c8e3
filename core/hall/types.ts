/**
 * The shapes of the hall queue (统一取号): configuration, tickets, windows, commands and events.
 * Commands are what staff, kiosks and alarms ask for; events are the facts decide() emits and
 * evolve() applies. Events are plain JSON (persisted in SQLite, broadcast over WebSockets).
 */

/** normal 普通 (A), priority 优先 (B: elderly/disabled/military), appointment 预约 (C). */
export type TicketClass = 'normal' | 'priority' | 'appointment';

/** Why a citizen may take a priority ticket (优先窗口对象). */
export type PriorityReason = 'elderly' | 'disabled' | 'military';

/** The waiting line a ticket stands in; a late appointment stands in the normal line. */
export type LineName = 'normal' | 'priority' | 'appointment';

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'completed' | 'cancelled' | 'no_show' | 'expired';

/** How a service ended: 受理 (a case was accepted), 咨询 (advice only), 转办 (referred elsewhere). */
export type ServiceOutcome = 'case_accepted' | 'consultation_only' | 'referred';

export type WindowStatus = 'closed' | 'open' | 'paused';

/** Why a called ticket became a no-show (过号). */
export type NoShowReason = 'staff' | 'recall_limit' | 'timeout';

/** Where a call came from, in the order callNext looks: a transfer to this window, an appointment, a line. */
export type CallSource = 'transfer' | 'appointment' | 'priority' | 'normal';

/** One window of the hall, as configured. */
export interface WindowConfigInput {
  /** Stable id, e.g. '1'..'29'. */
  readonly id: string;
  /** Display and announcement name; default `${id} 号窗口`. */
  readonly name?: string;
}

/** Opening hours as local 'HH:MM' (Asia/Shanghai); the hall issues tickets only inside them. */
export interface HoursInput {
  readonly from: string;
  readonly to: string;
}

export interface HallConfigInput {
  readonly hallId: string;
  readonly windows: readonly WindowConfigInput[];
  /** Ticket prefixes; default normal 'A', priority 'B', appointment 'C'. */
  readonly prefixes?: Partial<Record<TicketClass, string>>;
  /** Calls of each line per cycle when both lines wait; default 2 normal : 1 priority. */
  readonly priorityRatio?: { readonly normal: number; readonly priority: number };
  /** Recalls allowed after the first call; the next recall (or a timeout after the last) is a no-show. Default 2. */
  readonly maxRecalls?: number;
  /** After the last allowed recall, a `tick` this many seconds later marks the ticket a no-show. Default 60. */
  readonly recallTimeoutSeconds?: number;
  /** Appointment window around slotStart; default 10 minutes before and 15 after. */
  readonly appointmentGraceMinutes?: { readonly before: number; readonly after: number };
  /** Optional ticket-issuing hours; absent means tickets can be taken at any time. */
  readonly hours?: readonly HoursInput[];
  /** How many recent calls the display board keeps; default 10. */
  readonly recentCallsKept?: number;
  /** Service time assumed before any is observed; default 8 minutes. */
  readonly serviceTimePriorMinutes?: number;
  /** Weight of the newest observation in the moving average of service time; default 0.1. */
  readonly serviceTimeSmoothing?: number;
}

/** A validated configuration with every default filled in. */
export interface HallConfig {
  readonly hallId: string;
  readonly windowIds: readonly string[];
  readonly windowNames: ReadonlyMap<string, string>;
  readonly prefixes: Readonly<Record<TicketClass, string>>;
  readonly priorityRatio: { readonly normal: number; readonly priority: number };
  readonly maxRecalls: number;
  readonly recallTimeoutMs: number;
  readonly graceBeforeMs: number;
  readonly graceAfterMs: number;
  /** Minutes after local midnight, [from, to) pairs; empty means always open. */
  readonly hours: readonly { readonly from: number; readonly to: number }[];
  readonly recentCallsKept: number;
  readonly serviceTimePriorMs: number;
  readonly serviceTimeSmoothing: number;
}

/**
 * A ticket (号票). Every field is always present (null when absent) so the objects keep one shape,
 * which keeps property access monomorphic in the hot path.
 */
export interface Ticket {
  readonly id: string;
  /** Display number, e.g. 'A023'. */
  readonly number: string;
  readonly class: TicketClass;
  readonly line: LineName;
  /** Hall-wide take order, increasing forever; FCFS compares it. */
  readonly seq: number;
  /** Local day index (see local-day.ts) the ticket was taken on. */
  readonly day: number;
  readonly takenAt: number;
  readonly matterCode: string | null;
  readonly phone: string | null;
  readonly priorityReason: PriorityReason | null;
  readonly slotStart: number | null;
  status: TicketStatus;
  /** The window holding it (called/serving), or null. */
  windowId: string | null;
  /** While waiting after a transfer: the window that must call it first. */
  transferTo: string | null;
  firstCalledAt: number | null;
  calledAt: number | null;
  startedAt: number | null;
  endedAt: number | null;
  recalls: number;
  outcome: ServiceOutcome | null;
  caseNumber: string | null;
}

/**
 * A FIFO of tickets with a head index instead of Array#shift (O(1) dequeue). Entries of cancelled
 * tickets stay in place and are skipped (lazy deletion); evolve keeps `items[head]` live.
 */
export interface TicketLine {
  items: Ticket[];
  head: number;
  /** Live (waiting) tickets in the line. */
  live: number;
}

export interface HallWindow {
  readonly id: string;
  readonly name: string;
  status: WindowStatus;
  pauseReason: string | null;
  /** The one ticket this window holds (called or serving), or null. */
  ticketId: string | null;
  /** Tickets transferred to this window, called by it before anything else. */
  readonly transfers: TicketLine;
  /** Since when the window has been open and holding nothing, or null. */
  idleSince: number | null;
}

/** Counters and a bounded wait histogram, for a window or the whole hall. */
export interface ServiceCounters {
  calls: number;
  served: number;
  noShows: number;
  cancellations: number;
  expired: number;
  transfers: number;
  waitCount: number;
  waitSumMs: number;
  /** Wait (take -> first call) counts per bucket; see wait-histogram.ts. */
  readonly waitHistogram: Uint32Array;
  handlingCount: number;
  handlingSumMs: number;
  idleMs: number;
  outcomes: Record<ServiceOutcome, number>;
}

export interface DayStats {
  readonly day: number;
  readonly hall: ServiceCounters;
  readonly windows: Map<string, ServiceCounters>;
  /** Tickets taken per local minute of the day (for the arrival rate). */
  readonly takesByMinute: Uint16Array;
}

export interface CallRecord {
  readonly ticketId: string;
  readonly number: string;
  readonly windowId: string;
  readonly windowName: string;
  readonly at: number;
  readonly announcementSeq: number;
  readonly text: string;
  readonly recall: boolean;
}

/**
 * The whole queue of one hall. Created by createHallState; changed only by evolve (in place).
 * Not JSON: the Durable Object persists events, and rebuilds this by replaying them.
 */
export interface HallState {
  readonly config: HallConfig;
  /** Current local day, or null before the first event. */
  day: number | null;
  /** Time of the latest event; commands never move time backwards. */
  lastAt: number;
  /** Next take order number (hall-wide, never reset). */
  seq: number;
  /** Numbers issued today per class. */
  readonly issued: Record<TicketClass, number>;
  readonly tickets: Map<string, Ticket>;
  lines: Record<LineName, TicketLine>;
  readonly windows: Map<string, HallWindow>;
  /** Calls counted toward the ratio in the current cycle (only calls made while both lines waited). */
  readonly ratioCount: { normal: number; priority: number };
  /** Last announcement sequence number used; never reset, so displays can order and de-duplicate. */
  announcementSeq: number;
  /** Recent calls, newest last; trimmed to at most 2 × recentCallsKept. */
  recentCalls: CallRecord[];
  /** Moving average of handling time and of its square, for the estimate and Cs². */
  readonly service: { meanMs: number; meanSquareMs2: number; samples: number };
  stats: DayStats;
  previousStats: DayStats | null;
}

// Commands and events live beside this file; re-exported so './types.ts' stays the one place to import from.
export type * from './hall-commands.ts';
export type * from './hall-events.ts';
