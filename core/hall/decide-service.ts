import { err, ok, type Result } from '../result.ts';
import { composeAnnouncement } from './announcement.ts';
import { chooseNextTicket } from './call-policy.ts';
import { findHeldTicket, findOpenTicket, findWindow } from './find-ticket.ts';
import type { HallEvent, HallState, ServiceOutcome } from './types.ts';

/** The ticket a staff command acts on, and optionally the window that believes it holds it. */
interface TicketRef {
  readonly ticketId: string;
  readonly windowId?: string;
}

const OUTCOMES: ReadonlySet<unknown> = new Set<ServiceOutcome>(['case_accepted', 'consultation_only', 'referred']);

/** 叫号: a free, open window calls the next ticket by the hall's policy (see call-policy.ts). */
export const decideCallNext = (state: HallState, windowId: string, at: number): Result<HallEvent[]> => {
  const found = findWindow(state, windowId);
  if (!found.ok) return found;
  const window = found.value;
  if (window.status === 'closed') return err('WINDOW_CLOSED', { windowId: window.id });
  if (window.status === 'paused') return err('WINDOW_PAUSED', { windowId: window.id, reason: window.pauseReason });
  if (window.ticketId !== null) return err('WINDOW_BUSY', { windowId: window.id, ticketId: window.ticketId });
  const choice = chooseNextTicket(state, window, at);
  if (choice === null) return err('QUEUE_EMPTY', { windowId: window.id });
  const { ticket } = choice;
  return ok([
    {
      type: 'ticketCalled',
      at,
      ticketId: ticket.id,
      number: ticket.number,
      windowId: window.id,
      source: choice.source,
      ratioCounted: choice.ratioCounted,
      announcement: composeAnnouncement(state.announcementSeq + 1, ticket.number, window.id, window.name),
    },
  ]);
};

/** 重呼: announce again, at most maxRecalls times; the next recall makes the ticket a no-show (过号). */
export const decideRecall = (state: HallState, { ticketId, windowId }: TicketRef, at: number): Result<HallEvent[]> => {
  const found = findHeldTicket(state, ticketId, windowId);
  if (!found.ok) return found;
  const ticket = found.value;
  const holder = ticket.windowId ?? '';
  if (ticket.status === 'serving') return err('TICKET_ALREADY_SERVING', { ticketId: ticket.id });
  if (ticket.recalls >= state.config.maxRecalls) {
    return ok([{ type: 'ticketNoShow', at, ticketId: ticket.id, windowId: holder, reason: 'recall_limit' }]);
  }
  const window = state.windows.get(holder);
  return ok([
    {
      type: 'ticketRecalled',
      at,
      ticketId: ticket.id,
      number: ticket.number,
      windowId: holder,
      recalls: ticket.recalls + 1,
      announcement: composeAnnouncement(state.announcementSeq + 1, ticket.number, holder, window?.name ?? holder),
    },
  ]);
};

/** 开始办理: the called citizen arrived at the window. */
export const decideStartServing = (state: HallState, { ticketId, windowId }: TicketRef, at: number): Result<HallEvent[]> => {
  const found = findHeldTicket(state, ticketId, windowId);
  if (!found.ok) return found;
  const ticket = found.value;
  if (ticket.status === 'serving') return err('TICKET_ALREADY_SERVING', { ticketId: ticket.id });
  return ok([{ type: 'servingStarted', at, ticketId: ticket.id, windowId: ticket.windowId ?? '' }]);
};

/** 办结: ends the service with its outcome; from 'called' it counts as served from the call. */
export const decideComplete = (
  state: HallState,
  command: TicketRef & { readonly outcome: ServiceOutcome; readonly caseNumber?: string },
  at: number,
): Result<HallEvent[]> => {
  if (!OUTCOMES.has(command.outcome)) return err('INVALID_INPUT', { field: 'outcome' });
  if (command.caseNumber !== undefined && (typeof command.caseNumber !== 'string' || command.caseNumber.length > 64)) {
    return err('INVALID_INPUT', { field: 'caseNumber' });
  }
  const found = findHeldTicket(state, command.ticketId, command.windowId);
  if (!found.ok) return found;
  const ticket = found.value;
  return ok([
    {
      type: 'ticketCompleted',
      at,
      ticketId: ticket.id,
      windowId: ticket.windowId ?? '',
      outcome: command.outcome,
      caseNumber: command.caseNumber ?? null,
    },
  ]);
};

/** 过号: staff mark a called citizen as absent. */
export const decideMarkNoShow = (state: HallState, { ticketId, windowId }: TicketRef, at: number): Result<HallEvent[]> => {
  const found = findHeldTicket(state, ticketId, windowId);
  if (!found.ok) return found;
  const ticket = found.value;
  if (ticket.status === 'serving') return err('TICKET_ALREADY_SERVING', { ticketId: ticket.id });
  return ok([{ type: 'ticketNoShow', at, ticketId: ticket.id, windowId: ticket.windowId ?? '', reason: 'staff' }]);
};

/**
 * 转窗: hand a held ticket to another window (which calls it before anything else), or back to its
 * line at its original place. The target may be paused (a short break) but not closed.
 */
export const decideTransfer = (
  state: HallState,
  command: TicketRef & { readonly toWindowId?: string; readonly backToLine?: true },
  at: number,
): Result<HallEvent[]> => {
  const found = findHeldTicket(state, command.ticketId, command.windowId);
  if (!found.ok) return found;
  const ticket = found.value;
  const fromWindowId = ticket.windowId ?? '';
  if (command.backToLine === true) {
    return ok([{ type: 'ticketTransferred', at, ticketId: ticket.id, fromWindowId, toWindowId: null }]);
  }
  const target = findWindow(state, command.toWindowId);
  if (!target.ok) return target;
  if (target.value.id === fromWindowId) return err('INVALID_INPUT', { field: 'toWindowId', reason: 'same window' });
  if (target.value.status === 'closed') return err('WINDOW_CLOSED', { windowId: target.value.id });
  return ok([{ type: 'ticketTransferred', at, ticketId: ticket.id, fromWindowId, toWindowId: target.value.id }]);
};

/** 取消: the citizen gives up, only while waiting or called (not once being served). */
export const decideCancel = (state: HallState, ticketId: string, at: number): Result<HallEvent[]> => {
  const found = findOpenTicket(state, ticketId);
  if (!found.ok) return found;
  const ticket = found.value;
  if (ticket.status === 'serving') return err('TICKET_ALREADY_SERVING', { ticketId: ticket.id });
  const windowId = ticket.status === 'called' ? ticket.windowId : null;
  return ok([{ type: 'ticketCancelled', at, ticketId: ticket.id, windowId }]);
};

/**
 * The alarm's command: a called ticket whose recalls are used up and whose last call is older than
 * the recall timeout becomes a no-show, freeing its window. Windows in configuration order.
 */
export const decideTick = (state: HallState, at: number): Result<HallEvent[]> => {
  const events: HallEvent[] = [];
  const { maxRecalls, recallTimeoutMs } = state.config;
  for (const window of state.windows.values()) {
    const ticket = window.ticketId === null ? undefined : state.tickets.get(window.ticketId);
    if (!ticket || ticket.status !== 'called' || ticket.recalls < maxRecalls) continue;
    if ((ticket.calledAt ?? at) + recallTimeoutMs <= at) {
      events.push({ type: 'ticketNoShow', at, ticketId: ticket.id, windowId: window.id, reason: 'timeout' });
    }
  }
  return ok(events);
};
