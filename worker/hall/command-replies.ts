import type { Announcement } from '../../core/index.ts';
import type { CallReply, TicketActionReply, WindowReply } from '../schemas/hall-replies.ts';
import type { BuildReply } from './hall-engine.ts';
import { presentTicket, presentWindow } from './present-hall.ts';

/**
 * The replies of the staff commands, built inside the command's commit from the state right after it (so the
 * reply stored under an Idempotency-Key is exactly what was first sent). Decide has already checked the ticket or
 * window exists: one missing here is a bug, thrown so the transaction rolls back.
 */

/** 叫号: the called ticket, its announcement and the line it came from. */
export const buildCallReply: BuildReply = (state, events, now): CallReply => {
  const call = events.find((e) => e.type === 'ticketCalled');
  const ticket = call && state.tickets.get(call.ticketId);
  if (!call || !ticket) throw new Error('call emitted no ticketCalled');
  return { ticket: presentTicket(state, ticket, now), announcement: call.announcement, source: call.source };
};

/** A ticket action: the ticket after it, and a recall's announcement. */
export const buildTicketActionReply =
  (ticketId: string): BuildReply =>
  (state, events, now): TicketActionReply => {
    const ticket = state.tickets.get(ticketId);
    if (!ticket) throw new Error(`ticket ${ticketId} missing after an action on it`);
    let announcement: Announcement | null = null;
    for (const event of events) if (event.type === 'ticketRecalled') announcement = event.announcement;
    return { ticket: presentTicket(state, ticket, now), announcement };
  };

/** A window action: the window after it. */
export const buildWindowReply =
  (windowId: string): BuildReply =>
  (state): WindowReply => {
    const window = state.windows.get(windowId);
    if (!window) throw new Error(`window ${windowId} missing after an action on it`);
    return presentWindow(state, window);
  };
