import { runInDurableObject } from 'cloudflare:test';
import type { Result } from '../../core/index.ts';
import type { HallObject } from '../hall-object.ts';
import type { HallDayRecord } from '../hall/hall-days.ts';
import { HALL, hallStub } from './hall-helpers.ts';

/**
 * Helpers for the evaluation and report tests: the hall object's clock set to a Beijing local time (a module
 * variable the instance reads, so moving it needs no further call), and its day records read over RPC.
 */

const hallClock = { at: 0 };
const YEAR_MS = 366 * 24 * 60 * 60 * 1000;
const patched = new WeakSet<object>();

/**
 * Sets the hall's clock, e.g. `2026-11-23T09:00`; the instance keeps reading it until evicted. The hall arms its
 * alarm in its own time, which a test may set in the past, where the runtime would fire it at once and again
 * after every re-arm: alarms are pushed a year ahead instead, so they run only when the test runs them
 * (runDurableObjectAlarm), against the hall's clock.
 */
export const setHallTime = async (local: string): Promise<void> => {
  hallClock.at = Date.parse(`${local}:00+08:00`);
  await runInDurableObject(hallStub(), (instance: HallObject, state) => {
    instance.clock = () => hallClock.at;
    const storage = state.storage;
    if (patched.has(storage)) return;
    patched.add(storage);
    const setAlarm = storage.setAlarm.bind(storage);
    storage.setAlarm = (at, options) => setAlarm(Math.max(Number(at), Date.now() + YEAR_MS), options);
  });
};

export const listHallDays = async (from: string, to: string): Promise<HallDayRecord[]> => {
  const result = (await hallStub().listDayStats(HALL, from, to)) as Result<HallDayRecord[]>;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};
