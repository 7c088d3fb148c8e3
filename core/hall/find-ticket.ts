import { err, ok, type Result } from '../result.ts';
import type { HallState, HallWindow, Ticket } from './types.ts';

/** A ticket that has not ended, or the error saying why it cannot be acted on. */
export const findOpenTicket = (state: HallState, ticketId: unknown): Result<Ticket> => {
  if (typeof ticketId !== 'string') return err('INVALID_INPUT', { field: 'ticketId' });
  const ticket = state.tickets.get(ticketId);
  if (!ticket) return err('TICKET_NOT_FOUND', { ticketId });
  switch (ticket.status) {
    case 'expired':
      return err('TICKET_EXPIRED', { ticketId, number: ticket.number });
    case 'completed':
    case 'cancelled':
    case 'no_show':
      return err('TICKET_ALREADY_DONE', { ticketId, number: ticket.number, status: ticket.status });
    default:
      return ok(ticket);
  }
};

/**
 * A ticket held by a window (called or serving). When the command names a window, it must be the
 * holder: a stale counter screen can never complete or recall another window's citizen.
 */
export const findHeldTicket = (state: HallState, ticketId: unknown, windowId: unknown): Result<Ticket> => {
  const found = findOpenTicket(state, ticketId);
  if (!found.ok) return found;
  const ticket = found.value;
  if (ticket.status === 'waiting') return err('TICKET_NOT_CALLED', { ticketId: ticket.id, number: ticket.number });
  if (windowId !== undefined && windowId !== ticket.windowId) {
    return err('TICKET_NOT_AT_WINDOW', { ticketId: ticket.id, windowId, heldBy: ticket.windowId });
  }
  return found;
};

export const findWindow = (state: HallState, windowId: unknown): Result<HallWindow> => {
  const window = typeof windowId === 'string' ? state.windows.get(windowId) : undefined;
  return window ? ok(window) : err('UNKNOWN_WINDOW', { windowId });
};
