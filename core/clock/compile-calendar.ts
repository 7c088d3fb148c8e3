/**
 * Compiles the yearly schedules into flat typed arrays once, so every later question (is this a working day,
 * what is the n-th working day after that one, how many lie between) is one or two array reads.
 */
import { err, ok, type Result } from '../result.ts';
import { dayNumberOf, dayNumberOfCivil, formatDay, weekdayOf, yearOfDay } from './iso-date.ts';
import type { IsoDate, WorkCalendar, YearSchedule } from './types.ts';

/** The compiled tables, indexed by day: index 0 is 1 January of `firstYear`. */
export interface CalendarTables {
  readonly firstYear: number;
  readonly lastYear: number;
  /** Day number (days since 1970-01-01) of index 0. */
  readonly base: number;
  readonly length: number;
  /** 1 where the day is a working day (工作日). */
  readonly working: Uint8Array;
  /** Working days in indexes [0, i]: a count over (a, b] is `workedThrough[b] - workedThrough[a]`. */
  readonly workedThrough: Int32Array;
  /** Index of the k-th working day (k from 0): the inverse of `workedThrough`. */
  readonly workingDays: Int32Array;
  /** `YYYY-MM-DD` of each index, so answers are looked up, not formatted. */
  readonly dates: readonly IsoDate[];
}

const TABLES: unique symbol = Symbol('onewindow.clock.tables');

interface CompiledCalendar extends WorkCalendar {
  readonly [TABLES]: CalendarTables;
}

/** The tables behind a calendar, or undefined for an object `compileCalendar` did not make. */
export const readTables = (cal: WorkCalendar): CalendarTables | undefined =>
  (cal as Partial<CompiledCalendar>)[TABLES];

/** The error for a calendar not built by `compileCalendar` (its shape is opaque on purpose). */
export const refuseCalendar = (): Result<never> =>
  err('INVALID_INPUT', { reason: 'the calendar was not built by compileCalendar' });

/** Index of a date in the tables, or -1 when it is malformed or outside the calendar's years. */
export const indexOfDay = (tables: CalendarTables, text: IsoDate): number => {
  const index = dayNumberOf(text) - tables.base;
  return index >= 0 && index < tables.length ? index : -1; // NaN fails both comparisons
};

/** Why `indexOfDay` refused a date: INVALID_DATE if malformed, CALENDAR_YEAR_UNKNOWN if no data covers it. */
export const refuseDay = (text: IsoDate, field: string): Result<never> => {
  const dayNumber = dayNumberOf(text);
  return Number.isNaN(dayNumber)
    ? err('INVALID_DATE', { field, date: text })
    : err('CALENDAR_YEAR_UNKNOWN', { year: yearOfDay(dayNumber), field, date: text });
};

/** The error for a count that walks off either end of the data: the year it would need. */
export const refuseBeyond = (tables: CalendarTables, forward: boolean): Result<never> =>
  err('CALENDAR_YEAR_UNKNOWN', { year: forward ? tables.lastYear + 1 : tables.firstYear - 1 });

interface Problem {
  readonly year?: number;
  readonly date?: string;
  readonly problem: string;
}

/** Every problem in one schedule's dates, reported at once (一次性告知 for data). */
const listDateProblems = (schedule: YearSchedule, problems: Problem[]): void => {
  const { year } = schedule;
  const holidays = new Set<string>();
  const check = (date: string, list: 'holidays' | 'makeUpWorkdays', seen: Set<string>): void => {
    const dayNumber = dayNumberOf(date);
    if (Number.isNaN(dayNumber)) {
      problems.push({ year, date, problem: `${list}: not a YYYY-MM-DD date` });
      return;
    }
    if (yearOfDay(dayNumber) !== year) problems.push({ year, date, problem: `${list}: outside its year` });
    if (seen.has(date)) problems.push({ year, date, problem: `${list}: listed twice` });
    seen.add(date);
    if (list === 'makeUpWorkdays') {
      if (holidays.has(date)) problems.push({ year, date, problem: 'both a holiday and a make-up workday' });
      const weekday = weekdayOf(dayNumber);
      if (weekday !== 0 && weekday !== 6) problems.push({ year, date, problem: 'makeUpWorkdays: not a weekend day' });
    }
  };
  for (const date of schedule.holidays) check(date, 'holidays', holidays);
  const makeUp = new Set<string>();
  for (const date of schedule.makeUpWorkdays) check(date, 'makeUpWorkdays', makeUp);
};

/** Every problem in the schedules: years contiguous and sane, a source named, each date sound. */
const listProblems = (sorted: readonly YearSchedule[]): Problem[] => {
  const problems: Problem[] = [];
  if (sorted.length === 0) problems.push({ problem: 'no year given' });
  sorted.forEach((schedule, i) => {
    const { year } = schedule;
    if (!Number.isInteger(year) || year < 1 || year > 9998) {
      problems.push({ year, problem: 'not a year' });
      return;
    }
    const previous = sorted[i - 1];
    if (previous !== undefined && year !== previous.year + 1) {
      problems.push({ year, problem: year === previous.year ? 'listed twice' : `gap after ${previous.year}` });
    }
    if (typeof schedule.source !== 'string' || schedule.source.trim() === '') {
      problems.push({ year, problem: 'no source notice named' });
    }
    listDateProblems(schedule, problems);
  });
  return problems;
};

/** Lays the checked schedules out as the flat tables the queries read. */
const buildTables = (sorted: readonly YearSchedule[]): CalendarTables => {
  const firstYear = sorted[0]!.year;
  const lastYear = sorted[sorted.length - 1]!.year;
  const base = dayNumberOfCivil(firstYear, 1, 1);
  const length = dayNumberOfCivil(lastYear + 1, 1, 1) - base;
  const working = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const weekday = weekdayOf(base + i);
    working[i] = weekday === 0 || weekday === 6 ? 0 : 1;
  }
  for (const schedule of sorted) {
    for (const date of schedule.holidays) working[dayNumberOf(date) - base] = 0;
    for (const date of schedule.makeUpWorkdays) working[dayNumberOf(date) - base] = 1;
  }
  const workedThrough = new Int32Array(length);
  let count = 0;
  for (let i = 0; i < length; i++) workedThrough[i] = count += working[i]!;
  const workingDays = new Int32Array(count);
  for (let i = 0, k = 0; i < length; i++) if (working[i] === 1) workingDays[k++] = i;
  const dates = Array.from({ length }, (_, i) => formatDay(base + i));
  return { firstYear, lastYear, base, length, working, workedThrough, workingDays, dates };
};

/**
 * Checks the schedules and compiles them into a calendar. Years may come in any order but must be contiguous;
 * bad data is refused with INVALID_INPUT and every problem listed in `details.problems`, never half-compiled.
 */
export const compileCalendar = (years: readonly YearSchedule[]): Result<WorkCalendar> => {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const problems = listProblems(sorted);
  if (problems.length > 0) return err('INVALID_INPUT', { problems });
  const tables = buildTables(sorted);
  const calendar: CompiledCalendar = {
    firstYear: tables.firstYear,
    lastYear: tables.lastYear,
    [TABLES]: tables,
  };
  return ok(Object.freeze(calendar));
};
