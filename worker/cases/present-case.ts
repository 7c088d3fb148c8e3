import {
  assessDeadline,
  describePendingDueDate,
  isTaskFinal,
  maskCreditCode,
  maskIdNumber,
  maskName,
  maskPhone,
  type CasePlan,
  type Defect,
  type IsoDate,
  type TaskState,
} from '../../core/index.ts';
import { getCatalogStore } from '../catalog-store.ts';
import type { ApplicantMaterialRow, ApplicantRow, CaseMaterialRow, NoticeRow, TaskRow } from '../db/schema.ts';
import { presentDepartmentRef } from '../replies/department-ref.ts';
import type {
  CaseReply,
  DuePendingReply,
  LibraryItemReply,
  NoticeReply,
  PlanSummaryReply,
  TaskReply,
} from '../schemas/case-replies.ts';
import { NEAR_WITHIN_WORKING_DAYS, workCalendar } from './case-clock.ts';
import { refreshTaskState } from './refresh-due-dates.ts';

/** Presenters: stored rows and core's shapes → the reply shapes of worker/schemas/case-replies.ts. */

const iso = (ms: number): string => new Date(ms).toISOString();

/** 到期日待定 as replies explain it (Chinese first, then English); null for a date that is not pending. */
export const presentDuePending = (dueAfter: IsoDate | null | undefined): DuePendingReply | null =>
  dueAfter === null || dueAfter === undefined ? null : describePendingDueDate(dueAfter);

/**
 * A task as every case reply shows it; `deadline` is assessed on `today` while undecided with a due date. A due
 * date pending the next year's holiday schedule is refreshed first (the calendar may cover it by now); still
 * pending, it shows level `awaiting-calendar`, no working days counted, and `duePending` says why.
 */
export const presentTask = (row: TaskRow, stored: TaskState, today: IsoDate): TaskReply => {
  const store = getCatalogStore();
  const state = refreshTaskState(stored);
  let deadline: TaskReply['deadline'] = null;
  if (state.dueOn !== undefined && !isTaskFinal(state.status)) {
    const assessed = assessDeadline(workCalendar(), state.dueOn, today, NEAR_WITHIN_WORKING_DAYS);
    // Today outside the calendar's years (its next schedule not added in time) cannot be assessed: shown without
    // a level rather than guessed; GET /v1/health reports the calendar exhausted.
    if (assessed.ok) deadline = { level: assessed.value.level, workingDaysLeft: assessed.value.workingDaysLeft };
  } else if (state.dueAfter !== undefined && !isTaskFinal(state.status)) {
    deadline = { level: 'awaiting-calendar', workingDaysLeft: null };
  }
  const clock = state.clock;
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    key: row.key,
    matterCode: row.matterCode,
    matterName: row.matterName,
    department: presentDepartmentRef(store, row.departmentId),
    stage: row.stage,
    dependsOn: [...state.dependsOn],
    status: state.status,
    claimedBy: state.claimedBy ?? null,
    startedOn: clock?.startedOn ?? null,
    limit: clock ? { value: clock.limit.value, unit: clock.limit.unit } : null,
    suspensions: (clock?.suspensions ?? []).map((s) => ({ from: s.from, to: s.to ?? null, reason: s.reason })),
    dueOn: state.dueOn ?? null,
    duePending: presentDuePending(state.dueAfter),
    deadline,
    reason: state.reason ?? null,
    correctionMaterialIds: [...(state.correctionMaterialIds ?? [])],
  };
};

export const presentPlan = (plan: CasePlan): PlanSummaryReply => ({
  bundleId: plan.bundleId ?? null,
  stages: plan.stages.map((stage) => [...stage]),
  inspections: plan.inspections.map((i) => ({ name: i.name, taskKeys: [...i.taskKeys], departmentIds: [...i.departmentIds] })),
  criticalPath: [...plan.criticalPath],
  criticalPathDays: plan.criticalPathDays,
  sequentialDays: plan.sequentialDays,
  daysSaved: plan.daysSaved,
  promisedDays: plan.promisedDays,
  checklistItems: plan.checklist.items.length,
  requestedBeforeDedup: plan.checklist.requestedBeforeDedup,
  reusedMaterials: plan.checklist.items.flatMap((item) =>
    item.reusedFrom
      ? [
          {
            materialId: item.material.id,
            name: item.material.name,
            libraryItemId: item.reusedFrom.id,
            certificateId: item.reusedFrom.certificateId ?? null,
            validUntil: item.reusedFrom.validUntil ?? null,
          },
        ]
      : [],
  ),
  producedMaterials: plan.checklist.items.flatMap((item) =>
    item.producedBy !== undefined && item.reusedFrom === undefined
      ? [{ materialId: item.material.id, name: item.material.name, producedBy: item.producedBy }]
      : [],
  ),
});

export const presentNotice = (row: NoticeRow): NoticeReply => ({
  id: row.id,
  taskId: row.taskId,
  reason: row.reason,
  defects: row.defects.map(presentDefect),
  issuedAt: iso(row.issuedAt),
  resolvedAt: row.resolvedAt === null ? null : iso(row.resolvedAt),
});

/** A defect with exactly the documented fields. */
export const presentDefect = (defect: Defect): NoticeReply['defects'][number] => ({
  reason: defect.reason,
  ...(defect.materialId === undefined ? {} : { materialId: defect.materialId }),
  ...(defect.materialName === undefined ? {} : { materialName: defect.materialName }),
  ...(defect.field === undefined ? {} : { field: defect.field }),
  ...(defect.matterCode === undefined ? {} : { matterCode: defect.matterCode }),
  message: defect.message,
  messageEn: defect.messageEn,
  fix: defect.fix,
  fixEn: defect.fixEn,
});

/**
 * The applicant as staff replies show it: masked, for every caller. Since issue 6 the route is role-gated and
 * tenant-isolated, but a cases:submit key and every hall role read it too, and none needs the full numbers to
 * work the case (the documents carry them). Unmasking for a role is a product decision, not taken here.
 */
export const presentApplicant = (row: ApplicantRow): CaseReply['applicant'] => ({
  id: row.id,
  kind: row.kind,
  name: maskName(row.name),
  idNumber: row.idNumber === null ? (row.representativeIdNumber === null ? null : maskIdNumber(row.representativeIdNumber)) : maskIdNumber(row.idNumber),
  creditCode: row.creditCode === null ? null : maskCreditCode(row.creditCode),
  phone: row.phone === null ? null : maskPhone(row.phone),
});

export const presentCaseMaterial = (row: CaseMaterialRow): CaseReply['materials'][number] => ({
  materialId: row.materialId,
  name: row.name,
  status: row.status,
  form: row.form,
  originals: row.originals,
  copies: row.copies,
  validUntil: row.validUntil,
  libraryItemId: row.libraryItemId,
  certificateId: row.certificateId,
});

export const presentLibraryItem = (row: ApplicantMaterialRow, today: IsoDate): LibraryItemReply => ({
  id: row.id,
  materialId: row.materialId,
  name: row.name,
  certificateId: row.certificateId,
  validUntil: row.validUntil,
  sourceCaseNumber: row.sourceCaseNumber,
  createdAt: iso(row.createdAt),
  valid: row.validUntil === null || row.validUntil >= today,
});

export { iso as presentTime };
