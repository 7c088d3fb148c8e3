/**
 * The hall queue (统一取号): one ticket for anything, called by the next free window of the hall.
 * A pure state machine: decide(state, command, now) -> Result<HallEvent[]> never changes the state;
 * evolve(state, event) applies one event in place. The Durable Object persists the events and rebuilds
 * the state on restart by replaying them through evolve from createHallState(config).
 *
 * Choices where the brief left room:
 * - Check-in is taking the ticket: an appointment ticket (C) exists only once the citizen is in the hall.
 *   Callable from slotStart − grace before, ahead of both lines; taken after slotStart + grace after, it
 *   joins the normal line by arrival (keeping its C number).
 * - Day rollover is automatic (the first command of a new local day emits `dayRolledOver` first) and
 *   explicit (`rolloverDay`, for the midnight alarm; see computeNextAlarm). It expires every unfinished
 *   ticket (waiting, called or serving) and closes every window; the state keeps the closed day's tickets
 *   (so they answer TICKET_EXPIRED / TICKET_ALREADY_DONE) and drops older ones.
 * - Ratio: priority goes when priority·N ≤ normal·P over the calls made while both lines wait, so a fresh
 *   cycle at 2:1 runs B, A, A; calls while one line is empty do not count.
 * - Recall: maxRecalls re-announcements; the next recall, or a `tick` recallTimeoutSeconds after the last
 *   one, makes a no-show. Completing straight from 'called' is allowed (handling counted from the call).
 * - Window commands asking for the current state are no-ops (ok, no events); ticket commands repeated are
 *   errors (completing twice: TICKET_ALREADY_DONE). Pausing is allowed while serving; closing is not.
 * - Time never runs backwards: a `now` before the last event is taken as the last event's time.
 * - takeTicket is idempotent by ticketId: the same id and details emit nothing; other details conflict.
 */
export type * from './types.ts';
export { defineHallConfig, isWithinHours } from './hall-config.ts';
export { createHallState } from './hall-state.ts';
export { cloneHallState } from './clone-hall-state.ts';
export { decide } from './decide.ts';
export { evolve } from './evolve.ts';
export { planDayRollover, rollForward } from './day-rollover.ts';
export { chooseNextTicket, pickRatioLine } from './call-policy.ts';
export { composeAnnouncement, formatTicketNumber } from './announcement.ts';
export { localDayOf, localMinuteOf, localTime, startOfLocalDay } from './local-day.ts';
export { allenCunneen, erlangC, meanWaitMMc, probabilityWaitExceeds, windowsNeeded } from './queue-theory.ts';
export { countOpenWindows, estimateArrivalRate, estimateServiceTime, planCallOrder, predictMeanWait } from './estimate-wait.ts';
export type { PlannedCall } from './estimate-wait.ts';
export { snapshotQueue } from './snapshot-queue.ts';
export type { QueueSnapshot, WaitingEntry, WindowView } from './snapshot-queue.ts';
export { summarizeHallStats } from './summarize-stats.ts';
export type { HallStatsSummary, ServiceSummary } from './summarize-stats.ts';
export { computeWaitPercentile, createWaitHistogram, recordWait } from './wait-histogram.ts';
export { computeNextAlarm, redactHallEvent } from './hall-alarm.ts';
