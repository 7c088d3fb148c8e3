import type { DayStats, HallState, ServiceCounters, Ticket, TicketLine } from './types.ts';

const cloneCounters = (c: ServiceCounters): ServiceCounters => ({
  ...c,
  waitHistogram: c.waitHistogram.slice(),
  outcomes: { ...c.outcomes },
});

export const cloneDayStats = (stats: DayStats): DayStats => ({
  day: stats.day,
  hall: cloneCounters(stats.hall),
  windows: new Map([...stats.windows].map(([id, c]) => [id, cloneCounters(c)])),
  takesByMinute: stats.takesByMinute.slice(),
});

/** Field by field: an object literal of one shape copies several times faster than a spread. */
export const copyTicket = (t: Ticket): Ticket => ({
  id: t.id,
  number: t.number,
  class: t.class,
  line: t.line,
  seq: t.seq,
  day: t.day,
  takenAt: t.takenAt,
  matterCode: t.matterCode,
  phone: t.phone,
  priorityReason: t.priorityReason,
  slotStart: t.slotStart,
  status: t.status,
  windowId: t.windowId,
  transferTo: t.transferTo,
  firstCalledAt: t.firstCalledAt,
  calledAt: t.calledAt,
  startedAt: t.startedAt,
  endedAt: t.endedAt,
  recalls: t.recalls,
  outcome: t.outcome,
  caseNumber: t.caseNumber,
});

/**
 * A deep copy sharing nothing mutable with the original (the config is immutable and shared).
 * Lines point at the copied tickets, so the copy evolves independently. Used when decide() must
 * look at the state after an automatic day rollover without touching its input, and by tests.
 */
export const cloneHallState = (state: HallState): HallState => {
  const tickets = new Map<string, Ticket>();
  for (const [id, ticket] of state.tickets) tickets.set(id, copyTicket(ticket));
  // Entries before the head are dead; stale entries may belong to tickets already pruned.
  const cloneLine = (line: TicketLine): TicketLine => ({
    items: line.items.slice(line.head).map((t) => tickets.get(t.id) ?? copyTicket(t)),
    head: 0,
    live: line.live,
  });
  return {
    config: state.config,
    day: state.day,
    lastAt: state.lastAt,
    seq: state.seq,
    issued: { ...state.issued },
    tickets,
    lines: {
      normal: cloneLine(state.lines.normal),
      priority: cloneLine(state.lines.priority),
      appointment: cloneLine(state.lines.appointment),
    },
    windows: new Map(
      [...state.windows].map(([id, w]) => [id, { ...w, transfers: cloneLine(w.transfers) }]),
    ),
    ratioCount: { ...state.ratioCount },
    announcementSeq: state.announcementSeq,
    recentCalls: state.recentCalls.slice(),
    service: { ...state.service },
    stats: cloneDayStats(state.stats),
    previousStats: state.previousStats && cloneDayStats(state.previousStats),
  };
};
