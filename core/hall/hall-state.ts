import { createTicketLine } from './ticket-line.ts';
import type { DayStats, HallConfig, HallState, HallWindow, LineName, ServiceCounters, TicketLine } from './types.ts';
import { createWaitHistogram } from './wait-histogram.ts';

export const createServiceCounters = (): ServiceCounters => ({
  calls: 0,
  served: 0,
  noShows: 0,
  cancellations: 0,
  expired: 0,
  transfers: 0,
  waitCount: 0,
  waitSumMs: 0,
  waitHistogram: createWaitHistogram(),
  handlingCount: 0,
  handlingSumMs: 0,
  idleMs: 0,
  outcomes: { case_accepted: 0, consultation_only: 0, referred: 0 },
});

export const createDayStats = (config: HallConfig, day: number): DayStats => ({
  day,
  hall: createServiceCounters(),
  windows: new Map(config.windowIds.map((id) => [id, createServiceCounters()])),
  takesByMinute: new Uint16Array(24 * 60),
});

export const createLines = (): Record<LineName, TicketLine> => ({
  normal: createTicketLine(),
  priority: createTicketLine(),
  appointment: createTicketLine(),
});

/** The state before any event: no day yet, every window closed, nothing waiting. */
export const createHallState = (config: HallConfig): HallState => {
  const windows = new Map<string, HallWindow>();
  for (const id of config.windowIds) {
    windows.set(id, {
      id,
      name: config.windowNames.get(id) ?? id,
      status: 'closed',
      pauseReason: null,
      ticketId: null,
      transfers: createTicketLine(),
      idleSince: null,
    });
  }
  return {
    config,
    day: null,
    lastAt: Number.NEGATIVE_INFINITY,
    seq: 0,
    issued: { normal: 0, priority: 0, appointment: 0 },
    tickets: new Map(),
    lines: createLines(),
    windows,
    ratioCount: { normal: 0, priority: 0 },
    announcementSeq: 0,
    recentCalls: [],
    service: { meanMs: config.serviceTimePriorMs, meanSquareMs2: 2 * config.serviceTimePriorMs ** 2, samples: 0 },
    stats: createDayStats(config, 0),
    previousStats: null,
  };
};
