import type { DayStats, HallState, ServiceCounters, ServiceOutcome } from './types.ts';
import { computeWaitPercentile } from './wait-histogram.ts';
import { createServiceCounters } from './hall-state.ts';

export interface ServiceSummary {
  readonly calls: number;
  /** Completed services (办结). */
  readonly served: number;
  readonly noShows: number;
  readonly cancellations: number;
  /** Hall only: tickets closed out at the day's end. */
  readonly expired: number;
  readonly transfers: number;
  /** Take -> first call, over tickets called today. */
  readonly meanWaitMs: number | null;
  /** From the bounded histogram: exact to its 10-second (under 10 min) or 1-minute bucket. */
  readonly p95WaitMs: number | null;
  /** Start -> complete (from the call when completed without an explicit start). */
  readonly meanHandlingMs: number | null;
  /** Open and holding no ticket; pauses are not idle. */
  readonly idleMs: number;
  readonly outcomes: Readonly<Record<ServiceOutcome, number>>;
}

export interface HallStatsSummary {
  readonly day: number;
  readonly hall: ServiceSummary;
  readonly windows: readonly ({ readonly windowId: string; readonly name: string } & ServiceSummary)[];
}

const summarize = (c: ServiceCounters, ongoingIdleMs: number): ServiceSummary => ({
  calls: c.calls,
  served: c.served,
  noShows: c.noShows,
  cancellations: c.cancellations,
  expired: c.expired,
  transfers: c.transfers,
  meanWaitMs: c.waitCount === 0 ? null : c.waitSumMs / c.waitCount,
  p95WaitMs: computeWaitPercentile(c.waitHistogram, 0.95),
  meanHandlingMs: c.handlingCount === 0 ? null : c.handlingSumMs / c.handlingCount,
  idleMs: c.idleMs + ongoingIdleMs,
  outcomes: { ...c.outcomes },
});

/**
 * 统计: per window and for the hall, today's figures (idle time counted up to `now`) or, with
 * `previous`, the day before the last rollover (null if there is none).
 */
export function summarizeHallStats(state: HallState, now: number): HallStatsSummary;
export function summarizeHallStats(state: HallState, now: number, which: 'today' | 'previous'): HallStatsSummary | null;
export function summarizeHallStats(
  state: HallState,
  now: number,
  which: 'today' | 'previous' = 'today',
): HallStatsSummary | null {
  const stats: DayStats | null = which === 'today' ? state.stats : state.previousStats;
  if (!stats) return null;
  let hallOngoing = 0;
  const windows = state.config.windowIds.map((windowId) => {
    const window = state.windows.get(windowId);
    const ongoing =
      which === 'today' && window && window.idleSince !== null ? Math.max(0, now - window.idleSince) : 0;
    hallOngoing += ongoing;
    const counters = stats.windows.get(windowId);
    return {
      windowId,
      name: window?.name ?? windowId,
      // A window missing from a day's stats (never: every configured window has counters) reads as zeros.
      ...summarize(counters ?? createServiceCounters(), ongoing),
    };
  });
  return { day: stats.day, hall: summarize(stats.hall, hallOngoing), windows };
}


