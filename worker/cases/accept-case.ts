import {
  err,
  findBundle,
  findMatter,
  formatCaseNumber,
  formatQueryCode,
  GENESIS_HASH,
  localDateOf,
  ok,
  planBundle,
  planSingleMatter,
  QUERY_CODE_DRAW_LIMIT,
  reviewCase,
  selectBundleMatters,
  type Bundle,
  type CasePlan,
  type IsoDate,
  type LibraryItem,
  type Matter,
  type Result,
} from '../../core/index.ts';
import { getCatalogStore } from '../catalog-store.ts';
import {
  insertCase,
  insertCaseMatter,
  insertEvent,
  insertNotice,
  insertTask,
  claimNextSequence,
  upsertCaseMaterial,
  type Statement,
} from '../db/cases.ts';
import type { Database } from '../db/client.ts';
import type { TaskRow } from '../db/schema.ts';
import type { CreateCaseBody } from '../schemas/case.ts';
import type { CaseAcceptedReply } from '../schemas/case-replies.ts';
import { toTaskState } from './case-record.ts';
import { recordMaterials, toSubmitted } from './case-materials.ts';
import { isConflict, retryOnConflict, RETRY } from './commit-case.ts';
import { sha256Hex } from './digest.ts';
import { chainEvents, type EventDraft } from './event-chain.ts';
import { findStoredReply, prepareKey, sealReply, storeReply, type PreparedKey, type StoredReply } from './idempotent-replies.ts';
import { presentDefect, presentDuePending, presentPlan, presentTask } from './present-case.ts';
import { toDueColumns } from './refresh-due-dates.ts';
import {
  describeDefectsForEvent,
  describeIntakeVisit,
  findServedBy,
  presentPending,
  refuseUncorrectable,
  startCase,
  type NoticeDetails,
} from './intake-steps.ts';
import { resolveApplicant, toApplicant } from './resolve-applicant.ts';
import { resolveIntakeOwner } from './intake-owner.ts';
import { enqueuedAny, noticeStatusChange } from '../webhooks/case-status-notice.ts';

/** The route of intake's Idempotency-Keys (scoped further by the caller's tenant). */
const INTAKE_ROUTE = 'POST /v1/cases';

/** What intake answers: the reply (201 accepted, or the 422 notice's details) and whether it is a replay. */
export interface IntakeOutcome {
  readonly reply: StoredReply;
  readonly replay: boolean;
  /** Tenants whose webhook outbox got a message: the route wakes their dispatchers once the reply is sent. */
  readonly notify: readonly string[];
}

/** The matters applied for: one, or a bundle's chosen members. */
type Selection = { readonly matter: Matter } | { readonly bundle: Bundle; readonly members: ReadonlyMap<string, Matter> };

/** A body field that names nothing in the catalog is a bad request (the route exists), listed like zod's issues. */
const unknownInCatalog = (path: string[], message: string): Result<never> =>
  err('INVALID_INPUT', { issues: [{ location: 'json', path, message }] });

const selectMatters = (body: CreateCaseBody): Result<Selection> => {
  const { index } = getCatalogStore();
  if (body.matterCode !== undefined) {
    const matter = findMatter(index, body.matterCode);
    return matter.ok ? ok({ matter: matter.value }) : unknownInCatalog(['matterCode'], 'No matter in the catalog has this code');
  }
  const choice = body.bundle!;
  const bundle = findBundle(index, choice.id);
  if (!bundle.ok) return unknownInCatalog(['bundle', 'id'], 'No bundle in the catalog has this id');
  const members = selectBundleMatters(bundle.value, index, choice.choices ?? {}, choice.include ?? []);
  return members.ok ? ok({ bundle: bundle.value, members: members.value }) : members;
};

const mattersOf = (selection: Selection): Matter[] => ('matter' in selection ? [selection.matter] : [...selection.members.values()]);

const planFor = (selection: Selection, library: readonly LibraryItem[], today: IsoDate): CasePlan =>
  'matter' in selection
    ? planSingleMatter(selection.matter, library, today)
    : planBundle(selection.bundle, selection.members, library, today);

/** 查询码 by rejection sampling over uint32 draws (uniform over the six digits). */
const drawQueryCode = (): string => {
  const draw = new Uint32Array(1);
  do crypto.getRandomValues(draw);
  while (draw[0]! >= QUERY_CODE_DRAW_LIMIT);
  return formatQueryCode(draw[0]!);
};

