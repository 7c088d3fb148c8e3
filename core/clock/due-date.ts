/**
 * The legal clock (行政许可法 Art. 42, 45, 82): when a decision is due, given when the clock started and the
 * stretches it stood still. A restart after correction (补正) is not a suspension: the caller passes the day
 * complete materials arrived as a new `startedOn`, and the old days are simply not counted.
 */
import { err, ok, type Result } from '../result.ts';
import { dayNumberOf } from './iso-date.ts';
import {
  indexOfDay,
  readTables,
  refuseBeyond,
  refuseCalendar,
  refuseDay,
  type CalendarTables,
} from './compile-calendar.ts';
import { findWorkingDayAfter } from './working-days.ts';
import type { DueDate, IsoDate, LegalClock, Suspension, WorkCalendar } from './types.ts';

/** Suspended days as table indexes, both ends inclusive (may lie beyond the tables' last day). */
interface Span {
  from: number;
  to: number;
}

interface Spans {
  readonly spans: readonly Span[];
  /** A suspension has no end yet: the clock is standing still as of `asOf`. */
  readonly open: boolean;
}

const NO_SPANS: Spans = { spans: [], open: false };

/**
 * The suspensions as sorted, merged index spans after the start (so overlapping ones never count a day twice,
 * and days on or before `startedOn` never count). An open suspension runs through `asOf`.
 */
const mergeSuspensions = (
  suspensions: readonly Suspension[],
  tables: CalendarTables,
  start: number,
  asOfDay: number,
): Result<Spans> => {
  if (suspensions.length === 0) return ok(NO_SPANS);
  const raw: Span[] = [];
  let open = false;
  for (const [i, suspension] of suspensions.entries()) {
    const fromDay = dayNumberOf(suspension.from);
    if (Number.isNaN(fromDay)) return err('INVALID_DATE', { field: `suspensions[${i}].from`, date: suspension.from });
    let toDay = asOfDay;
    if (suspension.to === undefined) open = true;
    else {
      toDay = dayNumberOf(suspension.to);
      if (Number.isNaN(toDay)) return err('INVALID_DATE', { field: `suspensions[${i}].to`, date: suspension.to });
      if (toDay < fromDay) {
        return err('INVALID_INPUT', { field: `suspensions[${i}]`, reason: 'ends before it starts' });
      }
    }
    const span = { from: Math.max(fromDay - tables.base, start + 1), to: toDay - tables.base };
    if (span.to >= span.from) raw.push(span);
  }
  raw.sort((a, b) => a.from - b.from);
  const spans: Span[] = [];
  for (const span of raw) {
    const last = spans[spans.length - 1];
    if (last !== undefined && span.from <= last.to + 1) last.to = Math.max(last.to, span.to);
    else spans.push(span);
  }
  return ok({ spans, open });
};

interface Reached {
  readonly due: number;
  /** Suspended days in (start, due]: working days, or calendar days when counting calendar days. */
  readonly excluded: number;
}

const BEYOND: Reached = { due: -1, excluded: 0 };

/**
 * Walks `value` unsuspended days (working or calendar) from `start`, jumping over the spans. For calendar
 * days the last day then moves past non-working days, per 民法典 第二百零三条:
 * 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日
 * (weekly rest days are 法定休假日 too, so a Sunday moves to Monday unless it is a make-up workday;
 * a last day moved into a later suspension moves past it too). -1 as `due` means the data ends first.
 */
const walkDays = (
  tables: CalendarTables,
  start: number,
  value: number,
  spans: readonly Span[],
  byWorkingDays: boolean,
): Reached => {
  const { workedThrough, working } = tables;
  const last = tables.length - 1;
  let remaining = value;
  let cursor = start;
  let excluded = 0;
  let k = 0;
  for (; k < spans.length; k++) {
    const { from, to } = spans[k]!;
    const before = Math.min(from - 1, last);
    const available = byWorkingDays ? workedThrough[before]! - workedThrough[cursor]! : before - cursor;
    if (available >= remaining) break;
    if (to > last) return BEYOND;
    remaining -= available;
    excluded += byWorkingDays ? workedThrough[to]! - workedThrough[from - 1]! : to - from + 1;
    cursor = to;
  }
  let due = byWorkingDays ? findWorkingDayAfter(tables, cursor, remaining) : cursor + remaining;
  if (due < 0 || due > last) return BEYOND;
  if (byWorkingDays) return { due, excluded };
  for (;;) {
    const span = spans[k];
    if (span !== undefined && span.from <= due) {
      if (span.to > last) return BEYOND;
      excluded += span.to - span.from + 1;
      if (span.to >= due) due = span.to + 1;
      k++;
    } else if (working[due] === 1) return { due, excluded };
    else due = findWorkingDayAfter(tables, due, 1);
    if (due < 0 || due > last) return BEYOND;
  }
};

/**
 * When the clock runs out (as of `asOf`, which only matters for an open suspension).
 * - 'working_days': the `value`-th working day after `startedOn` that is not suspended; suspended working days
 *   push the due date later by as many working days (suspended weekends and holidays change nothing).
 * - 'calendar_days': the `value`-th unsuspended calendar day, moved off a holiday or rest day (民法典 第二百零三条).
 * - 'on_the_spot' (即办): due the day the clock started.
 * Any day the answer depends on outside the calendar's years gives CALENDAR_YEAR_UNKNOWN, never a guess.
 */
export const computeDueDate = (cal: WorkCalendar, clock: LegalClock, asOf: IsoDate): Result<DueDate> => {
  const tables = readTables(cal);
  if (tables === undefined) return refuseCalendar();
  const start = indexOfDay(tables, clock.startedOn);
  if (start < 0) return refuseDay(clock.startedOn, 'startedOn');
  const asOfDay = dayNumberOf(asOf);
  if (Number.isNaN(asOfDay)) return err('INVALID_DATE', { field: 'asOf', date: asOf });
  const { unit, value } = clock.limit;
  const merged = mergeSuspensions(clock.suspensions, tables, start, asOfDay);
  if (!merged.ok) return merged;
  const { spans, open } = merged.value;
  if (unit === 'on_the_spot') return ok({ dueOn: tables.dates[start]!, suspendedDays: 0, suspended: open });
  if (!Number.isSafeInteger(value) || value < 0) {
    return err('INVALID_INPUT', { field: 'limit.value', value, reason: 'a whole number >= 0' });
  }
  if (unit !== 'working_days' && unit !== 'calendar_days') {
    return err('INVALID_INPUT', { field: 'limit.unit', unit, reason: 'working_days, calendar_days or on_the_spot' });
  }
  const reached = walkDays(tables, start, value, spans, unit === 'working_days');
  if (reached.due < 0) return refuseBeyond(tables, true);
  return ok({ dueOn: tables.dates[reached.due]!, suspendedDays: reached.excluded, suspended: open });
};
