import { loadChinaCalendar, type WorkCalendar } from '../../core/index.ts';

/**
 * The time the case operations read: `Date.now()`, read once per request by the route and passed down. Tests
 * replace `now` to run a case across days (the legal clock counts working days, and the calendar holds only
 * the years the State Council has published), the way the hall tests replace HallObject's clock.
 */
export const caseClock: { now: () => number } = { now: () => Date.now() };

/** The working-day calendar, compiled once per isolate. */
export const workCalendar = (): WorkCalendar => loadChinaCalendar();

/** The inbox warns when at most this many working days are left (today not counted). */
export const NEAR_WITHIN_WORKING_DAYS = 2;