/** A new task row for each planned task, waiting; released below if the case is accepted. */
const draftTasks = (plan: CasePlan, number: string, now: number): TaskRow[] =>
  plan.tasks.map((task) => ({
    id: crypto.randomUUID(),
    caseNumber: number,
    key: task.key,
    matterCode: task.matterCode,
    matterName: task.matterName,
    departmentId: task.departmentId,
    stage: task.stage,
    dependsOn: [...task.dependsOn],
    status: 'waiting',
    claimedBy: null,
    clock: null,
    dueOn: null,
    dueAfter: null,
    reason: null,
    correctionMaterialIds: null,
    decidedOn: null,
    version: 0,
    createdAt: now,
    updatedAt: now,
  }));

/**
 * 受理: registers a case from the front desk or the online portal. Formal review against the plan's checklist
 * decides: accepted (201; tasks without predecessors released, clocks started today), or one-time notice (422
 * MATERIALS_INCOMPLETE; the case is registered `awaiting-correction` so the correction can name it). Defects
 * no material can fix (the matter not handled here, or not for this kind of applicant) register nothing:
 * MATTER_NOT_ACCEPTED_HERE.
 *
 * With an Idempotency-Key the reply is stored in the same batch as the case, so of concurrent identical requests
 * exactly one registers a case and every one answers its reply; the same key with another body is refused.
 * Keys are the submitting tenant's own: another tenant's identical key is another key.
 *
 * `submitter` is the caller's tenant; the case is owned by `body.ownerTenant` when given (跨区域通办, see
 * resolveIntakeOwner), and its registration is announced to the tenants' webhooks in the same batch.
 */
