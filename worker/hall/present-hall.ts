import {
  rollForward,
  snapshotQueue,
  summarizeHallStats,
  type HallState,
  type HallWindow,
  type ServiceSummary,
  type Ticket,
} from '../../core/index.ts';
import type { QueueReply, StatsReply, TicketReply, WindowReply } from '../schemas/hall-replies.ts';
import { placeTicket } from './place-ticket.ts';

/** The hall's replies, shaped from core state: ISO times, whole-minute waits, never a phone number. */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));
const minutesOrNull = (ms: number | null): number | null => (ms === null || !Number.isFinite(ms) ? null : Math.ceil(ms / MINUTE_MS));
const roundedMinutes = (ms: number | null): number | null =>
  ms === null || !Number.isFinite(ms) ? null : Math.round((ms / MINUTE_MS) * 10) / 10;

/** Local day index (days since 1970-01-01, Beijing time) as its date: day × 24 h is that date's UTC midnight. */
export const formatLocalDay = (day: number): string => iso(day * DAY_MS).slice(0, 10);

/** The state as of `now`: after midnight the views show the new day, never yesterday's line (nothing is written). */
export const viewStateAt = (state: HallState, now: number): HallState => rollForward(state, now).state;

interface Place {
  readonly position: number | null;
  readonly estimatedWaitMs: number | null;
}

const NOWHERE: Place = { position: null, estimatedWaitMs: null };

/** Where a waiting ticket stands in the call order (a transferred one: in its window's own order). */
const locateTicket = (state: HallState, ticket: Ticket, now: number): Place => {
  if (ticket.status !== 'waiting') return NOWHERE;
  if (ticket.transferTo !== null) {
    // Transfers are planned per window; rare enough to take the full board view.
    const entry = snapshotQueue(state, now).waiting[ticket.class].find((w) => w.ticketId === ticket.id);
    return entry ? { position: entry.position, estimatedWaitMs: entry.estimatedWaitMs } : NOWHERE;
  }
  return placeTicket(state, ticket, now) ?? NOWHERE;
};

export const presentTicket = (state: HallState, ticket: Ticket, now: number): TicketReply => {
  const place = locateTicket(state, ticket, now);
  const holder = ticket.windowId === null ? undefined : state.windows.get(ticket.windowId);
  return {
    id: ticket.id,
    hall: state.config.hallId,
    number: ticket.number,
    class: ticket.class,
    line: ticket.line,
    status: ticket.status,
    position: place.position,
    estimatedWaitMinutes: minutesOrNull(place.estimatedWaitMs),
    window: holder ? { id: holder.id, name: holder.name } : null,
    transferTo: ticket.transferTo,
    matterCode: ticket.matterCode,
    priorityReason: ticket.priorityReason,
    appointmentSlot: isoOrNull(ticket.slotStart),
    smsNotice: ticket.phone !== null,
    takenAt: iso(ticket.takenAt),
    calledAt: isoOrNull(ticket.calledAt),
    startedAt: isoOrNull(ticket.startedAt),
    endedAt: isoOrNull(ticket.endedAt),
    recalls: ticket.recalls,
    outcome: ticket.outcome,
    caseNumber: ticket.caseNumber,
  };
};

export const presentWindow = (state: HallState, window: HallWindow): WindowReply => {
  const held = window.ticketId === null ? undefined : state.tickets.get(window.ticketId);
  let transfersWaiting = 0;
  for (let i = window.transfers.head; i < window.transfers.items.length; i++) {
    if (window.transfers.items[i]!.status === 'waiting') transfersWaiting++;
  }
  return {
    id: window.id,
    name: window.name,
    status: window.status,
    pauseReason: window.pauseReason,
    ticket: held ? { id: held.id, number: held.number, status: held.status, calledAt: isoOrNull(held.calledAt) } : null,
    transfersWaiting,
  };
};

/** 叫号屏: the board's view, with `seq` = the last persisted event it includes. */
export const presentQueue = (state: HallState, seq: number, now: number): QueueReply => {
  const snap = snapshotQueue(state, now);
  const entry = (w: (typeof snap.waiting.normal)[number]) => ({
    id: w.ticketId,
    number: w.number,
    class: w.class,
    line: w.line,
    takenAt: iso(w.takenAt),
    appointmentSlot: isoOrNull(w.slotStart),
    transferTo: w.transferTo,
    position: w.position,
    estimatedWaitMinutes: minutesOrNull(w.estimatedWaitMs),
  });
  return {
    hall: snap.hallId,
    day: snap.day === null ? null : formatLocalDay(snap.day),
    at: iso(now),
    seq,
    waitingTotal: snap.waitingTotal,
    waiting: {
      normal: snap.waiting.normal.map(entry),
      priority: snap.waiting.priority.map(entry),
      appointment: snap.waiting.appointment.map(entry),
    },
    windows: snap.windows.map((w) => ({
      id: w.id,
      name: w.name,
      status: w.status,
      pauseReason: w.pauseReason,
      ticket: w.ticket && { id: w.ticket.id, number: w.ticket.number, status: w.ticket.status, calledAt: isoOrNull(w.ticket.calledAt) },
      transfersWaiting: w.transfersWaiting,
    })),
    recentCalls: snap.recentCalls.map((c) => ({ ...c, at: iso(c.at) })),
    lastAnnouncementSeq: snap.lastAnnouncementSeq,
    estimate: {
      serviceTimeMinutes: roundedMinutes(snap.estimate.serviceTimeMs) ?? 0,
      openWindows: snap.estimate.openWindows,
      arrivalsPerHour: Math.round(snap.estimate.arrivalsPerHour * 10) / 10,
      predictedMeanWaitMinutes: roundedMinutes(snap.estimate.predictedMeanWaitMs),
    },
  };
};

const presentSummary = (s: ServiceSummary) => ({
  calls: s.calls,
  served: s.served,
  noShows: s.noShows,
  cancellations: s.cancellations,
  expired: s.expired,
  transfers: s.transfers,
  meanWaitMinutes: roundedMinutes(s.meanWaitMs),
  p95WaitMinutes: roundedMinutes(s.p95WaitMs),
  meanHandlingMinutes: roundedMinutes(s.meanHandlingMs),
  idleMinutes: roundedMinutes(s.idleMs) ?? 0,
  outcomes: { ...s.outcomes },
});

/** 统计: today's figures, or those of the day before the last rollover (null when there is none). */
export const presentStats = (state: HallState, now: number, which: 'today' | 'previous'): StatsReply | null => {
  const summary = summarizeHallStats(state, now, which);
  if (!summary) return null;
  return {
    hall: state.config.hallId,
    day: formatLocalDay(summary.day),
    totals: presentSummary(summary.hall),
    windows: summary.windows.map((w) => ({ windowId: w.windowId, name: w.name, ...presentSummary(w) })),
  };
};
