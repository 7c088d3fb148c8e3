/**
 * Test helper for hall-properties.test.ts (not exported from the core): random command sequences, an
 * independent model of who waits where, and a runner that checks every step against it.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { decide } from './decide.ts';
import { evolve } from './evolve.ts';
import { defineHallConfig } from './hall-config.ts';
import { createHallState } from './hall-state.ts';
import { localDayOf, localTime } from './local-day.ts';
import type { HallCommand, HallConfig, HallEvent, HallEventOf, HallState, LineName } from './types.ts';

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
const toCommand = (a: Action, ids: readonly string[], state: HallState, now: number, n: number): HallCommand => {
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

// ------------------------------------------------------------------ an independent model of who waits where

interface ModelTicket {
  line: LineName;
  seq: number;
  slotStart: number | null;
  status: 'waiting' | 'held' | 'ended';
  transferTo: string | null;
  transferOrder: number;
}

/** State as a string, Maps and typed arrays included, lines as ticket ids: equal strings, equal states. */
export const fingerprint = (state: HallState): string =>
  JSON.stringify(state, (key, value: unknown) => {
    if (value instanceof Map) return [...value.entries()];
    if (ArrayBuffer.isView(value)) {
      // A position-weighted checksum: any single change shows, at a fraction of the cost of listing 531 counters.
      const counts = value as Uint32Array;
      let sum = 0;
      for (let i = 0; i < counts.length; i++) sum += (i + 1) * counts[i]!;
      return `#${counts.length}:${sum}`;
    }
    if (key === 'items' && Array.isArray(value)) return value.map((t: { id: string }) => t.id);
    if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
    return value;
  });

export const configOf = (settings: { ratio: { normal: number; priority: number }; maxRecalls: number }): HallConfig => {
  const config = defineHallConfig({
    hallId: 'prop',
    windows: WINDOWS.map((id) => ({ id })),
    priorityRatio: settings.ratio,
    maxRecalls: settings.maxRecalls,
  });
  if (!config.ok) throw new Error('config');
  return config.value;
};

/** Structural invariants of one state. */
export const checkState = (state: HallState): void => {
  const held = new Set<string>();
  for (const w of state.windows.values()) {
    if (w.ticketId === null) continue;
    expect(held.has(w.ticketId), 'a ticket held by two windows').toBe(false);
    held.add(w.ticketId);
    const t = state.tickets.get(w.ticketId);
    expect(t && (t.status === 'called' || t.status === 'serving')).toBe(true);
    expect(t?.windowId).toBe(w.id);
    if (w.status === 'closed') throw new Error('a closed window holds a ticket');
  }
  let waiting = 0;
  for (const t of state.tickets.values()) {
    if (t.status === 'called' || t.status === 'serving') expect(held.has(t.id), `${t.id} held by no window`).toBe(true);
    if (t.status === 'waiting') waiting++;
  }
  const seen = new Set<string>();
  const lines = [...Object.values(state.lines), ...[...state.windows.values()].map((w) => w.transfers)];
  let live = 0;
  for (const line of lines) {
    let count = 0;
    for (let i = line.head; i < line.items.length; i++) {
      const t = line.items[i]!;
      if (t.status !== 'waiting') continue;
      expect(seen.has(t.id), `${t.id} stands in two lines`).toBe(false);
      seen.add(t.id);
      count++;
    }
    expect(line.live).toBe(count);
    expect(line.head === line.items.length || line.items[line.head]!.status === 'waiting').toBe(true);
    live += count;
  }
  expect(live).toBe(waiting);
};

export interface RunResult {
  readonly config: HallConfig;
  readonly state: HallState;
  readonly events: HallEvent[];
}

