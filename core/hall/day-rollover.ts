import { cloneDayStats, copyTicket } from './clone-hall-state.ts';
import { evolve } from './evolve.ts';
import { localDayOf } from './local-day.ts';
import { listWaitingTickets } from './ticket-line.ts';
import type { HallEvent, HallEventOf, HallState, HallWindow, Ticket } from './types.ts';

/**
 * 日切: the event that closes out the hall's current day when `at` falls on a later local day (or starts
 * the first day), or null when `at` is still today. Every unfinished ticket expires (a ticket from
 * yesterday is never callable today) and every window closes; staff open windows each morning.
 */
export const planDayRollover = (state: HallState, at: number): HallEventOf<'dayRolledOver'> | null => {
  const day = localDayOf(at);
  if (state.day !== null && day <= state.day) return null;
  const closedWindowIds: string[] = [];
  for (const window of state.windows.values()) if (window.status !== 'closed') closedWindowIds.push(window.id);
  return {
    type: 'dayRolledOver',
    at,
    fromDay: state.day,
    day,
    expiredTicketIds: listUnfinishedTickets(state).map((t) => t.id),
    closedWindowIds,
  };
};

/**
 * Every ticket not yet ended, in take order, without scanning the ticket map: a waiting ticket stands in
 * exactly one line or transfer queue, a called or serving one is held by exactly one window (the
 * invariants the property tests hold the machine to).
 */
const listUnfinishedTickets = (state: HallState): Ticket[] => {
  const unfinished = [
    ...listWaitingTickets(state.lines.normal),
    ...listWaitingTickets(state.lines.priority),
    ...listWaitingTickets(state.lines.appointment),
  ];
  for (const window of state.windows.values()) {
    unfinished.push(...listWaitingTickets(window.transfers));
    const held = window.ticketId === null ? undefined : state.tickets.get(window.ticketId);
    if (held) unfinished.push(held);
  }
  return unfinished.sort((a, b) => a.seq - b.seq);
};

/**
 * A copy of exactly what applying `rollover` changes, sharing the rest: ended tickets (which the rollover
 * never touches and decide never changes), the config, the service average. The ticket map is copied
 * natively and only the tickets about to expire are copied one by one. Cheaper than cloneHallState by
 * the size of the day; the tests hold it to the deep clone as the oracle.
 */
const copyForRollover = (state: HallState, rollover: HallEventOf<'dayRolledOver'>): HallState => {
  const tickets = new Map(state.tickets);
  for (const id of rollover.expiredTicketIds) {
    const ticket = tickets.get(id);
    if (ticket) tickets.set(id, copyTicket(ticket));
  }
  const windows = new Map<string, HallWindow>();
  for (const [id, w] of state.windows) windows.set(id, { ...w, transfers: { items: [], head: 0, live: 0 } });
  return {
    ...state,
    issued: { ...state.issued },
    tickets,
    windows,
    ratioCount: { ...state.ratioCount },
    service: { ...state.service },
    stats: cloneDayStats(state.stats),
  };
};

/**
 * The state as it is at `now` without touching the input: the same object when no rollover is due,
 * otherwise a rolled-over copy. decide() and the views (snapshotQueue) use it, so a board never shows
 * yesterday's line.
 */
export const rollForward = (state: HallState, now: number): { state: HallState; events: HallEvent[] } => {
  const rollover = planDayRollover(state, Math.max(now, state.lastAt));
  if (rollover === null) return { state, events: [] };
  return { state: evolve(copyForRollover(state, rollover), rollover), events: [rollover] };
};
