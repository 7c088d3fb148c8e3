import { startOfLocalDay } from './local-day.ts';
import type { HallEvent, HallState } from './types.ts';

/**
 * When the Durable Object's one alarm should next fire, or null for never: the earliest recall
 * timeout (send `tick`) or, while anything is open or unfinished, the next local midnight (send
 * `rolloverDay`). The shell multiplexes: at the alarm it sends both commands, each a no-op if not due.
 */
export const computeNextAlarm = (state: HallState): number | null => {
  let next = Number.POSITIVE_INFINITY;
  let active = false;
  for (const window of state.windows.values()) {
    if (window.status !== 'closed') active = true;
    const ticket = window.ticketId === null ? undefined : state.tickets.get(window.ticketId);
    if (ticket && ticket.status === 'called' && ticket.recalls >= state.config.maxRecalls && ticket.calledAt !== null) {
      next = Math.min(next, ticket.calledAt + state.config.recallTimeoutMs);
    }
  }
  if (!active && state.day !== null) {
    for (const line of Object.values(state.lines)) if (line.live > 0) active = true;
  }
  if (active && state.day !== null) next = Math.min(next, startOfLocalDay(state.day + 1));
  return Number.isFinite(next) ? next : null;
};

/**
 * The event as broadcast to display boards: the citizen's phone number (kept in the persisted event
 * for SMS notices) is removed. Other events carry no personal data.
 */
export const redactHallEvent = (event: HallEvent): HallEvent =>
  event.type === 'ticketTaken' && event.phone !== null ? { ...event, phone: null } : event;
