import { err, ok, type Result } from '../result.ts';
import { findWindow } from './find-ticket.ts';
import { listWaitingTickets } from './ticket-line.ts';
import type { HallEvent, HallState } from './types.ts';

/**
 * Window commands. Asking a window for the state it is already in is a no-op (ok, no events), so
 * a retried button press is harmless; transitions that make no sense are errors.
 */

/** 开窗: closed -> open; opening a paused window resumes it. */
export const decideOpenWindow = (state: HallState, windowId: string, at: number): Result<HallEvent[]> => {
  const found = findWindow(state, windowId);
  if (!found.ok) return found;
  const window = found.value;
  if (window.status === 'open') return ok([]);
  return ok([{ type: window.status === 'paused' ? 'windowResumed' : 'windowOpened', at, windowId: window.id }]);
};

/** 暂停: an open window stops calling; a ticket it holds may still be served and completed. */
export const decidePauseWindow = (
  state: HallState,
  windowId: string,
  reason: unknown,
  at: number,
): Result<HallEvent[]> => {
  const found = findWindow(state, windowId);
  if (!found.ok) return found;
  const window = found.value;
  if (typeof reason !== 'string' || reason.trim() === '' || reason.length > 200) {
    return err('INVALID_INPUT', { field: 'reason' });
  }
  if (window.status === 'closed') return err('WINDOW_CLOSED', { windowId: window.id });
  if (window.status === 'paused') return ok([]);
  return ok([{ type: 'windowPaused', at, windowId: window.id, reason: reason.trim() }]);
};

/** 恢复: paused -> open. */
export const decideResumeWindow = (state: HallState, windowId: string, at: number): Result<HallEvent[]> => {
  const found = findWindow(state, windowId);
  if (!found.ok) return found;
  const window = found.value;
  if (window.status === 'closed') return err('WINDOW_CLOSED', { windowId: window.id });
  if (window.status === 'open') return ok([]);
  return ok([{ type: 'windowResumed', at, windowId: window.id }]);
};

/**
 * 关窗: only when the window holds no ticket. Tickets transferred to it and not yet called go back
 * to their lines at their original place, so closing never strands a citizen.
 */
export const decideCloseWindow = (state: HallState, windowId: string, at: number): Result<HallEvent[]> => {
  const found = findWindow(state, windowId);
  if (!found.ok) return found;
  const window = found.value;
  if (window.ticketId !== null) return err('WINDOW_BUSY', { windowId: window.id, ticketId: window.ticketId });
  if (window.status === 'closed') return ok([]);
  const returnedTicketIds = listWaitingTickets(window.transfers).map((t) => t.id);
  return ok([{ type: 'windowClosed', at, windowId: window.id, returnedTicketIds }]);
};
