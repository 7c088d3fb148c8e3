import { applyDayRolledOver } from './apply-day-rollover.ts';
import { localMinuteOf } from './local-day.ts';
import {
  dequeueTicket,
  enqueueTicket,
  forgetTicket,
  insertTicketInOrder,
  isAppointmentBefore,
  isTakenBefore,
} from './ticket-line.ts';
import type { HallEvent, HallEventOf, HallState, HallWindow, Ticket } from './types.ts';
import { recordWait } from './wait-histogram.ts';
import { findWindowCounters, startIdle, stopIdle } from './window-idle.ts';

/**
 * Applies one event to the state, IN PLACE, and returns the same object: replaying a day of events must
 * be fast, and copying the whole queue per event would make it quadratic. Callers that need the old
 * state keep a clone (cloneHallState). Total and deterministic: every event decide() emits applies
 * without re-deciding (the event carries the number, the time, the line); an event naming an unknown
 * ticket or window (only a corrupted log has one) is ignored rather than thrown, so a replay never
 * bricks the hall.
 */
export const evolve = (state: HallState, event: HallEvent): HallState => {
  if (event.at > state.lastAt) state.lastAt = event.at;
  switch (event.type) {
    case 'ticketTaken':
      applyTicketTaken(state, event);
      break;
    case 'ticketCalled':
      applyTicketCalled(state, event);
      break;
    case 'ticketRecalled':
      applyTicketRecalled(state, event);
      break;
    case 'servingStarted': {
      const ticket = state.tickets.get(event.ticketId);
      if (ticket && ticket.status === 'called') {
        ticket.status = 'serving';
        ticket.startedAt = event.at;
      }
      break;
    }
    case 'ticketCompleted':
      applyTicketCompleted(state, event);
      break;
    case 'ticketNoShow':
      applyTicketEnded(state, event.ticketId, 'no_show', event.at);
      break;
    case 'ticketTransferred':
      applyTicketTransferred(state, event);
      break;
    case 'ticketCancelled':
      applyTicketCancelled(state, event);
      break;
    case 'windowOpened':
    case 'windowResumed': {
      const window = state.windows.get(event.windowId);
      if (!window) break;
      window.status = 'open';
      window.pauseReason = null;
      startIdle(window, event.at);
      break;
    }
    case 'windowPaused': {
      const window = state.windows.get(event.windowId);
      if (!window) break;
      stopIdle(state, window, event.at);
      window.status = 'paused';
      window.pauseReason = event.reason;
      break;
    }
    case 'windowClosed':
      applyWindowClosed(state, event);
      break;
    case 'dayRolledOver':
      applyDayRolledOver(state, event);
      break;
  }
  return state;
};

/** The ticket leaves the window that held it. */
const releaseWindow = (state: HallState, ticket: Ticket, at: number): void => {
  const window = ticket.windowId === null ? undefined : state.windows.get(ticket.windowId);
  if (!window || window.ticketId !== ticket.id) return;
  window.ticketId = null;
  startIdle(window, at);
};

/** Back to its line at the place its take order (or appointment slot) gives it. */
const returnToLine = (state: HallState, ticket: Ticket): void => {
  ticket.transferTo = null;
  insertTicketInOrder(
    state.lines[ticket.line],
    ticket,
    ticket.line === 'appointment' ? isAppointmentBefore : isTakenBefore,
  );
};

const applyTicketTaken = (state: HallState, e: HallEventOf<'ticketTaken'>): void => {
  const ticket: Ticket = {
    id: e.ticketId,
    number: e.number,
    class: e.class,
    line: e.line,
    seq: e.seq,
    day: state.day ?? 0,
    takenAt: e.at,
    matterCode: e.matterCode,
    phone: e.phone,
    priorityReason: e.priorityReason,
    slotStart: e.slotStart,
    status: 'waiting',
    windowId: null,
    transferTo: null,
    firstCalledAt: null,
    calledAt: null,
    startedAt: null,
    endedAt: null,
    recalls: 0,
    outcome: null,
    caseNumber: null,
  };
  state.tickets.set(e.ticketId, ticket);
  state.seq = e.seq + 1;
  state.issued[e.class]++;
  if (e.line === 'appointment') insertTicketInOrder(state.lines.appointment, ticket, isAppointmentBefore);
  else enqueueTicket(state.lines[e.line], ticket);
  state.stats.takesByMinute[localMinuteOf(e.at)]!++;
};

const applyTicketCalled = (state: HallState, e: HallEventOf<'ticketCalled'>): void => {
  const ticket = state.tickets.get(e.ticketId);
  const window = state.windows.get(e.windowId);
  if (!ticket || !window || ticket.status !== 'waiting') return;
  dequeueTicket(e.source === 'transfer' ? window.transfers : state.lines[ticket.line], ticket);
  ticket.status = 'called';
  ticket.windowId = e.windowId;
  ticket.transferTo = null;
  ticket.calledAt = e.at;
  ticket.recalls = 0;
  window.ticketId = e.ticketId;
  stopIdle(state, window, e.at);

  const hall = state.stats.hall;
  const counters = findWindowCounters(state, e.windowId);
  hall.calls++;
  if (counters) counters.calls++;
  if (ticket.firstCalledAt === null) {
    // Wait is take -> first call; a later call after a transfer is not a new wait.
    ticket.firstCalledAt = e.at;
    const wait = e.at - ticket.takenAt;
    hall.waitCount++;
    hall.waitSumMs += wait;
    recordWait(hall.waitHistogram, wait);
    if (counters) {
      counters.waitCount++;
      counters.waitSumMs += wait;
      recordWait(counters.waitHistogram, wait);
    }
  }

  if (e.ratioCounted && (e.source === 'normal' || e.source === 'priority')) {
    const count = state.ratioCount;
    const ratio = state.config.priorityRatio;
    count[e.source]++;
    if (count.normal >= ratio.normal && count.priority >= ratio.priority) {
      count.normal -= ratio.normal;
      count.priority -= ratio.priority;
    }
  }
  announce(state, e.ticketId, ticket.number, window, e.at, e.announcement.seq, e.announcement.text, false);
};

