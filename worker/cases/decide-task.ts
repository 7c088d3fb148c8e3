import {
  decideTask,
  err,
  localDateOf,
  ok,
  summarizeCaseStatus,
  type CaseEventType,
  type Result,
  type TaskDecision,
  type TaskState,
} from '../../core/index.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { insertLibraryItem, readApplicant, readLibrary } from '../db/applicants.ts';
import { insertNotice, readTask, updateTask, type Statement } from '../db/cases.ts';
import type { Database } from '../db/client.ts';
import type { ApplicantMaterialRow } from '../db/schema.ts';
import type { DecisionBody } from '../schemas/case.ts';
import type { DecisionReply } from '../schemas/case-replies.ts';
import { workCalendar } from './case-clock.ts';
import { loadCase, toTaskColumns, type CaseRecord } from './case-record.ts';
import { commitCaseWrite, retryOnConflict, RETRY } from './commit-case.ts';
import { applicantFromRow, buildCorrectionChecklist, findUnknownMaterials, reviewCorrection } from './correction-checklist.ts';
import { describeTaskForEvent, dispatchTasks } from './dispatch-tasks.ts';
import type { EventDraft } from './event-chain.ts';
import { findIssuedMaterial, mintProvisionalCertificateId } from './issue-certificate.ts';
import { presentDuePending, presentLibraryItem, presentTask } from './present-case.ts';
import { refreshPromisedDate } from './refresh-due-dates.ts';
import { toLibraryItem } from './resolve-applicant.ts';

const EVENT_OF: Readonly<Record<TaskDecision['kind'], CaseEventType>> = {
  approve: 'task-approved',
  reject: 'task-rejected',
  'request-correction': 'task-correction-requested',
  suspend: 'task-suspended',
  resume: 'task-resumed',
};

const FINAL_CASE = new Set(['approved', 'partly-approved', 'rejected']);

/** What the event of a decision adds to the task's description (the reviewer's words stay out of the timeline). */
const describeDecision = (decision: TaskDecision, reviewer: string): Record<string, unknown> => {
  switch (decision.kind) {
    case 'reject':
      return { reviewer, reason: decision.reason };
    case 'request-correction':
      return { reviewer, reason: decision.reason, materialIds: [...decision.materialIds] };
    case 'suspend':
      return { reviewer, reason: decision.reason, suspension: decision.suspension };
    default:
      return { reviewer, ...(decision.note === undefined ? {} : { note: decision.note }) };
  }
};

/**
 * 审批决定 by the reviewer holding the task. Approve releases the tasks whose predecessors are now all approved
 * (their clocks start today) and, for a certificate result (审批结果类型 10) that other matters ask for, adds it
 * to the applicant's library (a provisional certificate id until issue 5); reject withdraws every task
 * behind it; request-correction stops the clock and issues a notice of what to hand in again; suspend and
 * resume move the due date (pending, `dueAfter`, when it lies past the calendar's data: never a refusal). When
 * every task is final the case completes (event case-completed).
 */
