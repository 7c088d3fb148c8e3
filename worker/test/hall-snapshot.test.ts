import { describe, expect, it } from 'vitest';
import {
  createHallState,
  decide,
  defineHallConfig,
  evolve,
  localTime,
  snapshotQueue,
  summarizeHallStats,
  type HallCommand,
  type HallConfig,
  type HallEvent,
  type HallState,
} from '../../core/index.ts';
import { restoreHallState, serializeHallState } from '../hall/hall-snapshot.ts';

/** The snapshot codec against its oracle, the event log: a restored state must behave exactly as the replayed one. */

const config: HallConfig = (() => {
  const result = defineHallConfig({ hallId: 'xiaoshan', windows: Array.from({ length: 6 }, (_, i) => ({ id: String(i + 1) })) });
  if (!result.ok) throw new Error('bad config');
  return result.value;
})();

/** A small seeded generator (mulberry32): the same scenario on every run. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** A plausible next command for this state: takes, calls, services, transfers, window changes, ticks. */
const pickCommand = (state: HallState, random: () => number, n: number, now: number): HallCommand => {
  const windows = config.windowIds;
  const window = windows[Math.floor(random() * windows.length)]!;
  const held = [...state.windows.values()].filter((w) => w.ticketId !== null);
  const holder = held[Math.floor(random() * held.length)];
  const waiting = [...state.tickets.values()].filter((t) => t.status === 'waiting');
  const r = random();
  if (r < 0.3) {
    const kind = random();
    if (kind < 0.6) return { type: 'takeTicket', ticketId: `t${n}`, class: 'normal', ...(random() < 0.3 ? { phone: '13800138000' } : {}) };
    if (kind < 0.85) return { type: 'takeTicket', ticketId: `t${n}`, class: 'priority', priorityReason: 'elderly' };
    return { type: 'takeTicket', ticketId: `t${n}`, class: 'appointment', appointment: { slotStart: now + Math.floor(random() * 40) * 60_000 } };
  }
  if (r < 0.45) return { type: 'callNext', windowId: window };
  if (r < 0.52) return { type: random() < 0.8 ? 'openWindow' : 'closeWindow', windowId: window };
  if (r < 0.55) return { type: 'pauseWindow', windowId: window, reason: '午休' };
  if (r < 0.57) return { type: 'resumeWindow', windowId: window };
  if (r < 0.6 && waiting.length > 0) return { type: 'cancel', ticketId: waiting[Math.floor(random() * waiting.length)]!.id };
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

/** Runs a scenario over three working days; returns states at checkpoints and each step's command and time. */
const runScenario = (steps: number, seed: number) => {
  const random = seeded(seed);
  const state = createHallState(config);
  const script: { command: HallCommand; now: number }[] = [];
  let now = localTime(2026, 3, 2, 8, 30);
  for (let n = 0; n < steps; n++) {
    now += Math.floor(random() * 90_000);
    // Two overnight jumps: rollovers with unfinished tickets, open windows and a previous day's stats.
    if (n === Math.floor(steps / 3) || n === Math.floor((2 * steps) / 3)) now += 16 * 60 * 60 * 1000;
    const command = pickCommand(state, random, n, now);
    script.push({ command, now });
    const result = decide(state, command, now);
    if (result.ok) for (const event of result.value) evolve(state, event);
  }
  return { state, script };
};

/** Applies the same commands to two states and returns what each emitted. */
const continueBoth = (a: HallState, b: HallState, script: readonly { command: HallCommand; now: number }[]) => {
  const outA: unknown[] = [];
  const outB: unknown[] = [];
  for (const { command, now } of script) {
    for (const [state, out] of [
      [a, outA],
      [b, outB],
    ] as const) {
      const result = decide(state, command, now);
      out.push(result.ok ? result.value : result.error);
      if (result.ok) for (const event of result.value as HallEvent[]) evolve(state, event);
    }
  }
  return [outA, outB];
};

describe('hall snapshots', () => {
  const cases = [1, 2, 3, 4, 5].flatMap((seed) => [150, 500, 900].map((steps) => [seed, steps] as const));
  it.each(cases)('restore a state that behaves like the original (scenario %i after %i steps)', (seed, steps) => {
    const { state, script } = runScenario(steps, seed);
    const text = serializeHallState(state);
    const restored = restoreHallState(config, text);
    expect(restored).not.toBeNull();
    // A fixed point: serializing the restored state writes the same text.
    expect(serializeHallState(restored!)).toBe(text);
    const now = state.lastAt + 1000;
    expect(snapshotQueue(restored!, now)).toEqual(snapshotQueue(state, now));
    expect(summarizeHallStats(restored!, now)).toEqual(summarizeHallStats(state, now));
    expect(summarizeHallStats(restored!, now, 'previous')).toEqual(summarizeHallStats(state, now, 'previous'));
    // And the future: the same commands give the same events and refusals.
    const later = script.map(({ command }, i) => ({ command, now: state.lastAt + (i + 1) * 20_000 }));
    const [fromOriginal, fromRestored] = continueBoth(state, restored!, later);
    expect(fromRestored).toEqual(fromOriginal);
    expect(serializeHallState(restored!)).toBe(serializeHallState(state));
  });

  it('never carries a snapshot over to another hall', () => {
    const { state } = runScenario(50, 9);
    const other = defineHallConfig({ hallId: 'binjiang', windows: [{ id: '1' }] });
    expect(other.ok && restoreHallState(other.value, serializeHallState(state))).toBeNull();
  });
});
