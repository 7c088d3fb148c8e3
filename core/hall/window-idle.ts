import type { HallState, HallWindow, ServiceCounters } from './types.ts';

/** Idle time (空闲) of a window: open and holding no ticket. Paused and closed windows are not idle. */

export const findWindowCounters = (state: HallState, windowId: string): ServiceCounters | undefined =>
  state.stats.windows.get(windowId);

/** A window open and holding nothing starts counting idle time. */
export const startIdle = (window: HallWindow, at: number): void => {
  if (window.status === 'open' && window.ticketId === null && window.idleSince === null) window.idleSince = at;
};

/** Ends an idle stretch, adding it to the window's and the hall's counters. */
export const stopIdle = (state: HallState, window: HallWindow, at: number): void => {
  if (window.idleSince === null) return;
  const idle = at > window.idleSince ? at - window.idleSince : 0;
  const counters = findWindowCounters(state, window.id);
  if (counters) counters.idleMs += idle;
  state.stats.hall.idleMs += idle;
  window.idleSince = null;
};
