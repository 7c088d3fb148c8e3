/** The working-day calendar and the legal clock (法定办结时限): pure functions over a compiled calendar. */
export type * from './types.ts';
export { loadChinaCalendar } from './china-calendar.ts';
export { compileCalendar } from './compile-calendar.ts';
export { addWorkingDays, countWorkingDays, isWorkingDay } from './working-days.ts';
export { computeDueDate } from './due-date.ts';
export { assessDeadline } from './assess-deadline.ts';
export { countCoveredDaysLeft, describeCalendarCoverage, isBeyondCoverage } from './calendar-coverage.ts';
export type { CalendarCoverage } from './calendar-coverage.ts';
export { addCalendarDays, localDateOf, parseIsoDate } from './iso-date.ts';
// The slow day-by-day oracle and the raw schedules: for tests and the benchmark baseline, like search's naive index.
export { CHINA_SCHEDULES } from './data/china-schedules.ts';
export { createNaiveClock, type ClockImplementation } from './naive-clock.ts';
