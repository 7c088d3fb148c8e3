import { describe, expect, it } from 'vitest';
import { decide, defineHallConfig, evolve, snapshotQueue, summarizeHallStats, type HallEvent, type HallState } from '../../core/index.ts';
import { restoreHallState, serializeHallState } from '../hall/hall-snapshot.ts';
import { defineTestHall, runScenario, type ScenarioStep } from './hall-scenario.ts';

/** The snapshot codec against its oracle, the event log: a restored state must behave exactly as the replayed one. */

const config = defineTestHall();

/** Applies the same commands to two states and returns what each emitted. */
const continueBoth = (a: HallState, b: HallState, script: readonly ScenarioStep[]) => {
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
    const { state, script } = runScenario(config, steps, seed);
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
    const { state } = runScenario(config, 50, 9);
    const other = defineHallConfig({ hallId: 'binjiang', windows: [{ id: '1' }] });
    expect(other.ok && restoreHallState(other.value, serializeHallState(state))).toBeNull();
  });
});
