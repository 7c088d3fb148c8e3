/**
 * A discrete-event simulation of a hall day that drives the REAL core: every take, call, recall, start,
 * complete, no-show, cancel, pause and close is a command through decide() and evolve(). The simulation
 * only plays the citizens and the staff (when a window is free it calls the next ticket; at lunch and at
 * closing a free window with nothing to call pauses or closes).
 */
import {
  createHallState,
  decide,
  defineHallConfig,
  evolve,
  summarizeHallStats,
  type HallCommand,
  type HallEvent,
  type HallState,
  type HallStatsSummary,
} from '../core/index.ts';
import { atMinute, HALL_HOURS, type DayPlan, type PlannedCitizen } from './hall-day-plan.ts';

const SECOND = 1000;

type SimEvent =
  | { kind: 'arrive' | 'start' | 'complete' | 'recall' | 'cancel'; citizen: number }
  | { kind: 'tick' | 'wake'; hall: number }
  | { kind: 'lunch' | 'afternoon' | 'closing' };

/** A binary min-heap on (time, insertion order): ties run in the order they were scheduled. */
class Agenda {
  private readonly times: number[] = [];
  private readonly order: number[] = [];
  private readonly items: SimEvent[] = [];
  private next = 0;

  get size(): number {
    return this.items.length;
  }

