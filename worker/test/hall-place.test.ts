import { describe, expect, it } from 'vitest';
import { planCallOrder, type HallState, type Ticket } from '../../core/index.ts';
import { placeTicket } from '../hall/place-ticket.ts';
import { defineTestHall, runScenario } from './hall-scenario.ts';

/** placeTicket's shortcut against planCallOrder, the oracle: the same place and wait for every waiting ticket. */

const lastWaiting = (state: HallState, line: 'normal' | 'priority'): Ticket | undefined => {
  const items = state.lines[line].items;
  const last = items[items.length - 1];
  return last && last.status === 'waiting' ? last : undefined;
};

describe('placeTicket', () => {
  it.each([
    [{ normal: 2, priority: 1 }, 0],
    [{ normal: 2, priority: 1 }, 0.15],
    [{ normal: 3, priority: 2 }, 0],
    [{ normal: 1, priority: 1 }, 0],
    [{ normal: 5, priority: 1 }, 0.1],
    [{ normal: 1, priority: 3 }, 0],
  ])('gives the place planCallOrder gives (ratio %o, appointment share %d)', (priorityRatio, appointmentShare) => {
    const config = defineTestHall({ priorityRatio });
    let shortcuts = 0;
    let compared = 0;
    for (const seed of [1, 2, 3]) {
      runScenario(config, 600, seed, { appointmentShare }, (state, now) => {
        const plan = new Map(planCallOrder(state, now).map((p) => [p.ticket, p]));
        for (const line of ['normal', 'priority'] as const) {
          const tail = lastWaiting(state, line);
          if (!tail) continue;
          const expected = plan.get(tail);
          expect(placeTicket(state, tail, now)).toEqual(expected && { position: expected.position, estimatedWaitMs: expected.estimatedWaitMs });
          compared++;
          if (state.lines.appointment.live === 0 && tail.transferTo === null) shortcuts++;
        }
        // And any other waiting ticket (the full plan).
        const some = [...plan.keys()][Math.floor(plan.size / 2)];
        if (some) expect(placeTicket(state, some, now)?.position).toBe(plan.get(some)!.position);
      });
    }
    expect(compared).toBeGreaterThan(500);
    if (appointmentShare === 0) expect(shortcuts).toBe(compared);
    else expect(shortcuts).toBeGreaterThan(0);
  });

  it('places nothing that is not waiting', () => {
    const config = defineTestHall();
    const { state } = runScenario(config, 300, 7);
    const ended = [...state.tickets.values()].find((t) => t.status !== 'waiting');
    expect(ended && placeTicket(state, ended, state.lastAt)).toBeNull();
  });
});
