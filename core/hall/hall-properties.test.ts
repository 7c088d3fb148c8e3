import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneHallState } from './clone-hall-state.ts';
import { planDayRollover, rollForward } from './day-rollover.ts';
import { decide } from './decide.ts';
import { evolve } from './evolve.ts';
import { createHallState } from './hall-state.ts';
import { localDayOf } from './local-day.ts';
import { configOf, fingerprint, MINUTE, runSequence, sequences, START, WINDOWS } from './random-hall-run.ts';
import type { HallCommand, HallEvent, HallState } from './types.ts';

const runs = { numRuns: 150 };

describe('hall properties (random command sequences)', () => {
  it('keeps every invariant: one holder per ticket, one ticket per window, FCFS, the ratio, pure decide', () => {
    fc.assert(fc.property(sequences, ([settings, steps]) => void runSequence(settings, steps, { thorough: true })), runs);
  }, 60_000);

  it('ends every ticket exactly once (completed, cancelled, no-show or expired)', () => {
    fc.assert(
      fc.property(sequences, ([settings, steps]) => {
        const { events } = runSequence(settings, steps);
        const endings = new Map<string, number>();
        const bump = (id: string) => endings.set(id, (endings.get(id) ?? 0) + 1);
        for (const e of events) {
          if (e.type === 'ticketCompleted' || e.type === 'ticketNoShow' || e.type === 'ticketCancelled') bump(e.ticketId);
          if (e.type === 'dayRolledOver') e.expiredTicketIds.forEach(bump);
        }
        for (const e of events) if (e.type === 'ticketTaken') expect(endings.get(e.ticketId)).toBe(1);
      }),
      runs,
    );
  }, 60_000);

  it('numbers tickets uniquely and consecutively per class per day', () => {
    fc.assert(
      fc.property(sequences, ([settings, steps]) => {
        const { events, config } = runSequence(settings, steps);
        const next = new Map<string, number>();
        for (const e of events) {
          if (e.type !== 'ticketTaken') continue;
          const key = `${localDayOf(e.at)}/${e.class}`;
          const n = (next.get(key) ?? 0) + 1;
          next.set(key, n);
          expect(e.number).toBe(config.prefixes[e.class] + String(n).padStart(3, '0'));
        }
      }),
      runs,
    );
  }, 60_000);

  it('rebuilds the same state by replaying the persisted events (the restart guarantee)', () => {
    fc.assert(
      fc.property(sequences, ([settings, steps]) => {
        const { config, state, events } = runSequence(settings, steps);
        const replayed = createHallState(config);
        for (const stored of events.map((e) => JSON.parse(JSON.stringify(e)) as HallEvent)) evolve(replayed, stored);
        expect(fingerprint(replayed)).toBe(fingerprint(state));
        expect(replayed).toEqual(state);
      }),
      runs,
    );
  }, 60_000);

  it('decides after an automatic rollover exactly as on a deep copy rolled over by evolve', () => {
    fc.assert(
      fc.property(sequences, fc.constantFrom<HallCommand>(
        { type: 'takeTicket', ticketId: 't3', class: 'normal' },
        { type: 'takeTicket', ticketId: 'fresh', class: 'normal' },
        { type: 'callNext', windowId: '1' },
        { type: 'openWindow', windowId: '2' },
        { type: 'cancel', ticketId: 't1' },
        { type: 'complete', ticketId: 't2', outcome: 'referred' },
        { type: 'tick' },
      ), ([settings, steps], command) => {
        const { state } = runSequence(settings, steps, { finish: false });
        const later = state.lastAt + 86_400_000;
        const rollover = planDayRollover(state, later)!;
        const oracle = evolve(cloneHallState(state), rollover);
        const fast = rollForward(state, later).state;
        const normalize = (s: HallState) => fingerprint(cloneHallState(s));
        expect(normalize(fast)).toBe(normalize(oracle));
        const expected = decide(oracle, command, later);
        const actual = decide(state, command, later);
        expect(actual).toEqual(expected.ok ? { ok: true, value: [rollover, ...expected.value] } : expected);
      }),
      runs,
    );
  }, 60_000);
});

describe('the random sequences themselves', () => {
  it('exercise every event and every call source, so the properties above are not vacuous', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(sequences, ([settings, steps]) => {
        for (const e of runSequence(settings, steps).events) {
          seen.add(e.type === 'ticketCalled' ? `${e.type}/${e.source}/${e.ratioCounted}` : e.type);
          if (e.type === 'ticketNoShow') seen.add(`ticketNoShow/${e.reason}`);
        }
      }),
      runs,
    );
    const expected = [
      'dayRolledOver', 'ticketTaken', 'servingStarted', 'ticketCompleted', 'ticketRecalled', 'ticketTransferred',
      'ticketCancelled', 'windowOpened', 'windowPaused', 'windowResumed', 'windowClosed',
      'ticketCalled/transfer/false', 'ticketCalled/appointment/false', 'ticketCalled/normal/false',
      'ticketCalled/normal/true', 'ticketCalled/priority/false', 'ticketCalled/priority/true',
      'ticketNoShow/staff', 'ticketNoShow/recall_limit', 'ticketNoShow/timeout',
    ];
    expect(expected.filter((k) => !seen.has(k))).toEqual([]);
  }, 60_000);
});

describe('hall properties (long runs, both lines always waiting)', () => {
  it('serves the lines in the configured ratio, whichever window calls', () => {
    fc.assert(
      fc.property(
        fc.record({ normal: fc.integer({ min: 1, max: 4 }), priority: fc.integer({ min: 1, max: 3 }) }),
        fc.array(fc.nat({ max: WINDOWS.length - 1 }), { minLength: 50, maxLength: 300 }),
        (ratio, callers) => {
          const config = configOf({ ratio, maxRecalls: 2 });
          const state = createHallState(config);
          let now = START;
          const run = (command: HallCommand) => {
            const result = decide(state, command, now);
            if (!result.ok) throw new Error(result.error.code);
            for (const e of result.value) evolve(state, e);
            return result.value;
          };
          for (const id of WINDOWS) run({ type: 'openWindow', windowId: id });
          for (let i = 0; i < callers.length; i++) {
            run({ type: 'takeTicket', ticketId: `a${i}`, class: 'normal' });
            run({ type: 'takeTicket', ticketId: `b${i}`, class: 'priority', priorityReason: 'disabled' });
          }
          const served = { normal: 0, priority: 0 };
          for (const w of callers) {
            now += MINUTE;
            const windowId = WINDOWS[w]!;
            const held = state.windows.get(windowId)!.ticketId;
            if (held !== null) run({ type: 'complete', ticketId: held, outcome: 'case_accepted' });
            const [called] = run({ type: 'callNext', windowId });
            if (called?.type === 'ticketCalled') served[called.source as 'normal' | 'priority']++;
          }
          const total = served.normal + served.priority;
          const expectedPriority = (total * ratio.priority) / (ratio.normal + ratio.priority);
          expect(Math.abs(served.priority - expectedPriority)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 100 },
    );
  });
});
