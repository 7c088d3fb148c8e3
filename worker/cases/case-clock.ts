import { loadChinaCalendar, type WorkCalendar } from '../../core/index.ts';

/**
 * The time the case operations read: `Date.now()`, read once per request by the route and passed down. Tests
 * replace `now` to run a case across days (the legal clock counts working days, and the calendar holds only
 * the years the State Council has published), the way the hall tests replace HallObject's clock.
 */
export const caseClock: { now: () => number } = { now: () => Date.now() };

/**
 * Where the working-day calendar comes from: the State Council's schedules shipped in core/clock/data, compiled
 * once per isolate. Tests replace `load` to stand for the day next year's schedule is added (a deploy), the way
 * they replace `caseClock.now`; nothing else does.
 */
export const caseCalendar: { load: () => WorkCalendar } = { load: () => loadChinaCalendar() };

/** The working-day calendar every due date and deadline of the case operations reads. */
export const workCalendar = (): WorkCalendar => caseCalendar.load();

/** The inbox warns when at most this many working days are left (today not counted). */
export const NEAR_WITHIN_WORKING_DAYS = 2;

/**
 * GET /v1/health warns when fewer than this many calendar days of working-day data are left: the State Council
 * publishes next year's schedule in November, and it must be added to core/clock/data before 31 December.
 */
export const CALENDAR_WARN_WITHIN_DAYS = 45;
