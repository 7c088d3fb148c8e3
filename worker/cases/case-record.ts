import { err, ok, type CasePlan, type Result, type TaskState, type TaskStatus } from '../../core/index.ts';
import { readCaseAndTasks, readTask, type TaskRowChange } from '../db/cases.ts';
import type { Database } from '../db/client.ts';
import type { CaseRow, TaskRow } from '../db/schema.ts';
import { caseVisibleTo, checkDepartment, type CaseScope, type TenantScope } from '../tenant-guard.ts';
import type { ChainHead } from './event-chain.ts';

/** A task as stored (for its version and names) and as core sees it. */
export interface TaskRecord {
  readonly row: TaskRow;
  readonly state: TaskState;
}

/** A case read for a change: its row, plan, tasks in plan order, and where its event chain stands. */
export interface CaseRecord {
  readonly row: CaseRow;
  readonly plan: CasePlan;
  readonly tasks: readonly TaskRecord[];
  readonly head: ChainHead;
}

/** core's TaskState of a stored task. */
export const toTaskState = (row: TaskRow): TaskState => ({
  id: row.id,
  key: row.key,
  matterCode: row.matterCode,
  departmentId: row.departmentId,
  stage: row.stage,
  dependsOn: row.dependsOn,
  status: row.status as TaskStatus,
  clock: row.clock ?? null,
  ...(row.claimedBy === null ? {} : { claimedBy: row.claimedBy }),
  ...(row.dueOn === null ? {} : { dueOn: row.dueOn }),
  ...(row.dueAfter === null || row.dueOn !== null ? {} : { dueAfter: row.dueAfter }),
  ...(row.reason === null ? {} : { reason: row.reason }),
  ...(row.correctionMaterialIds === null ? {} : { correctionMaterialIds: row.correctionMaterialIds }),
});

/** The columns that store a TaskState (absent fields are written as NULL). */
export const toTaskColumns = (state: TaskState): Required<TaskRowChange> => ({
  status: state.status,
  claimedBy: state.claimedBy ?? null,
  clock: state.clock,
  dueOn: state.dueOn ?? null,
  dueAfter: state.dueAfter ?? null,
  reason: state.reason ?? null,
  correctionMaterialIds: state.correctionMaterialIds ? [...state.correctionMaterialIds] : null,
});

/** Orders tasks as the plan lists them (stage by stage, member order within a stage). */
const inPlanOrder = (plan: CasePlan, rows: readonly TaskRow[]): TaskRow[] => {
  const position = new Map(plan.tasks.map((task, i) => [task.key, i]));
  return [...rows].sort((a, b) => (position.get(a.key) ?? 0) - (position.get(b.key) ?? 0));
};

/**
 * A case with its tasks, or CASE_NOT_FOUND. The case row is read first, then the tasks: tasks are never older
 * than the head read, so a change decided on them either commits from that head or, if another writer moved
 * the head in between, fails on the event seqs and retries. (Read in parallel, tasks older than the head could
 * let a batch pass whose conditional task update matched nothing.) A case the scope's tenant may not see is
 * CASE_NOT_FOUND like an unknown one; `null` is the public read by query code (tracking, rating), which checks
 * the code instead.
 */
export const loadCase = async (db: Database, number: string, scope: CaseScope | null): Promise<Result<CaseRecord>> => {
  const { row, tasks: taskRows } = await readCaseAndTasks(db, number);
  if (row === undefined || (scope !== null && !caseVisibleTo(scope, row))) return err('CASE_NOT_FOUND', { number });
  const plan = row.plan;
  const tasks = inPlanOrder(plan, taskRows).map((task) => ({ row: task, state: toTaskState(task) }));
  return ok({ row, plan, tasks, head: { seq: row.eventSeq, hash: row.eventHead } });
};

/**
 * A task with its case, for a reviewer's claim or decision: TASK_NOT_FOUND when unknown or of a case another
 * tenant owns (a submitting partner tracks a case, it does not review it); 403 FORBIDDEN for a back-office member
 * of another department of the owner.
 */
export const loadTaskCase = async (db: Database, taskId: string, scope: TenantScope): Promise<Result<{ record: CaseRecord; task: TaskRecord }>> => {
  const row = await readTask(db, taskId);
  if (row === undefined) return err('TASK_NOT_FOUND', { taskId });
  const loaded = await loadCase(db, row.caseNumber, { tenant: scope.tenant, as: 'owner' });
  if (!loaded.ok) return loaded.error.code === 'CASE_NOT_FOUND' ? err('TASK_NOT_FOUND', { taskId }) : loaded;
  const task = loaded.value.tasks.find((t) => t.row.id === taskId);
  if (task === undefined) return err('TASK_NOT_FOUND', { taskId });
  const department = checkDepartment(scope, task.row.departmentId);
  if (!department.ok) return department;
  return ok({ record: loaded.value, task });
};
