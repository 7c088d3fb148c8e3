/**
 * 到期日待定: a due date past the working-day calendar's data. The legal clock runs regardless (行政许可法 Art. 42
 * counts from acceptance whether or not we know next year's holidays); only our knowledge of the date waits for
 * the State Council's schedule (published each November). Such a date is recorded as `dueAfter`: the calendar's
 * last day, which the due date is known to fall after. It is never guessed, and it becomes a real `dueOn` as soon
 * as the next year is added as data (core/clock/data): see `refreshDueDate`.
 *
 * Only CALENDAR_YEAR_UNKNOWN for a year after the calendar's last one is deferred this way; every other error
 * (a malformed date, a year before the data, a bad limit) still fails.
 */
import { addWorkingDays, computeDueDate, describeCalendarCoverage, isBeyondCoverage } from '../clock/index.ts';
import type { IsoDate, LegalClock, WorkCalendar } from '../clock/types.ts';
import { ok, type Result } from '../result.ts';

/** A due date as far as the calendar knows it: the date itself, or the last known day it falls after. */
export type DueFields = { readonly dueOn: IsoDate } | { readonly dueAfter: IsoDate };

/** A computed due date as DueFields: one beyond the calendar's data becomes `{ dueAfter: <its last day> }`. */
export const settleDueDate = (cal: WorkCalendar, computed: Result<IsoDate>): Result<DueFields> => {
  if (computed.ok) return ok({ dueOn: computed.value });
  if (isBeyondCoverage(cal, computed.error)) return ok({ dueAfter: describeCalendarCoverage(cal).lastDay });
  return computed;
};

/** A legal clock's due date as of `asOf` (which only matters for an open suspension), or pending. */
export const findDueFields = (cal: WorkCalendar, clock: LegalClock, asOf: IsoDate): Result<DueFields> => {
  const due = computeDueDate(cal, clock, asOf);
  return settleDueDate(cal, due.ok ? ok(due.value.dueOn) : due);
};

/** 承诺办结日 of a whole case: `promisedDays` working days after acceptance (that day not counted), or pending. */
export const findPromisedDate = (cal: WorkCalendar, acceptedOn: IsoDate, promisedDays: number): Result<DueFields> =>
  settleDueDate(cal, addWorkingDays(cal, acceptedOn, promisedDays));

/** How a pending due date is told to people: Chinese first, then English. */
export interface PendingDueDate {
  /** The due date is later than this day (the last day the calendar had data for when it was computed). */
  readonly dueAfter: IsoDate;
  /** The first year whose official holiday schedule is missing: the due date is fixed once it is added. */
  readonly awaitsYear: number;
  readonly message: string;
  readonly messageEn: string;
}

/** 到期日待2027年法定节假日安排公布后确定（晚于2026-12-31）/ Due date pending the official 2027 holiday schedule. */
export const describePendingDueDate = (dueAfter: IsoDate): PendingDueDate => {
  const awaitsYear = Number(dueAfter.slice(0, 4)) + 1;
  return {
    dueAfter,
    awaitsYear,
    message: `到期日待${awaitsYear}年法定节假日安排公布后确定（晚于${dueAfter}）`,
    messageEn: `Due date pending the official ${awaitsYear} holiday schedule (later than ${dueAfter})`,
  };
};
