import {
  err,
  localDateOf,
  ok,
  restartAfterCorrection,
  reviewCase,
  summarizeCaseStatus,
  type Applicant,
  type Defect,
  type LibraryItem,
  type Result,
  type TaskState,
} from '../../core/index.ts';
import { readApplicant, readLibrary } from '../db/applicants.ts';
import {
  insertNotice,
  readCaseMaterials,
  resolveOpenNotices,
  updateTask,
  upsertCaseMaterial,
  type Statement,
} from '../db/cases.ts';
import { countCaseVisit } from '../db/case-visits.ts';
import type { Database } from '../db/client.ts';
import type { CorrectionBody } from '../schemas/case.ts';
import type { CaseReply } from '../schemas/case-replies.ts';
import { describeDefectsForEvent, findServedBy, refuseUncorrectable, startCase, type NoticeDetails } from './intake-steps.ts';
import { workCalendar } from './case-clock.ts';
import { fromReceivedRow, mergeSubmissions, recordMaterials, toSubmitted } from './case-materials.ts';
import type { CaseScope } from '../tenant-guard.ts';
import { loadCase, toTaskColumns, toTaskState, type CaseRecord } from './case-record.ts';
import { commitCaseWrite, retryOnConflict, RETRY } from './commit-case.ts';
import { applicantFromRow, buildCorrectionChecklist, reviewCorrection } from './correction-checklist.ts';
import { describeTaskForEvent } from './dispatch-tasks.ts';
import type { EventDraft } from './event-chain.ts';
import { findStoredReply, prepareKey, sealReply, storeReply, type StoredReply } from './idempotent-replies.ts';
import { presentDefect } from './present-case.ts';
import { readCaseView, normaliseCaseNumber } from './read-case.ts';
import { toDueColumns } from './refresh-due-dates.ts';
import { resolveApplicant, toApplicant, toLibraryItem } from './resolve-applicant.ts';

/**
 * A correction's answer: the case, now complete (200), or a new one-time notice (422 details); `replay` when it is
 * the answer stored under the request's Idempotency-Key.
 */
export type CorrectionOutcome = (
  | { readonly status: 200; readonly body: CaseReply }
  | { readonly status: 422; readonly details: NoticeDetails }
) & { readonly replay: boolean };

/** The route of corrections' Idempotency-Keys (scoped further by the caller's tenant). */
const CORRECTION_ROUTE = 'POST /v1/cases/{number}/corrections';

/**
 * What is stored under the key: the notice as answered, or for a complete correction only the case number — its
 * reply is the case as it stands, read after the commit, so a replay reads it again.
 */
const storedAnswer = (number: string, notice: NoticeDetails | undefined): StoredReply =>
  notice === undefined ? { status: 200, body: { number } } : { status: 422, body: notice };

const FINAL_CASE = new Set(['approved', 'partly-approved', 'rejected']);

/** A change decided by one of the two correction paths, ready to commit. */
type Decided = Result<{
  change: { status?: string; acceptedOn?: string; dueOn?: string | null; dueAfter?: string | null; applicantId?: string };
  statements: Statement[];
  events: EventDraft[];
  notice?: NoticeDetails;
}>;

/**
 * 补正: the applicant hands in what a one-time notice asked for.
 * - Before acceptance (the front desk's notice): the case is reviewed again against its checklist with
 *   everything received so far plus the correction; complete → accepted today (tasks without predecessors
 *   released, clocks starting today); still incomplete → a new notice replacing the old one (422).
 * - After a back office sent the case back: what it asked for is reviewed; complete → each such task's clock
 *   restarts today (Art. 32) and the reviewer holding it gets it back; otherwise a new notice per task (422).
 * A due date past the working-day calendar's data never refuses a correction: it is recorded pending (dueAfter).
 * A case not waiting for a correction: CASE_NOT_AWAITING_CORRECTION (CASE_ALREADY_CLOSED once it ended).
 *
 * An incomplete correction leaves the case waiting, so a plain retry would issue a second notice and count a second
 * visit. With an Idempotency-Key the answer is stored in the correction's own batch: a retry (or a concurrent
 * twin) replays it and changes nothing; the same key with another body or case is IDEMPOTENCY_KEY_REUSED.
 */
