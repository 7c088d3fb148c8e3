/**
 * Test helper for hall-properties.test.ts (not exported from the core): random hall actions (fast-check
 * arbitraries) and their translation into commands against the current state. random-hall-run.ts runs them.
 */
import fc from 'fast-check';
import { localTime } from './local-day.ts';
import type { HallCommand, HallState } from './types.ts';

// ------------------------------------------------------------------ random command sequences

export const WINDOWS = ['1', '2', '3', '4'];
export const MINUTE = 60_000;
export const START = localTime(2026, 3, 2, 8, 30);

export type Action =
  | { kind: 'take'; cls: 0 | 1 | 2; slotOffsetMin: number }
  | { kind: 'call' | 'open' | 'resume' | 'close'; w: number }
  | { kind: 'pause'; w: number }
  | { kind: 'recall' | 'start' | 'noShow' | 'cancel'; pick: number; atWindow: boolean }
  | { kind: 'complete'; pick: number; outcome: 0 | 1 | 2 }
  | { kind: 'transfer'; pick: number; to: number | null }
  | { kind: 'tick' }
  | { kind: 'nextDay'; days: number; minute: number };

const window = fc.nat({ max: WINDOWS.length - 1 });
const ticketClass = fc.constantFrom(0, 0, 1, 2) as fc.Arbitrary<0 | 1 | 2>;
const outcome = fc.constantFrom(0, 1, 2) as fc.Arbitrary<0 | 1 | 2>;
const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const action: fc.Arbitrary<Action> = fc.oneof(
  weighted(6, fc.record({ kind: fc.constant('take' as const), cls: ticketClass, slotOffsetMin: fc.integer({ min: -40, max: 60 }) })),
  weighted(10, fc.record({ kind: fc.constant('call' as const), w: window })),
  weighted(2, fc.record({ kind: fc.constantFrom('open' as const, 'open' as const, 'resume' as const, 'close' as const), w: window })),
  weighted(1, fc.record({ kind: fc.constant('pause' as const), w: window })),
  weighted(
    4,
    fc.record({
      kind: fc.constantFrom('recall' as const, 'start' as const, 'noShow' as const, 'cancel' as const),
      pick: fc.nat(),
      atWindow: fc.boolean(),
    }),
  ),
  weighted(5, fc.record({ kind: fc.constant('complete' as const), pick: fc.nat(), outcome })),
  weighted(2, fc.record({ kind: fc.constant('transfer' as const), pick: fc.nat(), to: fc.option(window) })),
  weighted(1, fc.record({ kind: fc.constant('tick' as const) })),
  weighted(
    1,
    fc.record({
      kind: fc.constant('nextDay' as const),
      days: fc.integer({ min: 1, max: 3 }),
      minute: fc.integer({ min: 0, max: 600 }),
    }),
  ),
);
const step = fc.record({
  action,
  dtSeconds: fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 120 }) },
    { weight: 1, arbitrary: fc.integer({ min: 120, max: 3600 }) },
  ),
});
export const hallSettings = fc.record({
  ratio: fc.record({ normal: fc.integer({ min: 1, max: 3 }), priority: fc.integer({ min: 1, max: 2 }) }),
  maxRecalls: fc.integer({ min: 0, max: 2 }),
});

const OUTCOMES = ['case_accepted', 'consultation_only', 'referred'] as const;
const CLASSES = ['normal', 'priority', 'appointment'] as const;

/** Turns an action into a command against the ids seen so far (often invalid on purpose: errors are exercised). */
export const toCommand = (a: Action, ids: readonly string[], state: HallState, now: number, n: number): HallCommand => {
  // Mostly a ticket some window holds (so service commands often apply), sometimes any ticket or a ghost.
  const held = [...state.windows.values()].flatMap((w) => (w.ticketId === null ? [] : [w.ticketId]));
  const pickId = (pick: number): string => {
    if (ids.length === 0 || pick % 17 === 16) return 'ghost';
    if (held.length > 0 && pick % 3 !== 0) return held[pick % held.length]!;
    return ids[pick % ids.length]!;
  };
  switch (a.kind) {
    case 'take': {
      const cls = CLASSES[a.cls];
      const base = { type: 'takeTicket' as const, ticketId: `t${n}`, class: cls };
      if (cls === 'priority') return { ...base, priorityReason: 'elderly' };
      if (cls === 'appointment') return { ...base, appointment: { slotStart: now + a.slotOffsetMin * MINUTE } };
      return base;
    }
    case 'call':
    case 'open':
    case 'resume':
    case 'close': {
      const type = ({ call: 'callNext', open: 'openWindow', resume: 'resumeWindow', close: 'closeWindow' } as const)[a.kind];
      return { type, windowId: WINDOWS[a.w]! };
    }
    case 'pause':
      return { type: 'pauseWindow', windowId: WINDOWS[a.w]!, reason: '暂离' };
    case 'recall':
    case 'start':
    case 'noShow':
    case 'cancel': {
      const ticketId = pickId(a.pick);
      if (a.kind === 'cancel') return { type: 'cancel', ticketId };
      const windowId = a.atWindow ? (state.tickets.get(ticketId)?.windowId ?? '1') : undefined;
      const type = ({ recall: 'recall', start: 'startServing', noShow: 'markNoShow' } as const)[a.kind];
      return windowId === undefined ? { type, ticketId } : { type, ticketId, windowId };
    }
    case 'complete':
      return { type: 'complete', ticketId: pickId(a.pick), outcome: OUTCOMES[a.outcome] };
    case 'transfer':
      return a.to === null
        ? { type: 'transfer', ticketId: pickId(a.pick), backToLine: true }
        : { type: 'transfer', ticketId: pickId(a.pick), toWindowId: WINDOWS[a.to]! };
    case 'tick':
      return { type: 'tick' };
    case 'nextDay':
      return { type: 'rolloverDay' };
  }
};

export const sequences = fc.tuple(hallSettings, fc.array(step, { minLength: 1, maxLength: 150, size: 'max' }));