/** Runs a sequence, checking every step; by default ends with a rollover so that every ticket has ended. */
export const runSequence = (
  settings: Parameters<typeof configOf>[0],
  steps: readonly { action: Action; dtSeconds: number }[],
  { finish = true, thorough = false }: { finish?: boolean; thorough?: boolean } = {},
): RunResult => {
  const config = configOf(settings);
  const state = createHallState(config);
  const events: HallEvent[] = [];
  const ids: string[] = [];
  const model = new Map<string, ModelTicket>();
  const windowStatus = new Map(WINDOWS.map((id) => [id, 'closed']));
  const ratioTally = { normal: 0, priority: 0 };
  let transferOrder = 0;
  let now = START;
  let n = 0;

  const checkCall = (e: HallEventOf<'ticketCalled'>): void => {
    expect(windowStatus.get(e.windowId), 'only an open window calls').toBe('open');
    const waiting = [...model.entries()].filter(([, t]) => t.status === 'waiting');
    const mine = waiting.filter(([, t]) => t.transferTo === e.windowId).sort((a, b) => a[1].transferOrder - b[1].transferOrder);
    if (mine.length > 0) {
      expect([e.source, e.ticketId]).toEqual(['transfer', mine[0]![0]]);
      return;
    }
    const common = waiting.filter(([, t]) => t.transferTo === null);
    const first = (line: LineName) =>
      common
        .filter(([, t]) => t.line === line)
        .sort((a, b) => (line === 'appointment' ? a[1].slotStart! - b[1].slotStart! : 0) || a[1].seq - b[1].seq)[0];
    const appointment = first('appointment');
    if (appointment && appointment[1].slotStart! - config.graceBeforeMs <= e.at) {
      expect([e.source, e.ticketId]).toEqual(['appointment', appointment[0]]);
      return;
    }
    const normal = first('normal');
    const priority = first('priority');
    // FCFS within each line: the call takes a line's earliest ticket (transfers back to line keep their seq).
    const expected = e.source === 'normal' ? normal : e.source === 'priority' ? priority : undefined;
    expect(expected?.[0], `FCFS in ${e.source}`).toBe(e.ticketId);
    expect(e.ratioCounted).toBe(normal !== undefined && priority !== undefined);
    if (e.ratioCounted) {
      ratioTally[e.source as 'normal' | 'priority']++;
      // The ratio over calls made while both lines waited: priority·N − normal·P stays in (−P, N].
      const drift = ratioTally.priority * config.priorityRatio.normal - ratioTally.normal * config.priorityRatio.priority;
      expect(drift).toBeGreaterThan(-config.priorityRatio.priority);
      expect(drift).toBeLessThanOrEqual(config.priorityRatio.normal);
    }
  };

  const applyToModel = (e: HallEvent): void => {
    const t = 'ticketId' in e ? model.get(e.ticketId) : undefined;
    switch (e.type) {
      case 'ticketTaken':
        model.set(e.ticketId, { line: e.line, seq: e.seq, slotStart: e.slotStart, status: 'waiting', transferTo: null, transferOrder: 0 });
        break;
      case 'ticketCalled':
        checkCall(e);
        t!.status = 'held';
        t!.transferTo = null;
        break;
      case 'ticketCompleted':
      case 'ticketNoShow':
      case 'ticketCancelled':
        t!.status = 'ended';
        break;
      case 'ticketTransferred':
        t!.status = 'waiting';
        t!.transferTo = e.toWindowId;
        t!.transferOrder = transferOrder++;
        break;
      case 'windowClosed':
        windowStatus.set(e.windowId, 'closed');
        for (const id of e.returnedTicketIds) model.get(id)!.transferTo = null;
        break;
      case 'windowOpened':
      case 'windowResumed':
        windowStatus.set(e.windowId, 'open');
        break;
      case 'windowPaused':
        windowStatus.set(e.windowId, 'paused');
        break;
      case 'dayRolledOver':
        for (const id of e.expiredTicketIds) model.get(id)!.status = 'ended';
        for (const id of WINDOWS) windowStatus.set(id, 'closed');
        ratioTally.normal = 0;
        ratioTally.priority = 0;
        break;
      default:
        break;
    }
  };

  // The state-wide checks (purity by fingerprint, structure) cost O(state) per step: only when thorough.
  const apply = (command: HallCommand): void => {
    const before = thorough ? fingerprint(state) : '';
    const result = decide(state, command, now);
    if (thorough) expect(fingerprint(state), 'decide mutated its input').toBe(before);
    if (!result.ok) return;
    for (const event of result.value) {
      if (thorough) expect(JSON.parse(JSON.stringify(event))).toEqual(event);
      applyToModel(event);
      evolve(state, event);
      events.push(event);
    }
    if (thorough) checkState(state);
  };

  // Staff open three of the four windows each morning; the fourth only opens when a step asks.
  const openMorningWindows = () => {
    for (const windowId of WINDOWS.slice(0, 3)) apply({ type: 'openWindow', windowId });
  };
  openMorningWindows();
  for (const { action: a, dtSeconds } of steps) {
    const day = state.day;
    if (a.kind === 'nextDay') {
      now = localTime(2026, 3, 2, 0, 0) + (localDayOf(now) - localDayOf(START) + a.days) * 86_400_000 + (8 * 60 + a.minute) * MINUTE;
    } else {
      now += dtSeconds * 1000;
    }
    const command = toCommand(a, ids, state, now, n++);
    if (command.type === 'takeTicket') ids.push(command.ticketId);
    apply(command);
    if (state.day !== day) openMorningWindows();
  }
  if (finish) {
    now = localTime(2026, 3, 2) + (localDayOf(now) - localDayOf(START) + 1) * 86_400_000;
    apply({ type: 'rolloverDay' });
  }
  return { config, state, events };
};

export const sequences = fc.tuple(hallSettings, fc.array(step, { minLength: 1, maxLength: 150, size: 'max' }));
