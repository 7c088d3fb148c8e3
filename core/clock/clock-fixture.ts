/**
 * Test fixture: the compiled calendar and the naive oracle behind one interface, so a single contract suite
 * runs against both (`describe.each(CLOCK_IMPLEMENTATIONS)`).
 */
import { loadChinaCalendar } from './china-calendar.ts';
import { CHINA_SCHEDULES } from './data/china-schedules.ts';
import { computeDueDate } from './due-date.ts';
import { createNaiveClock, type ClockImplementation } from './naive-clock.ts';
import type { WorkCalendar } from './types.ts';
import { addWorkingDays, countWorkingDays, isWorkingDay } from './working-days.ts';

/** The compiled functions with the calendar bound, shaped like the oracle. */
export const bindCompiledClock = (cal: WorkCalendar): ClockImplementation => ({
  isWorkingDay: (date) => isWorkingDay(cal, date),
  addWorkingDays: (from, n) => addWorkingDays(cal, from, n),
  countWorkingDays: (after, through) => countWorkingDays(cal, after, through),
  computeDueDate: (clock, asOf) => computeDueDate(cal, clock, asOf),
});

export const COMPILED_CLOCK = bindCompiledClock(loadChinaCalendar());
export const NAIVE_CLOCK = createNaiveClock(CHINA_SCHEDULES);

export const CLOCK_IMPLEMENTATIONS: readonly [string, ClockImplementation][] = [
  ['compiled calendar', COMPILED_CLOCK],
  ['naive oracle', NAIVE_CLOCK],
];
