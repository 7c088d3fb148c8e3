import { countOpenWindows, pickRatioLine, planCallOrder, type HallState, type Ticket } from '../../core/index.ts';

/**
 * Where a waiting ticket stands in the call order, and its expected wait: what planCallOrder says, without
 * planning the whole line when it need not. A take replies with its ticket's place, and planning every waiting
 * ticket on every take made a take O(waiting) (0.45 ms at 8,000 waiting). For the ticket at the tail of the
 * normal or priority line with no appointment waiting (every take but an appointment's) the place follows from
 * counts and the ratio rule alone; anything else gets the full plan. worker/test/hall-place.test.ts holds the
 * shortcut to planCallOrder, the oracle. (Its home is core/hall; it lives here until the core owner takes it.)
 */

export interface TicketPlace {
  readonly position: number;
  readonly estimatedWaitMs: number | null;
}

type Line = 'normal' | 'priority';

/**
 * How many tickets of the other line the ratio rule calls before the k-th call of `own`, if the other line
 * never ran dry. The rule's counter returns to zero after every full cycle (ratio.normal + ratio.priority
 * calls), so whole cycles are counted, not walked; a counter that does not come back (never, by the rule) is
 * walked call by call.
 */
const countOtherCallsBefore = (own: Line, k: number, start: { normal: number; priority: number }, ratio: { normal: number; priority: number }): number => {
  const count = { normal: start.normal, priority: start.priority };
  const step = (): Line => {
    const line = pickRatioLine(count, ratio);
    count[line]++;
    if (count.normal >= ratio.normal && count.priority >= ratio.priority) {
      count.normal -= ratio.normal;
      count.priority -= ratio.priority;
    }
    return line;
  };
  let ownCalls = 0;
  let otherCalls = 0;
  const cycle = ratio.normal + ratio.priority;
  // Walk to the end of the current cycle (or to the k-th own call, if sooner).
  for (let i = 0; i < cycle * 2 && !(count.normal === 0 && count.priority === 0 && i > 0); i++) {
    if (step() === own) {
      if (++ownCalls >= k) return otherCalls;
    } else otherCalls++;
  }
  if (count.normal !== 0 || count.priority !== 0) {
    for (;;) {
      if (step() === own) {
        if (++ownCalls >= k) return otherCalls;
      } else otherCalls++;
    }
  }
  // From a fresh counter every cycle calls ratio[own] of own and ratio[other] of the other line.
  const ownPerCycle = ratio[own];
  const otherPerCycle = own === 'normal' ? ratio.priority : ratio.normal;
  const wholeCycles = Math.floor((k - ownCalls - 1) / ownPerCycle);
  ownCalls += wholeCycles * ownPerCycle;
  otherCalls += wholeCycles * otherPerCycle;
  for (;;) {
    if (step() === own) {
      if (++ownCalls >= k) return otherCalls;
    } else otherCalls++;
  }
};

/** The last live entry of the ticket's line is the ticket itself (a take appends; nothing overtakes the tail). */
const isTailOfItsLine = (state: HallState, ticket: Ticket): boolean => {
  const items = state.lines[ticket.line].items;
  return items.length > 0 && items[items.length - 1] === ticket;
};

/** The place of a waiting ticket (null when it is not waiting or not in the plan). */
export const placeTicket = (state: HallState, ticket: Ticket, now: number): TicketPlace | null => {
  if (ticket.status !== 'waiting') return null;
  const fast =
    ticket.transferTo === null &&
    ticket.line !== 'appointment' &&
    state.lines.appointment.live === 0 &&
    isTailOfItsLine(state, ticket);
  if (!fast) {
    for (const planned of planCallOrder(state, now)) {
      if (planned.ticket === ticket) return { position: planned.position, estimatedWaitMs: planned.estimatedWaitMs };
    }
    return null;
  }
  const own = ticket.line as Line;
  const ownWaiting = state.lines[own].live;
  const otherWaiting = state.lines[own === 'normal' ? 'priority' : 'normal'].live;
  const before = otherWaiting === 0 ? 0 : countOtherCallsBefore(own, ownWaiting, state.ratioCount, state.config.priorityRatio);
  const position = ownWaiting + Math.min(otherWaiting, before);
  // As planCallOrder: called after (position + transfers − free windows) departures, one every S / open.
  const { open, free, transfersWaiting } = countOpenWindows(state);
  if (open === 0) return { position, estimatedWaitMs: null };
  const ahead = position + transfersWaiting - free;
  // Through the same arithmetic as the plan (an absolute eta, then minus now), so the figures agree to the bit.
  const eta = now + (ahead > 0 ? (ahead * state.service.meanMs) / open : 0);
  return { position, estimatedWaitMs: Math.max(0, eta - now) };
};