export const acceptCase = async (
  db: Database,
  body: CreateCaseBody,
  submitter: string,
  key: string | null,
  now: number,
): Promise<Result<IntakeOutcome>> => {
  const prepared = key === null ? null : await prepareKey(INTAKE_ROUTE, submitter, key, body);
  if (prepared !== null) {
    const stored = await findStoredReply(db, prepared, now);
    if (!stored.ok) return stored;
    if (stored.value !== null) return ok({ reply: stored.value, replay: true, notify: [] });
  }
  const selection = selectMatters(body);
  if (!selection.ok) return selection;
  const owner = resolveIntakeOwner(body, submitter, mattersOf(selection.value));
  if (!owner.ok) return owner;
  const { hallCode, numberingHall } = owner.value;
  const today = localDateOf(now);
  const applicant = toApplicant(body.applicant);
  const submitted = body.materials.map(toSubmitted);
  // Claimed once, on first need: a retry after losing a race (say, two intakes creating one applicant) keeps it.
  let sequence: number | undefined;
  return retryOnConflict(async () => {
    const resolved = await resolveApplicant(db, owner.value.tenant, applicant, today, now);
    const plan = planFor(selection.value, resolved.library, today);
    const outcome = reviewCase({
      checklist: plan.checklist,
      matterCodes: plan.tasks.map((task) => task.matterCode),
      // Every matter of the catalog is handled by this hall (无差别全科受理); a hall with a narrower list sets it.
      acceptedHere: null,
      servedBy: findServedBy(plan),
      applicant,
      submitted,
      library: resolved.library,
      today,
    });
    const refused = outcome.status === 'notice' ? refuseUncorrectable(outcome.defects) : null;
    if (refused) return refused;

    sequence ??= await claimNextSequence(db, numberingHall, today);
    const number = formatCaseNumber({ hallCode, date: today, sequence });
    const queryCode = drawQueryCode();
    let taskRows = draftTasks(plan, number, now);
    const pending = outcome.status === 'accepted-pending' ? outcome.pending : [];
    const events: EventDraft[] = [
      {
        type: 'case-registered',
        actor: body.channel === 'window' ? 'front-desk' : 'applicant',
        payload: {
          hall: body.hall,
          channel: body.channel,
          ...(plan.bundleId === undefined ? {} : { bundleId: plan.bundleId }),
          matterCodes: plan.tasks.map((task) => task.matterCode),
          applicantId: resolved.id,
          ...(owner.value.submittedBy === null ? {} : { submittedBy: owner.value.submittedBy }),
        },
      },
    ];
    const statements: Statement[] = [...resolved.statements];
    let reply: StoredReply;
    let caseFields: { status: string; acceptedOn: string | null; dueOn: string | null; dueAfter: string | null };

    if (outcome.status === 'notice') {
      const noticeId = crypto.randomUUID();
      statements.push(insertNotice(db, { id: noticeId, caseNumber: number, taskId: null, defects: [...outcome.defects], reason: null, issuedAt: now, resolvedAt: null }));
      events.push({ type: 'notice-issued', actor: 'system', payload: { noticeId, defects: describeDefectsForEvent(outcome.defects) } });
      caseFields = { status: 'awaiting-correction', acceptedOn: null, dueOn: null, dueAfter: null };
      const details: NoticeDetails = {
        number,
        queryCode,
        notice: { id: noticeId, issuedAt: new Date(now).toISOString(), defects: outcome.defects.map(presentDefect) },
      };
      reply = { status: 422, body: details };
    } else {
      const started = startCase(plan, taskRows, today);
      if (!started.ok) return started;
      taskRows = started.value.rows;
      const promised = toDueColumns(started.value.promised);
      events.push({
        type: 'case-accepted',
        actor: 'system',
        payload: { acceptedOn: today, ...started.value.promised, pending: pending.map((item) => item.material.id) },
      });
      events.push(...started.value.events);
      caseFields = { status: 'in-review', acceptedOn: today, ...promised };
      const accepted: CaseAcceptedReply = {
        number,
        queryCode,
        hall: body.hall,
        channel: body.channel,
        status: 'in-review',
        applicantId: resolved.id,
        bundleId: plan.bundleId ?? null,
        acceptedOn: today,
        dueOn: promised.dueOn,
        duePending: presentDuePending(promised.dueAfter),
        tasks: taskRows.map((row) => presentTask(row, toTaskState(row), today)),
        pendingMaterials: presentPending(pending),
        plan: presentPlan(plan),
      };
      reply = { status: 201, body: accepted };
    }

    const chained = await chainEvents(number, { seq: 0, hash: GENESIS_HASH }, events, now);
    statements.push(
      insertCase(db, {
        number,
        tenantId: owner.value.tenant,
        submittedByTenantId: owner.value.submittedBy,
        hallId: body.hall,
        bundleId: plan.bundleId ?? null,
        applicantId: resolved.id,
        channel: body.channel,
        ...describeIntakeVisit(body),
        ...caseFields,
        queryCodeHash: await sha256Hex(queryCode),
        plan,
        eventSeq: chained.head.seq,
        eventHead: chained.head.hash,
        createdAt: now,
        updatedAt: now,
      }),
      ...plan.tasks.map((task, position) =>
        insertCaseMatter(db, {
          caseNumber: number,
          key: task.key,
          matterCode: task.matterCode,
          matterName: task.matterName,
          departmentId: task.departmentId,
          position,
        }),
      ),
      ...taskRows.map((row) => insertTask(db, row)),
      ...recordMaterials(number, plan.checklist, submitted, pending, now).map((row) => upsertCaseMaterial(db, row)),
      ...chained.rows.map((row) => insertEvent(db, row)),
    );
    if (prepared !== null) statements.push(storeReply(db, await sealReply(prepared, reply, now)));
    const notice = noticeStatusChange(
      db,
      { caseNumber: number, status: caseFields.status, previousStatus: null, ownerTenant: owner.value.tenant, submittedByTenant: owner.value.submittedBy, at: now },
      chained.head.seq,
    );
    statements.push(notice.statement);
    let results: unknown[];
    try {
      results = await db.batch(statements as [Statement, ...Statement[]]);
    } catch (error) {
      if (!isConflict(error)) throw error;
      return (await replayAfterConflict(db, prepared, now)) ?? RETRY;
    }
    return ok({ reply, replay: false, notify: enqueuedAny(results.at(-1)) ? notice.recipients : [] });
  });
};

/** After losing a race: a concurrent request under the same key may have stored the reply to give back. */
const replayAfterConflict = async (db: Database, prepared: PreparedKey | null, now: number): Promise<Result<IntakeOutcome> | null> => {
  if (prepared === null) return null;
  const stored = await findStoredReply(db, prepared, now);
  if (!stored.ok) return stored;
  return stored.value === null ? null : ok({ reply: stored.value, replay: true, notify: [] });
};
