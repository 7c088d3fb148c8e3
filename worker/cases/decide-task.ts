import {
  decideTask,
  err,
  isTaskFinal,
  localDateOf,
  ok,
  summarizeCaseStatus,
  type CaseEventType,
  type Result,
  type TaskDecision,
  type TaskState,
} from '../../core/index.ts';
import { presentCertificatePending, presentCertificateSummary } from '../certificates/present-certificate.ts';
import type { SignerState } from '../certificates/signing-key.ts';
import { insertLibraryItem, readApplicant, readLibrary } from '../db/applicants.ts';
import { insertNotice, updateTask, type Statement } from '../db/cases.ts';
import { insertDelivery, markCaseCompleted, markTaskDecided, readCertificatesOfCase } from '../db/certificates.ts';
import type { Database } from '../db/client.ts';
import type { ApplicantMaterialRow } from '../db/schema.ts';
import type { DecisionBody } from '../schemas/case.ts';
import type { DecisionReply } from '../schemas/case-replies.ts';
import { workCalendar } from './case-clock.ts';
import type { TenantScope } from '../tenant-guard.ts';
import { loadTaskCase, toTaskColumns, type CaseRecord } from './case-record.ts';
import { commitCaseWrite, retryOnConflict, RETRY } from './commit-case.ts';
import { applicantFromRow, buildCorrectionChecklist, findUnknownMaterials, reviewCorrection } from './correction-checklist.ts';
import { describeTaskForEvent, dispatchTasks } from './dispatch-tasks.ts';
import type { EventDraft } from './event-chain.ts';
import { issuesCertificate, prepareCertificate, type CertificateOutcome } from './issue-certificate.ts';
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
 * (their clocks start today) and, for a certificate result (审批结果类型 10), issues the signed electronic
 * certificate in the same batch (issue-certificate.ts; pending, never a refusal, without a signing key), which
 * joins the applicant's library when other matters ask for it; reject withdraws every task behind it;
 * request-correction stops the clock and issues a notice of what to hand in again; suspend and resume move the
 * due date (pending, `dueAfter`, when it lies past the calendar's data: never a refusal). A task reaching a final
 * decision records its day (decided_on). When every task is final the case completes (event case-completed,
 * completed_on) and, unless a certificate still waits to be issued, its results are ready at the issuing window
 * (delivery `ready`, event results-ready: 统一出证).
 */
export const decideCaseTask = async (
  db: Database,
  taskId: string,
  body: DecisionBody & { readonly reviewer: string },
  scope: TenantScope,
  now: number,
  signer: SignerState,
): Promise<Result<DecisionReply>> => {
  const today = localDateOf(now);
  const decision = body.decision as TaskDecision;
  const sequences = new Map<string, number>();
  return retryOnConflict(async () => {
    const loaded = await loadTaskCase(db, taskId, scope);
    if (!loaded.ok) return loaded;
    const { record, task } = loaded.value;
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
    let certificate: CertificateOutcome = { kind: 'none' };
    let noticeId: string | undefined;

    if (decision.kind === 'request-correction') {
      noticeId = crypto.randomUUID();
      const notice = await buildRequestNotice(db, record, decision.materialIds, today);
      statements.push(insertNotice(db, { id: noticeId, caseNumber: record.row.number, taskId, defects: notice, reason: decision.reason, issuedAt: now, resolvedAt: null }));
    }
    if (decision.kind === 'approve' && issuesCertificate(task.row.matterCode)) {
      const applicant = await readApplicant(db, record.row.applicantId);
      if (applicant === undefined) throw new Error(`case ${record.row.number}: applicant missing`);
      certificate = await prepareCertificate(db, {
        caseNumber: record.row.number,
        tenantId: record.row.tenantId,
        applicant,
        task: { id: task.row.id, key: task.row.key, matterCode: task.row.matterCode },
        today,
        now,
        actor,
        signer,
        sequences,
        ...(body.certificate === undefined ? {} : { options: body.certificate }),
      });
      if (certificate.kind !== 'none') {
        issued = certificate.libraryItem;
        if (issued !== null) statements.push(insertLibraryItem(db, issued));
      }
      if (certificate.kind === 'issued') statements.push(...certificate.statements);
    }
    const issuedNote =
      certificate.kind === 'issued'
        ? { certificate: certificate.certificate.identifier }
        : certificate.kind === 'pending'
          ? { certificatePending: certificate.reason }
          : {};
    events.push({
      type: EVENT_OF[decision.kind],
      actor,
      payload: describeTaskForEvent(decided.value, {
        ...describeDecision(decision, body.reviewer),
        ...(noticeId ? { noticeId } : {}),
        ...issuedNote,
      }),
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

    const finalStates = record.tasks.map((t) => changed.get(t.row.id) ?? t.state);
    const status = summarizeCaseStatus(finalStates);
    // A promised date pending the next year's schedule is written once the calendar covers it (到期日补定).
    const caseRow = refreshPromisedDate(record.row, record.plan.promisedDays);
    const promised = caseRow === record.row ? {} : { dueOn: caseRow.dueOn, dueAfter: caseRow.dueAfter };
    if (FINAL_CASE.has(status) && !FINAL_CASE.has(record.row.status)) {
      events.push({ type: 'case-completed', actor: 'system', payload: { status } });
      statements.push(markCaseCompleted(db, record.row.number, today));
      const waiting = await findWaitingCertificates(db, record, finalStates, certificate.kind === 'issued' ? taskId : undefined);
      if (waiting.length === 0) {
        statements.push(insertDelivery(db, record.row.number, now));
        events.push({ type: 'results-ready', actor: 'system', payload: { status } });
      }
    }
    for (const t of record.tasks) {
      const next = changed.get(t.row.id);
      if (next !== undefined) statements.push(updateTask(db, t.row.id, t.row.version, toTaskColumns(next), now));
      if (next !== undefined && isTaskFinal(next.status) && !isTaskFinal(t.state.status)) statements.push(markTaskDecided(db, t.row.id, today));
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
      certificate: certificate.kind === 'issued' ? presentCertificateSummary(certificate.certificate) : null,
      certificatePending: certificate.kind === 'pending' ? presentCertificatePending(task.row.key, certificate.reason) : null,
    });
  });
};

/**
 * The approved tasks of a case whose certificate is not issued yet (待签发): their matter's result is a
 * certificate, and no certificate row names the task. `issuedNow` is the task whose certificate this very
 * batch writes.
 */
export const findWaitingCertificates = async (
  db: Database,
  record: CaseRecord,
  states: readonly TaskState[],
  issuedNow?: string,
): Promise<string[]> => {
  const owed = states.filter((state) => state.status === 'approved' && state.id !== issuedNow && issuesCertificate(state.matterCode));
  if (owed.length === 0) return [];
  const held = new Set((await readCertificatesOfCase(db, record.row.number)).map((row) => row.taskId));
  return owed.filter((state) => !held.has(state.id)).map((state) => state.key);
};

/** The notice a back office's request writes: every material sent back, as missing until handed in again. */
const buildRequestNotice = async (db: Database, record: CaseRecord, materialIds: readonly string[], today: string) => {
  const stored = await readApplicant(db, record.row.applicantId);
  if (stored === undefined) throw new Error(`case ${record.row.number}: applicant missing`);
  const library = (await readLibrary(db, record.row.applicantId)).map(toLibraryItem);
  return reviewCorrection(buildCorrectionChecklist(record.plan, materialIds), applicantFromRow(stored), [], library, today);
};
