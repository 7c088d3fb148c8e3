import {
  createHallState,
  decide,
  defineHallConfig,
  evolve,
  localTime,
  type HallCommand,
  type HallConfig,
  type HallConfigInput,
  type HallState,
} from '../../core/index.ts';

/** Seeded random hall days driven through core decide/evolve, for tests that compare two implementations. */

export const defineTestHall = (input: Partial<HallConfigInput> = {}): HallConfig => {
  const result = defineHallConfig({ hallId: 'xiaoshan', windows: Array.from({ length: 6 }, (_, i) => ({ id: String(i + 1) })), ...input });
  if (!result.ok) throw new Error(`bad config: ${JSON.stringify(result.error)}`);
  return result.value;
};

/** A small seeded generator (mulberry32): the same scenario on every run. */
export const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export interface ScenarioOptions {
  /** Share of takes that are appointments (check-ins for a slot within the next 40 minutes). */
  readonly appointmentShare?: number;
}

/** A plausible next command for this state: takes, calls, services, transfers, window changes, ticks. */
const pickCommand = (state: HallState, random: () => number, n: number, now: number, options: ScenarioOptions): HallCommand => {
  const windows = state.config.windowIds;
  const window = windows[Math.floor(random() * windows.length)]!;
  const held = [...state.windows.values()].filter((w) => w.ticketId !== null);
  const holder = held[Math.floor(random() * held.length)];
  const r = random();
  if (r < 0.3) {
    const kind = random();
    const appointments = options.appointmentShare ?? 0.15;
    if (kind < appointments) {
      return { type: 'takeTicket', ticketId: `t${n}`, class: 'appointment', appointment: { slotStart: now + Math.floor(random() * 40) * 60_000 } };
    }
    if (kind < appointments + (1 - appointments) * 0.3) return { type: 'takeTicket', ticketId: `t${n}`, class: 'priority', priorityReason: 'elderly' };
    return { type: 'takeTicket', ticketId: `t${n}`, class: 'normal', ...(random() < 0.3 ? { phone: '13800138000' } : {}) };
  }
  if (r < 0.45) return { type: 'callNext', windowId: window };
  if (r < 0.52) return { type: random() < 0.8 ? 'openWindow' : 'closeWindow', windowId: window };
  if (r < 0.55) return { type: 'pauseWindow', windowId: window, reason: '午休' };
  if (r < 0.57) return { type: 'resumeWindow', windowId: window };
  if (r < 0.6) {
    const waiting = [...state.tickets.values()].filter((t) => t.status === 'waiting');
    if (waiting.length > 0) return { type: 'cancel', ticketId: waiting[Math.floor(random() * waiting.length)]!.id };
  }
  if (r < 0.62) return { type: 'tick' };
  if (holder && holder.ticketId !== null) {
    const ticketId = holder.ticketId;
    const s = random();
    if (s < 0.5) return { type: 'complete', ticketId, outcome: 'case_accepted' };
    if (s < 0.65) return { type: 'startServing', ticketId };
    if (s < 0.75) return { type: 'recall', ticketId };
    if (s < 0.82) return { type: 'markNoShow', ticketId };
    if (s < 0.9) return { type: 'transfer', ticketId, toWindowId: window };
    return { type: 'transfer', ticketId, backToLine: true };
  }
  return { type: 'callNext', windowId: window };
};

export interface ScenarioStep {
  readonly command: HallCommand;
  readonly now: number;
}

/**
 * Runs `steps` commands over three working days (two overnight jumps: rollovers with unfinished tickets, open
 * windows and a previous day's stats), calling `visit` after each; returns the final state and the script.
 */
export const runScenario = (
  config: HallConfig,
  steps: number,
  seed: number,
  options: ScenarioOptions = {},
  visit?: (state: HallState, now: number) => void,
): { state: HallState; script: ScenarioStep[] } => {
  const random = seeded(seed);
  const state = createHallState(config);
  const script: ScenarioStep[] = [];
  let now = localTime(2026, 3, 2, 8, 30);
  for (let n = 0; n < steps; n++) {
    now += Math.floor(random() * 90_000);
    if (n === Math.floor(steps / 3) || n === Math.floor((2 * steps) / 3)) now += 16 * 60 * 60 * 1000;
    const command = pickCommand(state, random, n, now, options);
    script.push({ command, now });
    const result = decide(state, command, now);
    if (result.ok) for (const event of result.value) evolve(state, event);
    visit?.(state, now);
  }
  return { state, script };
};
