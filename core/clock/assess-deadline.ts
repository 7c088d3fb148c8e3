/**
 * How a task stands against its due date, for the back-office inbox: reviewers sort by it and the hall
 * supervisor (督办) sees what is about to run out before it does.
 */
import { err, ok, type Result } from '../result.ts';
import { indexOfDay, readTables, refuseCalendar, refuseDay } from './compile-calendar.ts';
import type { DeadlineStatus, IsoDate, WorkCalendar } from './types.ts';

/**
 * overdue when today is past `dueOn`; due-today on the day itself; near when at most `nearWithin` working
 * days are left (today not counted); on-track otherwise. `workingDaysLeft` is negative once overdue.
 */
export const assessDeadline = (
  cal: WorkCalendar,
  dueOn: IsoDate,
  today: IsoDate,
  nearWithin = 2,
): Result<DeadlineStatus> => {
  const tables = readTables(cal);
  if (tables === undefined) return refuseCalendar();
  if (!Number.isSafeInteger(nearWithin) || nearWithin < 0) {
    return err('INVALID_INPUT', { field: 'nearWithin', nearWithin, reason: 'a whole number >= 0' });
  }
  const due = indexOfDay(tables, dueOn);
  if (due < 0) return refuseDay(dueOn, 'dueOn');
  const now = indexOfDay(tables, today);
  if (now < 0) return refuseDay(today, 'today');
  const workingDaysLeft = tables.workedThrough[due]! - tables.workedThrough[now]!;
  const level = now > due ? 'overdue' : now === due ? 'due-today' : workingDaysLeft <= nearWithin ? 'near' : 'on-track';
  return ok({ level, workingDaysLeft });
};
