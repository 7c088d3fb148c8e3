/**
 * Test helper for hall-properties.test.ts (not exported from the core): an independent model of who waits
 * where, and a runner that plays random actions (random-hall-actions.ts) checking every step against it.
 */
import { expect } from 'vitest';
import { decide } from './decide.ts';
import { evolve } from './evolve.ts';
import { defineHallConfig } from './hall-config.ts';
import { createHallState } from './hall-state.ts';
import { localDayOf, localTime } from './local-day.ts';
import { MINUTE, START, toCommand, WINDOWS, type Action } from './random-hall-actions.ts';
import type { HallCommand, HallConfig, HallEvent, HallEventOf, HallState, LineName } from './types.ts';

export { MINUTE, sequences, START, WINDOWS } from './random-hall-actions.ts';

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

