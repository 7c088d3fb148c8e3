import { createDayStats, createLines } from './hall-state.ts';
import { startOfLocalDay } from './local-day.ts';
import type { HallEventOf, HallState } from './types.ts';
import { stopIdle } from './window-idle.ts';

/**
 * Closes out a day: unfinished tickets expire, windows close, numbering and lines restart, today's
 * statistics become yesterday's. Idle time stops at the old day's midnight (a window left open overnight
 * is not idle all night). Tickets older than the day being closed are dropped: the state keeps two days.
 */
export const applyDayRolledOver = (state: HallState, e: HallEventOf<'dayRolledOver'>): void => {
  const closeAt = e.fromDay === null ? e.at : Math.min(e.at, startOfLocalDay(e.fromDay + 1));
  for (const id of e.expiredTicketIds) {
    const ticket = state.tickets.get(id);
    if (!ticket || ticket.status === 'completed' || ticket.status === 'cancelled') continue;
    if (ticket.status === 'no_show' || ticket.status === 'expired') continue;
    ticket.status = 'expired';
    ticket.endedAt = e.at;
    ticket.transferTo = null;
    state.stats.hall.expired++;
  }
  for (const window of state.windows.values()) {
    if (window.ticketId !== null) {
      // Holding time up to the rollover is neither idle nor handling.
      window.ticketId = null;
    }
    stopIdle(state, window, closeAt);
    window.status = 'closed';
    window.pauseReason = null;
    window.transfers.items.length = 0;
    window.transfers.head = 0;
    window.transfers.live = 0;
  }
  if (e.fromDay !== null) {
    // The map iterates in insertion (take) order, so the older days come first: stop at the closing day.
    for (const [id, ticket] of state.tickets) {
      if (ticket.day >= e.fromDay) break;
      state.tickets.delete(id);
    }
    state.previousStats = state.stats;
  }
  state.stats = createDayStats(state.config, e.day);
  state.day = e.day;
  state.lines = createLines();
  state.issued.normal = 0;
  state.issued.priority = 0;
  state.issued.appointment = 0;
  state.ratioCount.normal = 0;
  state.ratioCount.priority = 0;
  state.recentCalls = [];
};