export const decideCaseTask = async (
  db: Database,
  taskId: string,
  body: DecisionBody,
  now: number,
): Promise<Result<DecisionReply>> => {
  const today = localDateOf(now);
  const decision = body.decision as TaskDecision;
  return retryOnConflict(async () => {
    const row = await readTask(db, taskId);
    if (row === undefined) return err('TASK_NOT_FOUND', { taskId });
    const loaded = await loadCase(db, row.caseNumber);
    if (!loaded.ok) return loaded;
    const record = loaded.value;
    const task = record.tasks.find((t) => t.row.id === taskId);
    if (task === undefined) return err('TASK_NOT_FOUND', { taskId });
    if (decision.kind === 'request-correction') {
      const unknown = findUnknownMaterials(record.plan, decision.materialIds);
      if (unknown.length > 0) {
        const issue = { location: 'json', path: ['decision', 'materialIds'], message: `Not on this case's checklist: ${unknown.join(', ')}` };
        return err('INVALID_INPUT', { issues: [issue] });
      }
    }
    const decided = decideTask(workCalendar(), task.state, decision, body.reviewer, today);
    if (!decided.ok) return decided;

    const changed = new Map<string, TaskState>([[taskId, decided.value]]);
    const actor = `reviewer:${body.reviewer}`;
    const statements: Statement[] = [];
    const events: EventDraft[] = [];
    let released: readonly string[] = [];
    let withdrawn: readonly string[] = [];
    let issued: ApplicantMaterialRow | null = null;
    let noticeId: string | undefined;

    if (decision.kind === 'request-correction') {
      noticeId = crypto.randomUUID();
      const notice = await buildRequestNotice(db, record, decision.materialIds, today);
      statements.push(insertNotice(db, { id: noticeId, caseNumber: record.row.number, taskId, defects: notice, reason: decision.reason, issuedAt: now, resolvedAt: null }));
    }
    events.push({
      type: EVENT_OF[decision.kind],
      actor,
      payload: describeTaskForEvent(decided.value, { ...describeDecision(decision, body.reviewer), ...(noticeId ? { noticeId } : {}) }),
    });
    if (decision.kind === 'approve' || decision.kind === 'reject') {
      const states = record.tasks.map((t) => changed.get(t.row.id) ?? t.state);
      const dispatched = dispatchTasks(record.plan, states, today);
      if (!dispatched.ok) return dispatched;
      for (const [id, state] of dispatched.value.changed) changed.set(id, state);
      events.push(...dispatched.value.events);
      released = dispatched.value.released;
      withdrawn = dispatched.value.withdrawn;
    }
    if (decision.kind === 'approve') {
      issued = issueToLibrary(record, task.row.matterCode, task.row.key, now);
      if (issued !== null) statements.push(insertLibraryItem(db, issued));
    }

    const finalStates = record.tasks.map((t) => changed.get(t.row.id) ?? t.state);
    const status = summarizeCaseStatus(finalStates);
    // A promised date pending the next year's schedule is written once the calendar covers it (到期日补定).
    const caseRow = refreshPromisedDate(record.row, record.plan.promisedDays);
    const promised = caseRow === record.row ? {} : { dueOn: caseRow.dueOn, dueAfter: caseRow.dueAfter };
    if (FINAL_CASE.has(status) && !FINAL_CASE.has(record.row.status)) {
      events.push({ type: 'case-completed', actor: 'system', payload: { status } });
    }
    for (const t of record.tasks) {
      const next = changed.get(t.row.id);
      if (next !== undefined) statements.push(updateTask(db, t.row.id, t.row.version, toTaskColumns(next), now));
    }
    if (!(await commitCaseWrite(db, record.row.number, record.head, { change: { status, ...promised }, statements, events }, now))) return RETRY;

    const present = (key: string) => {
      const t = record.tasks.find((x) => x.row.key === key)!;
      const state = changed.get(t.row.id) ?? t.state;
      return presentTask({ ...t.row, ...toTaskColumns(state) }, state, today);
    };
    return ok({
      task: present(task.row.key),
      case: { number: record.row.number, status, dueOn: caseRow.dueOn, duePending: presentDuePending(caseRow.dueAfter) },
      released: released.map(present),
      withdrawn: withdrawn.map(present),
      issued: issued === null ? null : presentLibraryItem(issued, today),
    });
  });
};

/** The notice a back office's request writes: every material sent back, as missing until handed in again. */
const buildRequestNotice = async (db: Database, record: CaseRecord, materialIds: readonly string[], today: string) => {
  const stored = await readApplicant(db, record.row.applicantId);
  if (stored === undefined) throw new Error(`case ${record.row.number}: applicant missing`);
  const library = (await readLibrary(db, record.row.applicantId)).map(toLibraryItem);
  return reviewCorrection(buildCorrectionChecklist(record.plan, materialIds), applicantFromRow(stored), [], library, today);
};

/** 证照入库: the library item an approval adds when the matter's result is a certificate others ask for. */
const issueToLibrary = (record: CaseRecord, matterCode: string, taskKey: string, now: number): ApplicantMaterialRow | null => {
  const matter = getCatalogStore().index.byCode.get(matterCode);
  const material = matter && findIssuedMaterial(matter);
  if (!material) return null;
  return {
    id: crypto.randomUUID(),
    applicantId: record.row.applicantId,
    materialId: material.id,
    name: material.name,
    certificateId: mintProvisionalCertificateId(record.row.number, taskKey),
    validUntil: null,
    sourceCaseNumber: record.row.number,
    createdAt: now,
  };
};
