import {
  describeCalendarCoverage,
  findPromisedDate,
  refreshDueDate,
  type DueFields,
  type TaskState,
} from '../../core/index.ts';
import { readRefreshableTasks, settleCaseDueDate, settleTaskDueDate, type Statement } from '../db/cases.ts';
import type { Database } from '../db/client.ts';
import type { CaseRow } from '../db/schema.ts';
import { workCalendar } from './case-clock.ts';
import { toTaskColumns, toTaskState, type CaseRecord, type TaskRecord } from './case-record.ts';

/**
 * 到期日补定: due dates recorded as pending (`due_after`, past the calendar's data) get their real date lazily, on
 * the reads that show them (a case, a department's inbox, the tracking page), once the calendar covers them. So
 * adding next year's schedule to core/clock/data and deploying is all it takes: no migration of rows. What a read
 * finds is written back, conditional on the row still holding the pending date read (core/cases refreshDueDate).
 * No event is written: the date follows from the recorded clock and the published calendar, and the events keep
 * saying what was known when they were written (`dueAfter`).
 */

/** The columns of a due date: exactly one of the two is set. */
export const toDueColumns = (due: DueFields): { dueOn: string | null; dueAfter: string | null } =>
  'dueOn' in due ? { dueOn: due.dueOn, dueAfter: null } : { dueOn: null, dueAfter: due.dueAfter };

/**
 * The case row with its promised date (承诺办结日) computed again if it was pending; the row itself when nothing
 * changed. A computation that fails (it succeeded when stored, so only a broken row could) keeps the row.
 */
export const refreshPromisedDate = (row: CaseRow, promisedDays: number): CaseRow => {
  if (row.dueAfter === null || row.dueOn !== null || row.acceptedOn === null) return row;
  const due = findPromisedDate(workCalendar(), row.acceptedOn, promisedDays);
  if (!due.ok) return row;
  const columns = toDueColumns(due.value);
  return columns.dueAfter === row.dueAfter ? row : { ...row, ...columns };
};

/** A task with its pending due date refreshed (in memory); the state as given when nothing changed. */
export const refreshTaskState = (state: TaskState): TaskState => {
  const refreshed = refreshDueDate(workCalendar(), state);
  return refreshed.ok ? refreshed.value : state;
};

const refreshTask = (task: TaskRecord): { task: TaskRecord; statement?: (db: Database) => Statement } => {
  const pendingAfter = task.row.dueAfter;
  if (pendingAfter === null) return { task };
  const state = refreshTaskState(task.state);
  if (state === task.state) return { task };
  const columns = toTaskColumns(state);
  const due = { dueOn: columns.dueOn, dueAfter: columns.dueAfter };
  return {
    task: { row: { ...task.row, ...due }, state },
    statement: (db) => settleTaskDueDate(db, task.row.id, pendingAfter, due),
  };
};

/**
 * A loaded case with every pending due date (its tasks' and its own promised date) refreshed, and those found
 * written back. Usually nothing is pending and no statement runs.
 */
export const refreshCaseDueDates = async (db: Database, record: CaseRecord): Promise<CaseRecord> => {
  const statements: Statement[] = [];
  const tasks = record.tasks.map((t) => {
    const { task, statement } = refreshTask(t);
    if (statement) statements.push(statement(db));
    return task;
  });
  const row = refreshPromisedDate(record.row, record.plan.promisedDays);
  if (row !== record.row && record.row.dueAfter !== null) {
    statements.push(settleCaseDueDate(db, row.number, record.row.dueAfter, { dueOn: row.dueOn, dueAfter: row.dueAfter }));
  }
  if (statements.length > 0) await db.batch(statements as [Statement, ...Statement[]]);
  return { ...record, row, tasks };
};

/**
 * Before a department's inbox is read: its tasks pending on a day before the calendar's last day (the calendar
 * grew since they were stored) get their due dates written, so the inbox orders them among the known dates.
 */
export const refreshDepartmentDueDates = async (db: Database, departmentId: string): Promise<void> => {
  const rows = await readRefreshableTasks(db, departmentId, describeCalendarCoverage(workCalendar()).lastDay);
  const statements: Statement[] = [];
  for (const row of rows) {
    const { statement } = refreshTask({ row, state: toTaskState(row) });
    if (statement) statements.push(statement(db));
  }
  if (statements.length > 0) await db.batch(statements as [Statement, ...Statement[]]);
};
