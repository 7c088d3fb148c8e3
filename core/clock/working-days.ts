/**
 * Working-day questions (行政许可法 Art. 82: periods are counted in 工作日, statutory holidays excluded),
 * each answered from the compiled tables in constant time.
 */
import { err, ok, type Result } from '../result.ts';
import {
  indexOfDay,
  readTables,
  refuseBeyond,
  refuseCalendar,
  refuseDay,
  type CalendarTables,
} from './compile-calendar.ts';
import type { IsoDate, WorkCalendar } from './types.ts';

/** Working day = (Monday to Friday and not a statutory holiday) or a make-up workday (调休上班). */
export const isWorkingDay = (cal: WorkCalendar, date: IsoDate): Result<boolean> => {
  const tables = readTables(cal);
  if (tables === undefined) return refuseCalendar();
  const index = indexOfDay(tables, date);
  if (index < 0) return refuseDay(date, 'date');
  return ok(tables.working[index] === 1);
};

/**
 * Index of the n-th working day after `from` (n >= 0; `from` itself is not counted), or -1 when the data
 * ends first. Shared by `addWorkingDays` and the legal clock.
 */
export const findWorkingDayAfter = (tables: CalendarTables, from: number, n: number): number => {
  if (n === 0) return from;
  const ordinal = tables.workedThrough[from]! + n - 1; // working days up to `from`, then n more
  return ordinal < tables.workingDays.length ? tables.workingDays[ordinal]! : -1;
};

/**
 * The date `n` working days after `from`: the day of acceptance is not counted (受理当日不计入), so
 * a Friday plus one working day is the next Monday, and n = 0 answers `from` itself.
 */
export const addWorkingDays = (cal: WorkCalendar, from: IsoDate, n: number): Result<IsoDate> => {
  const tables = readTables(cal);
  if (tables === undefined) return refuseCalendar();
  if (!Number.isSafeInteger(n) || n < 0) return err('INVALID_INPUT', { field: 'n', n, reason: 'a whole number >= 0' });
  const index = indexOfDay(tables, from);
  if (index < 0) return refuseDay(from, 'from');
  const due = findWorkingDayAfter(tables, index, n);
  return due < 0 ? refuseBeyond(tables, true) : ok(tables.dates[due]!);
};

/**
 * Working days in (after, through]: `after` is not counted, `through` is. When `through` is before `after`
 * the answer is negative (minus the working days in (through, after]), which is how overdue days are told.
 */
export const countWorkingDays = (cal: WorkCalendar, after: IsoDate, through: IsoDate): Result<number> => {
  const tables = readTables(cal);
  if (tables === undefined) return refuseCalendar();
  const from = indexOfDay(tables, after);
  if (from < 0) return refuseDay(after, 'after');
  const to = indexOfDay(tables, through);
  if (to < 0) return refuseDay(through, 'through');
  return ok(tables.workedThrough[to]! - tables.workedThrough[from]!);
};
