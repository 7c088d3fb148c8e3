/**
 * A back-office task's lifecycle (后台分类审批), as pure transitions over TaskState:
 *
 *   waiting ─release→ open ─claim→ claimed ─approve/reject→ approved / rejected
 *      │                              │ ↑ ─suspend→ suspended ─resume→ claimed
 *      └─withdraw→ withdrawn          └─request-correction→ awaiting-correction ─restart→ claimed (or open)
 *
 * Each function answers the next state or an error code; none changes its input. The worker writes the
 * matching event and the new row in one batch, with `WHERE status = <old status>` so two reviewers cannot
 * both win a claim.
 */
import { parseIsoDate } from '../clock/index.ts';
import type { IsoDate, LegalClock, WorkCalendar } from '../clock/types.ts';
import type { TimeLimit } from '../catalog/types.ts';
import { err, ok, type Result } from '../result.ts';
import { findDueFields, type DueFields } from './pending-due-date.ts';
import type { CaseStatus, TaskState, TaskStatus } from './types.ts';

const FINAL: ReadonlySet<TaskStatus> = new Set<TaskStatus>(['approved', 'rejected', 'withdrawn']);

/** Approved, rejected or withdrawn: nothing changes the task again. */
export const isTaskFinal = (status: TaskStatus): boolean => FINAL.has(status);

export const isNonBlank = (text: unknown): text is string => typeof text === 'string' && text.trim().length > 0;

type Droppable = 'claimedBy' | 'dueOn' | 'dueAfter' | 'reason' | 'correctionMaterialIds';

/** The task with `changes` applied and the `drop` fields removed (absent, not `undefined`, so rows compare equal). */
export const updateTask = (
  task: TaskState,
  changes: Partial<TaskState>,
  drop: readonly Droppable[] = [],
): TaskState => {
  const next: Record<string, unknown> = { ...task, ...changes };
  for (const key of drop) delete next[key];
  return next as unknown as TaskState;
};

/**
 * The task with `changes` and its due date applied: `dueOn`, or `dueAfter` when the date lies past the
 * calendar's data (the other of the two removed, so a task never holds both).
 */
export const updateTaskDue = (
  task: TaskState,
  changes: Partial<TaskState>,
  due: DueFields,
  drop: readonly Droppable[] = [],
): TaskState => updateTask(task, { ...changes, ...due }, [...drop, 'dueOn' in due ? 'dueAfter' : 'dueOn']);

/**
 * 到期日补定: a task whose due date was pending (`dueAfter`) gets it once the calendar covers it, so adding the next
 * year's schedule as data is all it takes (no migration of stored tasks). The date is the one the decision that
 * stored the task would have computed: for a suspended task, as of the day its open suspension began (as
 * `decideTask` computes it on suspending). Still beyond the data: the task unchanged, or with `dueAfter` moved
 * to the calendar's new last day when the calendar grew but not far enough. A task with no pending date is
 * answered as given (the same object). Errors other than a year past the data fail as computeDueDate's do.
 */
export const refreshDueDate = (cal: WorkCalendar, task: TaskState): Result<TaskState> => {
  if (task.dueAfter === undefined || task.clock === null) return ok(task);
  const clock = task.clock;
  const open = clock.suspensions.find((s) => s.to === undefined);
  const due = findDueFields(cal, clock, open?.from ?? clock.startedOn);
  if (!due.ok) return due;
  if ('dueAfter' in due.value && due.value.dueAfter === task.dueAfter) return ok(task);
  return ok(updateTaskDue(task, {}, due.value));
};

/** The errors shared by every transition: a final task, or one not released yet. */
export const refuseSettled = (task: TaskState): Result<never> | null => {
  if (FINAL.has(task.status)) return err('TASK_ALREADY_DECIDED', { taskId: task.id, status: task.status });
  if (task.status === 'waiting') return err('TASK_NOT_RELEASED', { taskId: task.id });
  return null;
};

/**
 * 分送: a waiting task is released (its predecessors approved, or it has none) and its legal clock starts
 * `today`. The release day is not counted (Art. 82), which computeDueDate applies. A due date past the
 * calendar's data (or a `today` past it) does not hold the release up: the task is released with `dueAfter`
 * instead of `dueOn` (到期日待定). Releasing a task already released answers it unchanged: a retried dispatch
 * keeps the first clock.
 */
