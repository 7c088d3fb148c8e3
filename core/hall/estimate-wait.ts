import { isAppointmentDue, pickRatioLine } from './call-policy.ts';
import { localDayOf, localMinuteOf } from './local-day.ts';
import { allenCunneen } from './queue-theory.ts';
import type { HallState, Ticket, TicketLine } from './types.ts';

const MINUTE_MS = 60_000;

/** Observed service time: moving average (8-minute prior before data) and its squared coefficient of variation. */
export const estimateServiceTime = (state: HallState): { meanMs: number; cs2: number; samples: number } => {
  const { meanMs, meanSquareMs2, samples } = state.service;
  const cs2 = meanMs > 0 ? Math.max(0, meanSquareMs2 / (meanMs * meanMs) - 1) : 1;
  return { meanMs, cs2, samples };
};

/** Open windows (calling) and, of those, the free ones (holding nothing, no transfer waiting). */
export const countOpenWindows = (state: HallState): { open: number; free: number; transfersWaiting: number } => {
  let open = 0;
  let free = 0;
  let transfersWaiting = 0;
  for (const window of state.windows.values()) {
    transfersWaiting += window.transfers.live;
    if (window.status !== 'open') continue;
    open++;
    if (window.ticketId === null && window.transfers.live === 0) free++;
  }
  return { open, free, transfersWaiting };
};

/** Tickets taken per hour over the last 60 minutes (or since the first ticket, if the hall opened later). */
export const estimateArrivalRate = (state: HallState, now: number): number => {
  if (state.day === null || localDayOf(now) !== state.day) return 0;
  const minute = localMinuteOf(now);
  const takes = state.stats.takesByMinute;
  let count = 0;
  let first = -1;
  for (let m = Math.max(0, minute - 59); m <= minute; m++) {
    if (takes[m]! > 0 && first < 0) first = m;
    count += takes[m]!;
  }
  if (count === 0) return 0;
  const spanMinutes = Math.max(10, minute - first + 1);
  return (count / spanMinutes) * 60;
};

/**
 * The mean wait a new ticket can expect now, by Allen-Cunneen (Poisson arrivals, Ca² = 1) with the
 * observed arrival rate, service time and Cs², and the open windows. Null with no open window,
 * Infinity when arrivals outpace the windows.
 */
export const predictMeanWait = (state: HallState, now: number): number | null => {
  const { open } = countOpenWindows(state);
  if (open === 0) return null;
  const { meanMs, cs2 } = estimateServiceTime(state);
  const lambdaPerMinute = estimateArrivalRate(state, now) / 60;
  if (lambdaPerMinute === 0) return 0;
  return allenCunneen(lambdaPerMinute, MINUTE_MS / meanMs, open, 1, cs2) * MINUTE_MS;
};

export interface PlannedCall {
  readonly ticket: Ticket;
  /** 1-based place in the hall's call order (transfers to a window are planned per window). */
  readonly position: number;
  /** Expected wait from now in ms; null when no window is open. */
  readonly estimatedWaitMs: number | null;
}

/** Index of the next waiting ticket at or after i. */
const nextLive = (line: TicketLine, i: number): number => {
  while (i < line.items.length && line.items[i]!.status !== 'waiting') i++;
  return i;
};

/**
 * The order in which waiting tickets will be called if nobody else arrives, by the same policy as
 * callNext (appointments when due, then the ratio between the lines), with the expected wait of each.
 * Wait of the k-th: with f free windows and c open ones all busy beyond that, it is called after k − f
 * departures, each expected every S/c (the M/M/c conditional wait behind Erlang C; S = observed mean
 * service time). Appointments interleave at their due time, so their positions are approximate.
 */
export const planCallOrder = (state: HallState, now: number): PlannedCall[] => {
  const { open, free, transfersWaiting } = countOpenWindows(state);
  const serviceMs = state.service.meanMs;
  const { normal, priority, appointment } = state.lines;
  const ratio = state.config.priorityRatio;
  const count = { normal: state.ratioCount.normal, priority: state.ratioCount.priority };
  let iN = nextLive(normal, normal.head);
  let iP = nextLive(priority, priority.head);
  let iA = nextLive(appointment, appointment.head);
  const plan: PlannedCall[] = [];

  for (;;) {
    const position = plan.length + 1;
    const ahead = position + transfersWaiting - free;
    const eta = open === 0 ? now : now + (ahead > 0 ? (ahead * serviceMs) / open : 0);
    const a = appointment.items[iA];
    const n = normal.items[iN];
    const p = priority.items[iP];
    let ticket: Ticket;
    let at = eta;
    if (a && isAppointmentDue(state, a, eta)) {
      ticket = a;
      iA = nextLive(appointment, iA + 1);
    } else if (n && p) {
      const line = pickRatioLine(count, ratio);
      count[line]++;
      if (count.normal >= ratio.normal && count.priority >= ratio.priority) {
        count.normal -= ratio.normal;
        count.priority -= ratio.priority;
      }
      ticket = line === 'normal' ? n : p;
      if (line === 'normal') iN = nextLive(normal, iN + 1);
      else iP = nextLive(priority, iP + 1);
    } else if (n) {
      ticket = n;
      iN = nextLive(normal, iN + 1);
    } else if (p) {
      ticket = p;
      iP = nextLive(priority, iP + 1);
    } else if (a) {
      // Only appointments not yet due remain: each is called at its due time at the earliest.
      ticket = a;
      at = Math.max(eta, (a.slotStart ?? now) - state.config.graceBeforeMs);
      iA = nextLive(appointment, iA + 1);
    } else {
      break;
    }
    plan.push({ ticket, position, estimatedWaitMs: open === 0 ? null : Math.max(0, at - now) });
  }
  return plan;
};