export const correctCase = async (
  db: Database,
  numberText: string,
  body: CorrectionBody,
  scope: CaseScope,
  key: string | null,
  now: number,
): Promise<Result<CorrectionOutcome>> => {
  const number = normaliseCaseNumber(numberText);
  const today = localDateOf(now);
  // The case is part of the request: one key reused on another case is refused, never replayed.
  const prepared = key === null ? null : await prepareKey(CORRECTION_ROUTE, scope.tenant, key, { number, body });
  const answer = await retryOnConflict(async () => {
    // Checked on every attempt: a conflict may be a concurrent request under the same key that committed first.
    if (prepared !== null) {
      const stored = await findStoredReply(db, prepared, now);
      if (!stored.ok) return stored;
      if (stored.value !== null) return ok({ replay: true, notice: stored.value.status === 422 ? (stored.value.body as NoticeDetails) : undefined });
    }
    const loaded = await loadCase(db, number, scope);
    if (!loaded.ok) return loaded;
    const record = loaded.value;
    const status = record.row.status;
    if (FINAL_CASE.has(status)) return err('CASE_ALREADY_CLOSED', { number, status });
    if (status !== 'awaiting-correction') return err('CASE_NOT_AWAITING_CORRECTION', { number, status });
    const decided = record.row.acceptedOn === null
      ? await correctBeforeAcceptance(db, record, body, today, now)
      : await correctForBackOffice(db, record, body, today, now);
    if (!decided.ok) return decided;
    const { change, statements, events, notice } = decided.value;
    // Handed in at a window: the applicant came once more (最多跑一次 counts it), complete or not.
    if ((body.channel ?? record.row.channel) === 'window') statements.push(countCaseVisit(db, number));
    if (prepared !== null) statements.push(storeReply(db, await sealReply(prepared, storedAnswer(number, notice), now)));
    const committed = await commitCaseWrite(db, number, record.head, { change, statements, events }, now);
    if (!committed) return RETRY;
    return ok({ replay: false, notice });
  });
  if (!answer.ok) return answer;
  const { replay, notice } = answer.value;
  if (notice !== undefined) return ok({ status: 422, details: notice, replay });
  const view = await readCaseView(db, number, scope, now);
  return view.ok ? ok({ status: 200, body: view.value, replay }) : view;
};

const noticeDetails = (number: string, id: string, now: number, defects: readonly Defect[]): NoticeDetails => ({
  number,
  notice: { id, issuedAt: new Date(now).toISOString(), defects: defects.map(presentDefect) },
});

/** The front desk's notice answered: review the whole application again. */
const correctBeforeAcceptance = async (
  db: Database,
  record: CaseRecord,
  body: CorrectionBody,
  today: string,
  now: number,
): Promise<Decided> => {
  const { row, plan } = record;
  const statements: Statement[] = [];
  const { applicantId, applicant, library } = await readCorrectedApplicant(db, row, body, today, now, statements);
  const received = (await readCaseMaterials(db, row.number)).filter((m) => m.status === 'received').map(fromReceivedRow);
  const submitted = mergeSubmissions(received, body.materials.map(toSubmitted));
  const outcome = reviewCase({
    checklist: plan.checklist,
    matterCodes: plan.tasks.map((task) => task.matterCode),
    acceptedHere: null,
    servedBy: findServedBy(plan),
    applicant,
    submitted,
    library,
    today,
  });
  const correction = { type: 'correction-received', actor: 'applicant' } as const;
  const moved = applicantId === row.applicantId ? {} : { applicantId };
  if (outcome.status === 'notice') {
    const refused = refuseUncorrectable(outcome.defects);
    if (refused) return refused;
    const noticeId = crypto.randomUUID();
    statements.push(
      resolveOpenNotices(db, row.number, now),
      insertNotice(db, { id: noticeId, caseNumber: row.number, taskId: null, defects: [...outcome.defects], reason: null, issuedAt: now, resolvedAt: null }),
      ...recordMaterials(row.number, plan.checklist, submitted, [], now).map((m) => upsertCaseMaterial(db, m)),
    );
    return ok({
      change: { applicantId },
      statements,
      events: [
        { ...correction, payload: { complete: false, ...moved } },
        { type: 'notice-issued', actor: 'system', payload: { noticeId, defects: describeDefectsForEvent(outcome.defects) } },
      ],
      notice: noticeDetails(row.number, noticeId, now, outcome.defects),
    });
  }
  const pending = outcome.status === 'accepted-pending' ? outcome.pending : [];
  const started = startCase(plan, record.tasks.map((t) => t.row), today);
  if (!started.ok) return started;
  for (const [i, task] of record.tasks.entries()) {
    const next = started.value.rows[i]!;
    if (next.status !== task.row.status) statements.push(updateTask(db, task.row.id, task.row.version, toTaskColumns(toTaskState(next)), now));
  }
  statements.push(
    resolveOpenNotices(db, row.number, now),
    ...recordMaterials(row.number, plan.checklist, submitted, pending, now).map((m) => upsertCaseMaterial(db, m)),
  );
  return ok({
    change: { status: 'in-review', acceptedOn: today, ...toDueColumns(started.value.promised), applicantId },
    statements,
    events: [
      { ...correction, payload: { complete: true, ...moved } },
      { type: 'case-accepted', actor: 'system', payload: { acceptedOn: today, ...started.value.promised, pending: pending.map((p) => p.material.id) } },
      ...started.value.events,
    ],
  });
};

