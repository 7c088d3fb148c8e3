import type { Ticket, TicketLine } from './types.ts';

/**
 * A waiting line as an array with a head index: dequeue is O(1) (no Array#shift), cancellation leaves
 * the entry in place (lazy deletion, skipped later), and the array is compacted once the dead prefix
 * is at least half of it. Only evolve changes lines; decide only peeks at `items[head]`.
 * A ticket is live in a line exactly while its status is 'waiting': calls only ever take the head,
 * so a called ticket never leaves an entry behind.
 */

const COMPACT_AFTER = 1024;

export const createTicketLine = (): TicketLine => ({ items: [], head: 0, live: 0 });

/** The first live ticket, or undefined. Pure: relies on evolve keeping the head live. */
export const peekTicket = (line: TicketLine): Ticket | undefined => line.items[line.head];

/** Moves the head past tickets that are no longer waiting, then compacts if worthwhile. */
export const skipStaleTickets = (line: TicketLine): void => {
  const items = line.items;
  let head = line.head;
  while (head < items.length && items[head]!.status !== 'waiting') head++;
  if (head >= COMPACT_AFTER && head * 2 >= items.length) {
    items.splice(0, head);
    head = 0;
  }
  line.head = head;
};

export const enqueueTicket = (line: TicketLine, ticket: Ticket): void => {
  line.items.push(ticket);
  line.live++;
};

/** Removes the head (which must be `ticket`); a mismatch only happens on a corrupted log and is ignored. */
export const dequeueTicket = (line: TicketLine, ticket: Ticket): void => {
  if (line.items[line.head] !== ticket) return;
  line.head++;
  line.live--;
  skipStaleTickets(line);
};

/** A waiting ticket left the line from the middle (cancelled): its entry turns stale. */
export const forgetTicket = (line: TicketLine): void => {
  line.live--;
  skipStaleTickets(line);
};

/**
 * Puts a ticket back at the place its order gives it (a transfer back to the line keeps its place).
 * Usually that is just before the head, which is O(1).
 */
export const insertTicketInOrder = (
  line: TicketLine,
  ticket: Ticket,
  before: (a: Ticket, b: Ticket) => boolean,
): void => {
  const items = line.items;
  let lo = line.head;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(items[mid]!, ticket)) lo = mid + 1;
    else hi = mid;
  }
  if (lo === line.head && line.head > 0) {
    line.head--;
    items[line.head] = ticket;
  } else {
    items.splice(lo, 0, ticket);
  }
  line.live++;
  // Stale entries in [head, lo) may now sit in front of a live one; harmless, skip them.
  skipStaleTickets(line);
};

/** Live tickets from the head, in line order (for views; O(n)). */
export const listWaitingTickets = (line: TicketLine): Ticket[] => {
  const out: Ticket[] = [];
  for (let i = line.head; i < line.items.length; i++) {
    const ticket = line.items[i]!;
    if (ticket.status === 'waiting') out.push(ticket);
  }
  return out;
};

/** Take order within the normal and priority lines. */
export const isTakenBefore = (a: Ticket, b: Ticket): boolean => a.seq < b.seq;

/** Appointment order: earlier slot first, then earlier check-in. */
export const isAppointmentBefore = (a: Ticket, b: Ticket): boolean =>
  (a.slotStart ?? 0) < (b.slotStart ?? 0) || ((a.slotStart ?? 0) === (b.slotStart ?? 0) && a.seq < b.seq);
