import { rollForward } from './day-rollover.ts';
import { countOpenWindows, estimateArrivalRate, estimateServiceTime, planCallOrder, predictMeanWait } from './estimate-wait.ts';
import { listWaitingTickets } from './ticket-line.ts';
import type { CallRecord, HallState, LineName, Ticket, TicketClass, TicketStatus, WindowStatus } from './types.ts';

export interface WaitingEntry {
  readonly ticketId: string;
  readonly number: string;
  readonly class: TicketClass;
  readonly line: LineName;
  readonly takenAt: number;
  readonly slotStart: number | null;
  /** The window it was transferred to, which calls it first; null in the common line. */
  readonly transferTo: string | null;
  /** 1-based place in the call order (in the transfer window's own order for transfers). */
  readonly position: number;
  readonly estimatedWaitMs: number | null;
}

export interface WindowView {
  readonly id: string;
  readonly name: string;
  readonly status: WindowStatus;
  readonly pauseReason: string | null;
  readonly ticket: {
    readonly id: string;
    readonly number: string;
    readonly status: TicketStatus;
    readonly calledAt: number | null;
  } | null;
  readonly transfersWaiting: number;
}

/** What the hall's display boards and staff screens show (no personal data: no phone numbers). */
export interface QueueSnapshot {
  readonly hallId: string;
  readonly day: number | null;
  readonly at: number;
  readonly waiting: Readonly<Record<TicketClass, readonly WaitingEntry[]>>;
  readonly waitingTotal: number;
  readonly windows: readonly WindowView[];
  /** Newest first. */
  readonly recentCalls: readonly CallRecord[];
  readonly lastAnnouncementSeq: number;
  readonly estimate: {
    readonly serviceTimeMs: number;
    readonly serviceTimeCs2: number;
    readonly serviceSamples: number;
    readonly openWindows: number;
    readonly arrivalsPerHour: number;
    /** Allen-Cunneen mean wait for a ticket taken now; null with no open window. */
    readonly predictedMeanWaitMs: number | null;
  };
}

/**
 * 叫号屏: a read-only view of the queue at `now`. If `now` is on a later day than the state, the view is
 * of the rolled-over day (empty lines, closed windows), never of yesterday's line. O(waiting tickets).
 */
const toWaitingEntry = (
  ticket: Ticket,
  transferTo: string | null,
  position: number,
  estimatedWaitMs: number | null,
): WaitingEntry => ({
  ticketId: ticket.id,
  number: ticket.number,
  class: ticket.class,
  line: ticket.line,
  takenAt: ticket.takenAt,
  slotStart: ticket.slotStart,
  transferTo,
  position,
  estimatedWaitMs,
});

export const snapshotQueue = (input: HallState, now: number): QueueSnapshot => {
  const state = rollForward(input, now).state;
  const waiting: Record<TicketClass, WaitingEntry[]> = { normal: [], priority: [], appointment: [] };
  const { meanMs } = estimateServiceTime(state);

  for (const { ticket, position, estimatedWaitMs } of planCallOrder(state, now)) {
    waiting[ticket.class].push(toWaitingEntry(ticket, null, position, estimatedWaitMs));
  }

  const windows: WindowView[] = [];
  for (const window of state.windows.values()) {
    const held = window.ticketId === null ? undefined : state.tickets.get(window.ticketId);
    const transfers = listWaitingTickets(window.transfers);
    transfers.forEach((ticket, index) => {
      // The window finishes its current citizen (about half a service left on average), then these in order.
      const ahead = index + (held ? 0.5 : 0);
      const estimatedWaitMs = window.status === 'closed' ? null : ahead * meanMs;
      waiting[ticket.class].push(toWaitingEntry(ticket, window.id, index + 1, estimatedWaitMs));
    });
    windows.push({
      id: window.id,
      name: window.name,
      status: window.status,
      pauseReason: window.pauseReason,
      ticket: held ? { id: held.id, number: held.number, status: held.status, calledAt: held.calledAt } : null,
      transfersWaiting: transfers.length,
    });
  }

  const service = estimateServiceTime(state);
  const kept = state.config.recentCallsKept;
  return {
    hallId: state.config.hallId,
    day: state.day,
    at: now,
    waiting,
    waitingTotal: waiting.normal.length + waiting.priority.length + waiting.appointment.length,
    windows,
    recentCalls: state.recentCalls.slice(-kept).reverse(),
    lastAnnouncementSeq: state.announcementSeq,
    estimate: {
      serviceTimeMs: service.meanMs,
      serviceTimeCs2: service.cs2,
      serviceSamples: service.samples,
      openWindows: countOpenWindows(state).open,
      arrivalsPerHour: estimateArrivalRate(state, now),
      predictedMeanWaitMs: predictMeanWait(state, now),
    },
  };
};
