import type { DomainError } from '../result.ts';
import { decide } from './decide.ts';
import { evolve } from './evolve.ts';
import { defineHallConfig } from './hall-config.ts';
import { createHallState } from './hall-state.ts';
import { localTime } from './local-day.ts';
import type { HallCommand, HallConfigInput, HallEvent, HallState } from './types.ts';

/** Test helper (not exported from the core): a hall driven command by command with a hand-moved clock. */

/** Monday 2 March 2026, 8:30 in Xiaoshan. */
export const OPENING = localTime(2026, 3, 2, 8, 30);
export const MINUTE = 60_000;

export interface HallDriver {
  state: HallState;
  now: number;
  readonly log: HallEvent[];
  /** Runs a command that must succeed; applies and returns its events. */
  run(command: HallCommand): HallEvent[];
  /** Runs a command that must fail; returns the error. */
  fail(command: HallCommand): DomainError;
  advance(ms: number): void;
  take(ticketId: string, extra?: Partial<Extract<HallCommand, { type: 'takeTicket' }>>): string;
  call(windowId: string): string;
}

export const createDriver = (
  input: Partial<HallConfigInput> & { windowCount?: number } = {},
  start = OPENING,
): HallDriver => {
  const count = input.windowCount ?? 3;
  const config = defineHallConfig({
    hallId: 'xiaoshan',
    windows: Array.from({ length: count }, (_, i) => ({ id: String(i + 1) })),
    ...input,
  });
  if (!config.ok) throw new Error(`bad config: ${JSON.stringify(config.error)}`);
  const driver: HallDriver = {
    state: createHallState(config.value),
    now: start,
    log: [],
    run(command) {
      const result = decide(driver.state, command, driver.now);
      if (!result.ok) throw new Error(`${command.type} failed: ${JSON.stringify(result.error)}`);
      for (const event of result.value) {
        evolve(driver.state, event);
        driver.log.push(event);
      }
      return result.value;
    },
    fail(command) {
      const result = decide(driver.state, command, driver.now);
      if (result.ok) throw new Error(`${command.type} unexpectedly succeeded: ${JSON.stringify(result.value)}`);
      return result.error;
    },
    advance(ms) {
      driver.now += ms;
    },
    take(ticketId, extra = {}) {
      const events = driver.run({ type: 'takeTicket', ticketId, class: 'normal', ...extra } as HallCommand);
      const taken = events.find((e) => e.type === 'ticketTaken');
      return taken && taken.type === 'ticketTaken' ? taken.number : driver.state.tickets.get(ticketId)!.number;
    },
    call(windowId) {
      const events = driver.run({ type: 'callNext', windowId });
      const called = events.find((e) => e.type === 'ticketCalled');
      if (!called || called.type !== 'ticketCalled') throw new Error('no call');
      return called.number;
    },
  };
  return driver;
};

/** A driver with windows 1..n open. */
export const createOpenHall = (input: Partial<HallConfigInput> & { windowCount?: number } = {}, start = OPENING): HallDriver => {
  const driver = createDriver(input, start);
  for (const id of driver.state.config.windowIds) driver.run({ type: 'openWindow', windowId: id });
  return driver;
};