/**
 * The applicant a front-desk correction is reviewed for: the corrected one when given (found by identity or new:
 * its statements join the batch and the case moves to it), else the case's own, with their library.
 */
const readCorrectedApplicant = async (
  db: Database,
  row: CaseRecord['row'],
  body: CorrectionBody,
  today: string,
  now: number,
  statements: Statement[],
): Promise<{ applicantId: string; applicant: Applicant; library: readonly LibraryItem[] }> => {
  if (body.applicant !== undefined) {
    const applicant = toApplicant(body.applicant);
    const resolved = await resolveApplicant(db, row.tenantId, applicant, today, now);
    statements.push(...resolved.statements);
    return { applicantId: resolved.id, applicant, library: resolved.library };
  }
  const stored = await readApplicant(db, row.applicantId);
  if (stored === undefined) throw new Error(`case ${row.number}: applicant ${row.applicantId} missing`);
  const library = (await readLibrary(db, row.applicantId)).map(toLibraryItem);
  return { applicantId: row.applicantId, applicant: applicantFromRow(stored), library };
};

/** A back office's request answered: review what it asked for; restart the clocks of the tasks sent back. */
const correctForBackOffice = async (
  db: Database,
  record: CaseRecord,
  body: CorrectionBody,
  today: string,
  now: number,
): Promise<Decided> => {
  const { row, plan } = record;
  const waiting = record.tasks.filter((t) => t.state.status === 'awaiting-correction');
  if (waiting.length === 0) return err('CASE_NOT_AWAITING_CORRECTION', { number: row.number, status: row.status });
  const stored = await readApplicant(db, row.applicantId);
  if (stored === undefined) throw new Error(`case ${row.number}: applicant ${row.applicantId} missing`);
  const applicant = applicantFromRow(stored);
  const library = (await readLibrary(db, row.applicantId)).map(toLibraryItem);
  const submitted = body.materials.map(toSubmitted);
  const statements: Statement[] = [];
  const events: EventDraft[] = [];
  const notices: { taskId: string; defects: Defect[] }[] = [];
  const restarted = new Map<string, TaskState>();
  for (const task of waiting) {
    const checklist = buildCorrectionChecklist(plan, task.state.correctionMaterialIds ?? []);
    const defects = reviewCorrection(checklist, applicant, submitted, library, today);
    if (defects.length > 0) notices.push({ taskId: task.row.id, defects });
    statements.push(...recordMaterials(row.number, checklist, submitted, [], now).map((m) => upsertCaseMaterial(db, m)));
  }
  if (notices.length > 0) {
    // Some of what was asked for is still wrong: every task keeps waiting; one new notice per task still short.
    events.push({ type: 'correction-received', actor: 'applicant', payload: { complete: false } });
    const all: Defect[] = [];
    let first = '';
    for (const { taskId, defects } of notices) {
      const noticeId = crypto.randomUUID();
      first ||= noticeId;
      all.push(...defects);
      statements.push(
        resolveOpenNotices(db, row.number, now, taskId),
        insertNotice(db, { id: noticeId, caseNumber: row.number, taskId, defects, reason: null, issuedAt: now, resolvedAt: null }),
      );
      events.push({ type: 'notice-issued', actor: 'system', payload: { noticeId, taskId, defects: describeDefectsForEvent(defects) } });
    }
    return ok({ change: {}, statements, events, notice: noticeDetails(row.number, first, now, all) });
  }
  for (const task of waiting) {
    const next = restartAfterCorrection(workCalendar(), task.state, today);
    if (!next.ok) return next;
    restarted.set(task.row.id, next.value);
    statements.push(
      updateTask(db, task.row.id, task.row.version, toTaskColumns(next.value), now),
      resolveOpenNotices(db, row.number, now, task.row.id),
    );
    events.push({ type: 'correction-received', actor: 'applicant', payload: describeTaskForEvent(next.value, { complete: true }) });
  }
  const status = summarizeCaseStatus(record.tasks.map((t) => restarted.get(t.row.id) ?? t.state));
  return ok({ change: { status }, statements, events });
};
