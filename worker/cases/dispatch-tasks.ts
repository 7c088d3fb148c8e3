import {
  findReleasableTasks,
  ok,
  releaseTask,
  withdrawTask,
  type CasePlan,
  type IsoDate,
  type Result,
  type TaskProgress,
  type TaskState,
} from '../../core/index.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { workCalendar } from './case-clock.ts';
import type { EventDraft } from './event-chain.ts';

/** How release decisions see a task. */
const progressOf = (task: TaskState): TaskProgress => {
  switch (task.status) {
    case 'waiting':
    case 'approved':
    case 'rejected':
    case 'withdrawn':
      return task.status;
    default:
      return 'released';
  }
};

/**
 * What an event about a task records: ids and names only (the public timeline reads departmentId, matterCode,
 * matterName and dueOn, or dueAfter while the due date is pending, from it; never a person's data).
 */
export const describeTaskForEvent = (task: TaskState, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  taskId: task.id,
  key: task.key,
  matterCode: task.matterCode,
  matterName: getCatalogStore().index.byCode.get(task.matterCode)?.name ?? task.matterCode,
  departmentId: task.departmentId,
  ...(task.dueOn === undefined ? {} : { dueOn: task.dueOn }),
  ...(task.dueAfter === undefined ? {} : { dueAfter: task.dueAfter }),
  ...extra,
});

/** The tasks a change released or withdrew, and the events saying so. */
export interface Dispatch {
  readonly changed: ReadonlyMap<string, TaskState>;
  readonly released: readonly string[];
  readonly withdrawn: readonly string[];
  readonly events: readonly EventDraft[];
}

/**
 * 分送 (并联审批): releases every waiting task whose predecessors are all approved, its clock starting `today`
 * against its matter's promised limit, and withdraws every waiting task behind a rejection. Pure but for the
 * catalog lookup. A due date past the calendar's data releases the task all the same, pending (`dueAfter`).
 */
export const dispatchTasks = (plan: CasePlan, tasks: readonly TaskState[], today: IsoDate): Result<Dispatch> => {
  const byKey = new Map(tasks.map((task) => [task.key, task]));
  const progress = new Map(tasks.map((task) => [task.key, progressOf(task)]));
  const { release, withdraw } = findReleasableTasks(plan, progress);
  const changed = new Map<string, TaskState>();
  const events: EventDraft[] = [];
  const index = getCatalogStore().index;
  for (const key of release) {
    const task = byKey.get(key);
    const matter = task && index.byCode.get(task.matterCode);
    if (!task || !matter) continue;
    const released = releaseTask(workCalendar(), task, today, matter.promisedLimit);
    if (!released.ok) return released;
    changed.set(task.id, released.value);
    events.push({ type: 'task-released', actor: 'system', payload: describeTaskForEvent(released.value) });
  }
  for (const key of withdraw) {
    const task = byKey.get(key);
    if (!task) continue;
    const withdrawn = withdrawTask(task, '前置事项未获准予 An earlier matter was not approved');
    if (!withdrawn.ok) return withdrawn;
    changed.set(task.id, withdrawn.value);
    events.push({ type: 'task-withdrawn', actor: 'system', payload: describeTaskForEvent(withdrawn.value) });
  }
  return ok({ changed, released: release, withdrawn: withdraw, events });
};