const announce = (
  state: HallState,
  ticketId: string,
  number: string,
  window: HallWindow,
  at: number,
  seq: number,
  text: string,
  recall: boolean,
): void => {
  state.announcementSeq = seq;
  const calls = state.recentCalls;
  calls.push({ ticketId, number, windowId: window.id, windowName: window.name, at, announcementSeq: seq, text, recall });
  const kept = state.config.recentCallsKept;
  if (calls.length >= 2 * kept) calls.splice(0, calls.length - kept);
};

const applyTicketRecalled = (state: HallState, e: HallEventOf<'ticketRecalled'>): void => {
  const ticket = state.tickets.get(e.ticketId);
  const window = state.windows.get(e.windowId);
  if (!ticket || !window || ticket.status !== 'called') return;
  ticket.recalls = e.recalls;
  ticket.calledAt = e.at;
  announce(state, e.ticketId, ticket.number, window, e.at, e.announcement.seq, e.announcement.text, true);
};

const applyTicketCompleted = (state: HallState, e: HallEventOf<'ticketCompleted'>): void => {
  const ticket = state.tickets.get(e.ticketId);
  if (!ticket || (ticket.status !== 'called' && ticket.status !== 'serving')) return;
  // Completing straight from 'called' counts handling from the call (the citizen came and was served).
  const started = ticket.startedAt ?? ticket.calledAt ?? e.at;
  const handling = e.at > started ? e.at - started : 0;
  ticket.outcome = e.outcome;
  ticket.caseNumber = e.caseNumber;
  applyTicketEnded(state, e.ticketId, 'completed', e.at);

  const hall = state.stats.hall;
  const counters = ticket.windowId === null ? undefined : findWindowCounters(state, ticket.windowId);
  hall.served++;
  hall.handlingCount++;
  hall.handlingSumMs += handling;
  hall.outcomes[e.outcome]++;
  if (counters) {
    counters.served++;
    counters.handlingCount++;
    counters.handlingSumMs += handling;
    counters.outcomes[e.outcome]++;
  }
  // Moving average with the prior counting as one observation: early samples move it quickly,
  // later ones by the configured weight.
  const service = state.service;
  const weight = Math.max(state.config.serviceTimeSmoothing, 1 / (service.samples + 2));
  service.meanMs += weight * (handling - service.meanMs);
  service.meanSquareMs2 += weight * (handling * handling - service.meanSquareMs2);
  service.samples++;
};

/** Ends a held ticket (completed / no-show): frees its window; no-shows are counted here. */
const applyTicketEnded = (state: HallState, ticketId: string, status: 'completed' | 'no_show', at: number): void => {
  const ticket = state.tickets.get(ticketId);
  if (!ticket || (ticket.status !== 'called' && ticket.status !== 'serving')) return;
  ticket.status = status;
  ticket.endedAt = at;
  releaseWindow(state, ticket, at);
  if (status === 'no_show') {
    state.stats.hall.noShows++;
    const counters = ticket.windowId === null ? undefined : findWindowCounters(state, ticket.windowId);
    if (counters) counters.noShows++;
  }
};

const applyTicketTransferred = (state: HallState, e: HallEventOf<'ticketTransferred'>): void => {
  const ticket = state.tickets.get(e.ticketId);
  if (!ticket || (ticket.status !== 'called' && ticket.status !== 'serving')) return;
  releaseWindow(state, ticket, e.at);
  ticket.status = 'waiting';
  ticket.windowId = null;
  ticket.calledAt = null;
  ticket.startedAt = null;
  ticket.recalls = 0;
  const target = e.toWindowId === null ? undefined : state.windows.get(e.toWindowId);
  if (target) {
    ticket.transferTo = target.id;
    enqueueTicket(target.transfers, ticket);
  } else {
    returnToLine(state, ticket);
  }
  state.stats.hall.transfers++;
  const counters = findWindowCounters(state, e.fromWindowId);
  if (counters) counters.transfers++;
};

const applyTicketCancelled = (state: HallState, e: HallEventOf<'ticketCancelled'>): void => {
  const ticket = state.tickets.get(e.ticketId);
  if (!ticket) return;
  const wasWaiting = ticket.status === 'waiting';
  if (!wasWaiting && ticket.status !== 'called') return;
  ticket.status = 'cancelled';
  ticket.endedAt = e.at;
  state.stats.hall.cancellations++;
  if (wasWaiting) {
    const target = ticket.transferTo === null ? undefined : state.windows.get(ticket.transferTo);
    forgetTicket(target ? target.transfers : state.lines[ticket.line]);
    return;
  }
  const counters = ticket.windowId === null ? undefined : findWindowCounters(state, ticket.windowId);
  if (counters) counters.cancellations++;
  releaseWindow(state, ticket, e.at);
};

const applyWindowClosed = (state: HallState, e: HallEventOf<'windowClosed'>): void => {
  const window = state.windows.get(e.windowId);
  if (!window) return;
  stopIdle(state, window, e.at);
  window.status = 'closed';
  window.pauseReason = null;
  window.transfers.items.length = 0;
  window.transfers.head = 0;
  window.transfers.live = 0;
  for (const id of e.returnedTicketIds) {
    const ticket = state.tickets.get(id);
    if (ticket && ticket.status === 'waiting') returnToLine(state, ticket);
  }
};