  push(time: number, item: SimEvent): void {
    this.times.push(time);
    this.order.push(this.next++);
    this.items.push(item);
    let i = this.items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): { time: number; item: SimEvent } {
    const top = { time: this.times[0]!, item: this.items[0]! };
    const last = this.items.length - 1;
    this.swap(0, last);
    this.times.pop();
    this.order.pop();
    this.items.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.items.length && this.before(l, m)) m = l;
      if (r < this.items.length && this.before(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }

  private before(a: number, b: number): boolean {
    return this.times[a]! < this.times[b]! || (this.times[a] === this.times[b] && this.order[a]! < this.order[b]!);
  }

  private swap(a: number, b: number): void {
    [this.times[a], this.times[b]] = [this.times[b]!, this.times[a]!];
    [this.order[a], this.order[b]] = [this.order[b]!, this.order[a]!];
    [this.items[a], this.items[b]] = [this.items[b]!, this.items[a]!];
  }
}

export interface SimulatedDay {
  /** Take -> first call per citizen in plan order, ms; NaN when never called (cancelled first). */
  readonly waits: Float64Array;
  /** The core's own statistics per hall, for cross-checking the simulation's exact figures. */
  readonly hallStats: readonly HallStatsSummary[];
  readonly served: number;
  readonly noShows: number;
  readonly cancellations: number;
  readonly commands: number;
  readonly refusals: Readonly<Record<string, number>>;
  /** When the last citizen left. */
  readonly endsAt: number;
}

const minuteOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/**
 * Runs one day. `halls[h]` lists the window ids of hall h; `route(c)` says which hall a citizen goes to
 * (always 0 for the pooled hall, the block for dedicated windows).
 */
export const simulateDay = (
  plan: DayPlan,
  halls: readonly (readonly string[])[],
  route: (citizen: PlannedCitizen) => number,
): SimulatedDay => {
  const states: HallState[] = halls.map((windowIds, h) => {
    const config = defineHallConfig({
      hallId: `sim-${h}`,
      windows: windowIds.map((id) => ({ id })),
      hours: HALL_HOURS,
      maxRecalls: 2,
      recallTimeoutSeconds: 60,
    });
    if (!config.ok) throw new Error(`config: ${config.error.code}`);
    return createHallState(config.value);
  });
  const idle: string[][] = halls.map(() => []);
  const citizens = plan.citizens;
  const indexOf = new Map(citizens.map((c, i) => [c.ticketId, i]));
  const waits = new Float64Array(citizens.length).fill(Number.NaN);
  const refusals: Record<string, number> = {};
  const agenda = new Agenda();
  const lunchAt = atMinute(minuteOf(HALL_HOURS[0]!.to));
  const afternoonAt = atMinute(minuteOf(HALL_HOURS[1]!.from));
  const closingAt = atMinute(minuteOf(HALL_HOURS[1]!.to));
  let now = atMinute(minuteOf(HALL_HOURS[0]!.from));
  let commands = 0;
  let served = 0;
  let noShows = 0;
  let cancellations = 0;
  let endsAt = now;

  const run = (h: number, command: HallCommand): HallEvent[] | null => {
    commands++;
    const result = decide(states[h]!, command, now);
    if (!result.ok) {
      refusals[result.error.code] = (refusals[result.error.code] ?? 0) + 1;
      return null;
    }
    for (const event of result.value) evolve(states[h]!, event);
    for (const event of result.value) react(h, event);
    return result.value;
  };

  /** A free window calls; with nothing to call it waits, or pauses for lunch, or closes for the day. */
  const freeWindow = (h: number, windowId: string): void => {
    if (run(h, { type: 'callNext', windowId }) !== null) return;
    if (now >= closingAt) run(h, { type: 'closeWindow', windowId });
    else if (now >= lunchAt && now < afternoonAt) run(h, { type: 'pauseWindow', windowId, reason: '午休' });
    else idle[h]!.push(windowId);
  };

  /** Idle windows call, longest idle first, until the line is empty. */
  const wakeIdle = (h: number): void => {
    const list = idle[h]!;
    while (list.length > 0) {
      const windowId = list[0]!;
      if (run(h, { type: 'callNext', windowId }) === null) return;
      list.shift();
    }
  };

  const react = (h: number, event: HallEvent): void => {
    switch (event.type) {
      case 'ticketCalled': {
        const i = indexOf.get(event.ticketId)!;
        const c = citizens[i]!;
        if (Number.isNaN(waits[i]!)) waits[i] = now - c.arrivesAt;
        if (c.noShow) {
          agenda.push(now + 60 * SECOND, { kind: 'recall', citizen: i });
          agenda.push(now + 120 * SECOND, { kind: 'recall', citizen: i });
          if (c.noShowByRecall) agenda.push(now + 180 * SECOND, { kind: 'recall', citizen: i });
          else agenda.push(now + 180 * SECOND, { kind: 'tick', hall: h });
        } else {
          agenda.push(now + c.walkMs, { kind: 'start', citizen: i });
          agenda.push(now + c.walkMs + c.serviceMs, { kind: 'complete', citizen: i });
        }
        break;
      }
      case 'ticketCompleted':
        served++;
        endsAt = Math.max(endsAt, now);
        freeWindow(h, event.windowId);
        break;
      case 'ticketNoShow':
        noShows++;
        freeWindow(h, event.windowId);
        break;
      case 'ticketCancelled':
        cancellations++;
        break;
      default:
        break;
    }
  };

  citizens.forEach((c, i) => {
    agenda.push(c.arrivesAt, { kind: 'arrive', citizen: i });
    if (c.cancelAfterMs !== null) agenda.push(c.arrivesAt + c.cancelAfterMs, { kind: 'cancel', citizen: i });
  });
  agenda.push(lunchAt, { kind: 'lunch' });
  agenda.push(afternoonAt, { kind: 'afternoon' });
  agenda.push(closingAt, { kind: 'closing' });
  halls.forEach((windowIds, h) => {
    for (const windowId of windowIds) {
      run(h, { type: 'openWindow', windowId });
      idle[h]!.push(windowId);
    }
  });

  while (agenda.size > 0) {
    const { time, item } = agenda.pop();
    now = time;
    switch (item.kind) {
      case 'arrive': {
        const c = citizens[item.citizen]!;
        const h = route(c);
        const taken = run(h, {
          type: 'takeTicket',
          ticketId: c.ticketId,
          class: c.class,
          ...(c.class === 'priority' ? { priorityReason: 'elderly' as const } : {}),
          ...(c.slotStart !== null ? { appointment: { slotStart: c.slotStart } } : {}),
        });
        if (taken === null) throw new Error(`take refused at ${new Date(now).toISOString()}`);
        // An appointment taken early becomes callable at its slot minus the grace: wake the windows then.
        if (c.slotStart !== null) agenda.push(Math.max(now, c.slotStart - 10 * 60 * SECOND), { kind: 'wake', hall: h });
        wakeIdle(h);
        break;
      }
      case 'start':
        run(route(citizens[item.citizen]!), { type: 'startServing', ticketId: citizens[item.citizen]!.ticketId });
        break;
      case 'complete':
        run(route(citizens[item.citizen]!), {
          type: 'complete',
          ticketId: citizens[item.citizen]!.ticketId,
          outcome: 'case_accepted',
        });
        break;
      case 'recall':
        run(route(citizens[item.citizen]!), { type: 'recall', ticketId: citizens[item.citizen]!.ticketId });
        break;
      case 'cancel': {
        const c = citizens[item.citizen]!;
        const h = route(c);
        if (states[h]!.tickets.get(c.ticketId)?.status === 'waiting') run(h, { type: 'cancel', ticketId: c.ticketId });
        break;
      }
      case 'tick':
        run(item.hall, { type: 'tick' });
        break;
      case 'wake':
        wakeIdle(item.hall);
        break;
      case 'lunch':
        states.forEach((_, h) => {
          for (const windowId of idle[h]!.splice(0)) run(h, { type: 'pauseWindow', windowId, reason: '午休' });
        });
        break;
      case 'afternoon':
        states.forEach((state, h) => {
          for (const window of state.windows.values()) {
            if (window.status !== 'paused') continue;
            run(h, { type: 'resumeWindow', windowId: window.id });
            idle[h]!.push(window.id);
          }
          wakeIdle(h);
        });
        break;
      case 'closing':
        states.forEach((_, h) => {
          for (const windowId of idle[h]!.splice(0)) run(h, { type: 'closeWindow', windowId });
        });
        break;
    }
  }

  return {
    waits,
    hallStats: states.map((s) => summarizeHallStats(s, now)),
    served,
    noShows,
    cancellations,
    commands,
    refusals,
    endsAt,
  };
};
