/**
 * 审批决定: what a reviewer holding a task may decide, and what it does to the legal clock.
 *
 * Suspension days (行政许可法 Art. 45) are inclusive at both ends: a task suspended on day S and resumed on
 * day R has `{ from: S, to: R }`, and the clock counts again from R + 1. Every (re)start of the clock thus
 * follows one rule, the one Art. 82 gives for acceptance (民法典 Art. 201: 开始的当日不计入): the day the clock
 * starts or restarts is not counted. Suspended and resumed the same day: that one day is not counted.
 * Suspended again on the day of a resumption: the earlier stretch is cut back to end the day before, so
 * stretches never overlap and no day is excluded twice.
 *
 * A suspended task accepts only `resume`: approving, rejecting or sending back for correction while the
 * clock is stopped is CLOCK_STATE_CONFLICT, so every suspension is explicitly closed in the record.
 */
import { addCalendarDays, parseIsoDate } from '../clock/index.ts';
import type { IsoDate, LegalClock, Suspension, SuspensionReason, WorkCalendar } from '../clock/types.ts';
import { err, ok, type Result } from '../result.ts';
import { findDueFields } from './pending-due-date.ts';
import { isNonBlank, refreshDueDate, refuseSettled, updateTask, updateTaskDue } from './task-lifecycle.ts';
import type { TaskDecision, TaskState } from './types.ts';

const SUSPENSION_REASONS: ReadonlySet<unknown> = new Set<SuspensionReason>([
  'hearing',
  'inspection',
  'testing',
  'expert-review',
  'other',
]);

const conflict = (task: TaskState, reason: string) =>
  err('CLOCK_STATE_CONFLICT', { taskId: task.id, status: task.status, reason });

/** The index of the clock's open suspension, or -1. */
const findOpenSuspension = (clock: LegalClock): number => clock.suspensions.findIndex((s) => s.to === undefined);

/**
 * The reviewer `reviewer` decides `decision` on `task` on `today`.
 * - approve → approved; reject (reason required) → rejected: final, the clock and dueOn kept for the record.
 * - request-correction (reason required) → awaiting-correction: the clock stops and dueOn (or dueAfter) is dropped until
 *   restartAfterCorrection; the holder, reason and material ids are kept.
 * - suspend (reason and an Art. 45 category) → suspended: an open suspension from today; dueOn as of today.
 * - resume → claimed: the open suspension closes on today (see above) and dueOn is recomputed.
 * A due date past the calendar's data never fails a decision: the task holds `dueAfter` instead of `dueOn`
 * (到期日待定), and a task whose pending date the calendar now covers gets it first (`refreshDueDate`), so an
 * approval or rejection records the real date.
 * Errors: TASK_ALREADY_DECIDED (final), TASK_NOT_RELEASED (waiting), TASK_NOT_HELD (open, or held by someone
 * else), CLOCK_STATE_CONFLICT (awaiting correction; suspend while suspended; anything but resume while
 * suspended; resume while running), INVALID_INPUT (blank reason, unknown kind or category, a date before the
 * clock's), INVALID_DATE, CALENDAR_YEAR_UNKNOWN (only for a year before the calendar's data).
 */
export const decideTask = (
  cal: WorkCalendar,
  held: TaskState,
  decision: TaskDecision,
  reviewer: string,
  today: IsoDate,
): Result<TaskState> => {
  const refused = refuseSettled(held);
  if (refused) return refused;
  if (held.status === 'open' || held.claimedBy !== reviewer || !isNonBlank(reviewer)) {
    return err('TASK_NOT_HELD', { taskId: held.id, status: held.status, claimedBy: held.claimedBy });
  }
  if (held.status === 'awaiting-correction') return conflict(held, 'awaiting-correction');
  const clock = held.clock;
  if (clock === null) return conflict(held, 'no-clock');
  const date = parseIsoDate(today);
  if (!date.ok) return date;
  if (today < clock.startedOn) return err('INVALID_INPUT', { field: 'today', reason: 'before-clock-start' });
  const refreshed = refreshDueDate(cal, held);
  if (!refreshed.ok) return refreshed;
  const task = refreshed.value;

  const suspended = task.status === 'suspended';
  switch (decision?.kind) {
    case 'approve':
      if (suspended) return conflict(task, 'suspended');
      return ok(updateTask(task, { status: 'approved' }, ['reason']));
    case 'reject':
      if (!isNonBlank(decision.reason)) return err('INVALID_INPUT', { field: 'reason' });
      if (suspended) return conflict(task, 'suspended');
      return ok(updateTask(task, { status: 'rejected', reason: decision.reason.trim() }));
    case 'request-correction': {
      if (!isNonBlank(decision.reason)) return err('INVALID_INPUT', { field: 'reason' });
      const ids = decision.materialIds;
      if (!Array.isArray(ids) || !ids.every(isNonBlank)) return err('INVALID_INPUT', { field: 'materialIds' });
      if (suspended) return conflict(task, 'suspended');
      const changes = { status: 'awaiting-correction', reason: decision.reason.trim() } as const;
      return ok(updateTask(task, { ...changes, correctionMaterialIds: [...new Set(ids)] }, ['dueOn', 'dueAfter']));
    }
    case 'suspend':
      if (!isNonBlank(decision.reason)) return err('INVALID_INPUT', { field: 'reason' });
      if (!SUSPENSION_REASONS.has(decision.suspension)) return err('INVALID_INPUT', { field: 'suspension' });
      if (suspended) return conflict(task, 'suspended');
      return suspendClock(cal, task, clock, today, decision.suspension, decision.reason.trim());
    case 'resume':
      if (!suspended) return conflict(task, 'not-suspended');
      return resumeClock(cal, task, clock, today);
    default:
      return err('INVALID_INPUT', { field: 'decision.kind' });
  }
};

const suspendClock = (
  cal: WorkCalendar,
  task: TaskState,
  clock: LegalClock,
  today: IsoDate,
  category: SuspensionReason,
  reason: string,
): Result<TaskState> => {
  if (findOpenSuspension(clock) >= 0) return conflict(task, 'suspension-open');
  const kept: Suspension[] = [];
  for (const s of clock.suspensions) {
    const to = s.to as IsoDate; // closed: findOpenSuspension found none open
    if (s.from >= today) continue; // wholly covered by the new stretch (suspended, resumed, suspended today)
    kept.push(to >= today ? { ...s, to: addCalendarDays(today, -1) } : s);
  }
  const next: LegalClock = { ...clock, suspensions: [...kept, { from: today, reason: category }] };
  const due = findDueFields(cal, next, today);
  if (!due.ok) return due;
  return ok(updateTaskDue(task, { status: 'suspended', clock: next, reason }, due.value));
};

const resumeClock = (cal: WorkCalendar, task: TaskState, clock: LegalClock, today: IsoDate): Result<TaskState> => {
  const open = findOpenSuspension(clock);
  if (open < 0) return conflict(task, 'no-open-suspension');
  const stretch = clock.suspensions[open]!;
  if (today < stretch.from) return err('INVALID_INPUT', { field: 'today', reason: 'before-suspension' });
  const suspensions = clock.suspensions.map((s, i) => (i === open ? { ...s, to: today } : s));
  const next: LegalClock = { ...clock, suspensions };
  const due = findDueFields(cal, next, today);
  if (!due.ok) return due;
  return ok(updateTaskDue(task, { status: 'claimed', clock: next }, due.value, ['reason']));
};
