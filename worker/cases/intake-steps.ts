/**
 * What intake (accept-case.ts) and correction (correct-case.ts) share: refusing what no correction can fix, who
 * each matter serves, starting an accepted case's tasks and promised date, and how visits and defects are recorded.
 */
import {
  err,
  findPromisedDate,
  ok,
  type CasePlan,
  type ChecklistItem,
  type Defect,
  type DueFields,
  type IsoDate,
  type Result,
  type ServiceObject,
  type TaskState,
} from '../../core/index.ts';
import { getCatalogStore } from '../catalog-store.ts';
import type { TaskRow } from '../db/schema.ts';
import type { CreateCaseBody } from '../schemas/case.ts';
import { workCalendar } from './case-clock.ts';
import { toTaskColumns, toTaskState } from './case-record.ts';
import { dispatchTasks } from './dispatch-tasks.ts';
import type { EventDraft } from './event-chain.ts';
import { presentDefect } from './present-case.ts';

/** The 422 MATERIALS_INCOMPLETE details of a registered case: its number, its query code, the notice. */
export interface NoticeDetails {
  readonly number: string;
  readonly queryCode?: string;
  readonly notice: { readonly id: string; readonly issuedAt: string; readonly defects: readonly Defect[] };
}

/** Defects no correction of materials can fix: MATTER_NOT_ACCEPTED_HERE, and nothing is registered. */
const NOT_CORRECTABLE: ReadonlySet<Defect['reason']> = new Set(['not-this-hall', 'applicant-kind-not-served']);

/** The refusal for a notice holding defects no material can fix, or null. */
export const refuseUncorrectable = (defects: readonly Defect[]): Result<never> | null => {
  const refused = defects.filter((d) => NOT_CORRECTABLE.has(d.reason));
  return refused.length > 0 ? err('MATTER_NOT_ACCEPTED_HERE', { defects: refused.map(presentDefect) }) : null;
};

/** Who each of the plan's matters serves (服务对象), for formal review. */
export const findServedBy = (plan: CasePlan): ReadonlyMap<string, readonly ServiceObject[]> => {
  const { index } = getCatalogStore();
  return new Map(plan.tasks.map((task) => [task.matterCode, index.byCode.get(task.matterCode)?.serviceObjects ?? []]));
};

/** The row of a task after core changed its state. */
export const applyTaskState = (row: TaskRow, state: TaskState): TaskRow => ({ ...row, ...toTaskColumns(state) });

/** The pending (容缺后补) materials as the reply lists them. */
export const presentPending = (pending: readonly ChecklistItem[]) =>
  pending.map((item) => ({ materialId: item.material.id, name: item.material.name, matterCodes: [...item.matterCodes] }));

/**
 * 受理 at acceptance: releases the tasks with no predecessor (their clocks start `today`) and computes the
 * case's promised completion date from the plan's promised days (the critical path, or the bundle's promise).
 * A date past the working-day calendar's data never refuses the case: the legal clock runs from today all the
 * same, and the date is recorded as pending (`{ dueAfter }`, 到期日待定) until next year's schedule is added. That
 * holds even when `today` itself is past the data (the schedule was not added in time): the case is registered
 * and accepted, every due date pending.
 */
export const startCase = (
  plan: CasePlan,
  rows: readonly TaskRow[],
  today: IsoDate,
): Result<{ rows: TaskRow[]; events: EventDraft[]; promised: DueFields }> => {
  const states = rows.map((row) => ({ row, state: toTaskState(row) }));
  const dispatched = dispatchTasks(plan, states.map((s) => s.state), today);
  if (!dispatched.ok) return dispatched;
  const promised = findPromisedDate(workCalendar(), today, plan.promisedDays);
  if (!promised.ok) return promised;
  const next = states.map(({ row, state }) => applyTaskState(row, dispatched.value.changed.get(state.id) ?? state));
  return ok({ rows: next, events: [...dispatched.value.events], promised: promised.value });
};

/**
 * Where the case came in and the trips it cost so far (issue 5's 前台集中受理率 and 最多跑一次): a window intake is
 * one visit (the applicant came, whether the case was accepted or given a notice), at a general window unless
 * the body says a department's; an online declaration has no window and no visit.
 */
export const describeIntakeVisit = (body: Pick<CreateCaseBody, 'channel' | 'intakeWindow'>) =>
  body.channel === 'window'
    ? { intakeWindow: body.intakeWindow ?? ('general' as const), visits: 1 }
    : { intakeWindow: null, visits: 0 };

/** The defects an event records: codes and material ids, never the wording or the applicant's numbers. */
export const describeDefectsForEvent = (defects: readonly Defect[]) =>
  defects.map((d) => ({
    reason: d.reason,
    ...(d.materialId === undefined ? {} : { materialId: d.materialId }),
    ...(d.field === undefined ? {} : { field: d.field }),
  }));