export const releaseTask = (cal: WorkCalendar, task: TaskState, today: IsoDate, limit: TimeLimit): Result<TaskState> => {
  if (FINAL.has(task.status)) return err('TASK_ALREADY_DECIDED', { taskId: task.id, status: task.status });
  if (task.status !== 'waiting') return ok(task);
  const date = parseIsoDate(today);
  if (!date.ok) return date;
  const clock: LegalClock = { startedOn: today, limit, suspensions: [] };
  const due = findDueFields(cal, clock, today);
  if (!due.ok) return due;
  return ok(updateTaskDue(task, { status: 'open', clock }, due.value, ['claimedBy', 'reason']));
};

/**
 * 领取: exclusive. The holder claiming again gets the task unchanged (a retried request); anyone else gets
 * TASK_ALREADY_CLAIMED with the holder, also while the task is suspended or awaiting correction.
 */
export const claimTask = (task: TaskState, reviewer: string): Result<TaskState> => {
  if (!isNonBlank(reviewer)) return err('INVALID_INPUT', { field: 'reviewer' });
  const refused = refuseSettled(task);
  if (refused) return refused;
  if (task.status === 'open') return ok(updateTask(task, { status: 'claimed', claimedBy: reviewer }));
  if (task.claimedBy === reviewer) return ok(task);
  return err('TASK_ALREADY_CLAIMED', { taskId: task.id, status: task.status, claimedBy: task.claimedBy });
};

/**
 * 补正后重新计时: complete materials arrived `today`, so the task runs again on a new clock started today
 * (行政许可法 Art. 32: the period counts from receipt of complete materials; today itself is not counted).
 * Suspensions of the old clock do not carry over. The reviewer who asked for the correction gets the task
 * back (`claimed`); a task with no holder returns to the pool (`open`). A new due date past the calendar's
 * data is pending (`dueAfter`), never a reason to refuse the correction.
 */
export const restartAfterCorrection = (cal: WorkCalendar, task: TaskState, today: IsoDate): Result<TaskState> => {
  const refused = refuseSettled(task);
  if (refused) return refused;
  if (task.status !== 'awaiting-correction') {
    return err('CASE_NOT_AWAITING_CORRECTION', { taskId: task.id, status: task.status });
  }
  if (task.clock === null) return err('CLOCK_STATE_CONFLICT', { taskId: task.id, reason: 'no-clock' });
  const date = parseIsoDate(today);
  if (!date.ok) return date;
  if (today < task.clock.startedOn) return err('INVALID_INPUT', { field: 'today', reason: 'before-clock-start' });
  const clock: LegalClock = { startedOn: today, limit: task.clock.limit, suspensions: [] };
  const due = findDueFields(cal, clock, today);
  if (!due.ok) return due;
  const status = task.claimedBy === undefined ? 'open' : 'claimed';
  return ok(updateTaskDue(task, { status, clock }, due.value, ['reason', 'correctionMaterialIds']));
};

/**
 * A waiting task whose predecessor was rejected will never be released: it ends `withdrawn`. Only a waiting
 * task can be withdrawn; a released one must be decided (CLOCK_STATE_CONFLICT, `details.reason: 'released'`).
 */
export const withdrawTask = (task: TaskState, reason: string): Result<TaskState> => {
  if (!isNonBlank(reason)) return err('INVALID_INPUT', { field: 'reason' });
  if (FINAL.has(task.status)) return err('TASK_ALREADY_DECIDED', { taskId: task.id, status: task.status });
  if (task.status !== 'waiting') {
    return err('CLOCK_STATE_CONFLICT', { taskId: task.id, status: task.status, reason: 'released' });
  }
  return ok(updateTask(task, { status: 'withdrawn', reason: reason.trim() }));
};

/**
 * 办件状态 from its tasks: any task sent back for correction → awaiting-correction; all final → approved
 * (every one approved), rejected (none approved) or partly-approved; otherwise in-review. A case with no
 * tasks yet is in-review, never vacuously approved.
 */
export const summarizeCaseStatus = (tasks: readonly TaskState[]): CaseStatus => {
  if (tasks.length === 0) return 'in-review';
  let approved = 0;
  let final = 0;
  for (const task of tasks) {
    if (task.status === 'awaiting-correction') return 'awaiting-correction';
    if (FINAL.has(task.status)) final++;
    if (task.status === 'approved') approved++;
  }
  if (final < tasks.length) return 'in-review';
  return approved === tasks.length ? 'approved' : approved === 0 ? 'rejected' : 'partly-approved';
};
