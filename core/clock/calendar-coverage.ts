/**
 * What the working-day calendar knows: the first and last day it has official data for. The State Council
 * publishes the next year's schedule each November; until it is added as data, a due date past the last day
 * is not guessed but recorded as pending (core/cases), and operators are warned ahead of time (GET /v1/health).
 */
import { err, ok, type DomainError, type Result } from '../result.ts';
import { dayNumberOf } from './iso-date.ts';
import type { IsoDate, WorkCalendar } from './types.ts';

export interface CalendarCoverage {
  readonly firstYear: number;
  readonly lastYear: number;
  /** 1 January of `firstYear`. */
  readonly firstDay: IsoDate;
  /** 31 December of `lastYear`: no working-day question about a later day is answered. */
  readonly lastDay: IsoDate;
}

const yearText = (year: number): string => String(year).padStart(4, '0');

/** The years and days a calendar has data for (read from its public fields: any WorkCalendar will do). */
export const describeCalendarCoverage = (cal: WorkCalendar): CalendarCoverage => ({
  firstYear: cal.firstYear,
  lastYear: cal.lastYear,
  firstDay: `${yearText(cal.firstYear)}-01-01`,
  lastDay: `${yearText(cal.lastYear)}-12-31`,
});

/**
 * Calendar days after `today` through the calendar's last day: 0 on 31 December of the last year, negative once
 * `today` is past it (then even today's deadlines cannot be assessed). INVALID_DATE for a malformed `today`.
 */
export const countCoveredDaysLeft = (cal: WorkCalendar, today: IsoDate): Result<number> => {
  const now = dayNumberOf(today);
  if (Number.isNaN(now)) return err('INVALID_DATE', { field: 'today', date: today });
  return ok(dayNumberOf(describeCalendarCoverage(cal).lastDay) - now);
};

/**
 * True for the CALENDAR_YEAR_UNKNOWN of a year after the calendar's last one: the answer lies beyond the data
 * published so far and will be known once the next schedule is added. A year before the first one (or any other
 * error) is not: that is a wrong date or a missing old schedule, never something to wait for.
 */
export const isBeyondCoverage = (cal: WorkCalendar, error: DomainError): boolean =>
  error.code === 'CALENDAR_YEAR_UNKNOWN' && typeof error.details?.year === 'number' && error.details.year > cal.lastYear;
