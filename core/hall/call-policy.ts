import { peekTicket } from './ticket-line.ts';
import type { CallSource, HallState, HallWindow, Ticket } from './types.ts';

export interface CallChoice {
  readonly ticket: Ticket;
  readonly source: CallSource;
  readonly ratioCounted: boolean;
}

/**
 * The ratio rule between the two lines when both wait: priority goes when its share of the current
 * cycle is not ahead of normal's (priority·N ≤ normal·P). With 2:1 from a fresh cycle that gives
 * B, A, A, B, A, A…: a waiting elderly citizen never waits behind more than two normal calls, and
 * normal tickets are never starved. Calls made while only one line waits do not count (no "burning").
 */
export const pickRatioLine = (
  count: { readonly normal: number; readonly priority: number },
  ratio: { readonly normal: number; readonly priority: number },
): 'normal' | 'priority' => (count.priority * ratio.normal <= count.normal * ratio.priority ? 'priority' : 'normal');

/** Whether a checked-in appointment may be called at `at` (from slotStart − grace before). */
export const isAppointmentDue = (state: HallState, ticket: Ticket, at: number): boolean =>
  (ticket.slotStart ?? 0) - state.config.graceBeforeMs <= at;

/**
 * What a free window calls next: first a ticket transferred to it, then a due appointment, then the
 * normal and priority lines by the ratio; FCFS within each (every line is ordered and only its head
 * is ever called). Null when nothing is callable.
 */
export const chooseNextTicket = (state: HallState, window: HallWindow, at: number): CallChoice | null => {
  const transferred = peekTicket(window.transfers);
  if (transferred) return { ticket: transferred, source: 'transfer', ratioCounted: false };
  const appointment = peekTicket(state.lines.appointment);
  if (appointment && isAppointmentDue(state, appointment, at)) {
    return { ticket: appointment, source: 'appointment', ratioCounted: false };
  }
  const normal = peekTicket(state.lines.normal);
  const priority = peekTicket(state.lines.priority);
  if (normal && priority) {
    return pickRatioLine(state.ratioCount, state.config.priorityRatio) === 'priority'
      ? { ticket: priority, source: 'priority', ratioCounted: true }
      : { ticket: normal, source: 'normal', ratioCounted: true };
  }
  if (normal) return { ticket: normal, source: 'normal', ratioCounted: false };
  if (priority) return { ticket: priority, source: 'priority', ratioCounted: false };
  return null;
};
