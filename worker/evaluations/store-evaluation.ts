import { err, ok, type Evaluation, type Rectification, type Result } from '../../core/index.ts';
import { isConflict } from '../cases/commit-case.ts';
import { sha256Hex } from '../cases/digest.ts';
import { sealReply, storeReply, type PreparedKey } from '../cases/idempotent-replies.ts';
import type { Statement } from '../db/cases.ts';
import type { Database } from '../db/client.ts';
import {
  insertEvaluation,
  insertRectification,
  readEvaluation,
  type EvaluationRow,
  type RectificationRow,
} from '../db/evaluations.ts';
import type { EvaluationCreatedReply } from '../schemas/evaluation-replies.ts';
import { presentEvaluation, presentRectification } from './present-evaluation.ts';
import { findRatingReplay, type RatingOutcome } from './rating-replay.ts';

/**
 * Where a rating belongs: the tenant whose staff handle it (a case's owner, a ticket's hall's tenant), its hall,
 * and the department rated when one is known.
 */
export interface EvaluationPlace {
  readonly tenantId: string;
  readonly hallId: string;
  readonly departmentId: string | null;
}

type Recorded = { readonly evaluation: Evaluation; readonly rectification: Rectification | null };

const toRows = (
  { evaluation, rectification }: Recorded,
  place: EvaluationPlace,
  followUpCodeHash: string | null,
  now: number,
): { evaluation: EvaluationRow; rectification: RectificationRow | null } => ({
  evaluation: {
    id: evaluation.id,
    tenantId: place.tenantId,
    hallId: place.hallId,
    subjectKind: evaluation.subject.kind,
    caseNumber: evaluation.subject.kind === 'case' ? evaluation.subject.caseNumber : null,
    ticketId: evaluation.subject.kind === 'ticket' ? evaluation.subject.ticketId : null,
    departmentId: place.departmentId,
    level: evaluation.level,
    evaluatedOn: evaluation.evaluatedOn,
    excluded: false,
    record: evaluation,
    createdAt: now,
  },
  rectification:
    rectification === null
      ? null
      : {
          evaluationId: evaluation.id,
          hallId: place.hallId,
          departmentId: place.departmentId,
          status: rectification.status,
          record: rectification,
          followUpCodeHash,
          version: 0,
          updatedAt: now,
        },
});

/**
 * Writes a rating and, for a 差评, its rectification in one batch, and answers the 201 reply (a ticket's 差评
 * carries its follow-up code, stored only hashed). The evaluation id is the table's key, so of two submissions
 * racing past the check for an earlier one exactly one lands: the other's batch fails whole on the key (its
 * rectification with it) and is answered EVALUATION_ALREADY_GIVEN.
 *
 * With an Idempotency-Key the reply is sealed under it in the same batch, so the rating and the reply a retry
 * replays commit together: a concurrent twin under the same key loses on the evaluation's key and replays the
 * winner's reply (the same evaluation, the same follow-up code) instead of a 409.
 */
export const storeEvaluation = async (
  db: Database,
  recorded: Recorded,
  place: EvaluationPlace,
  followUpCode: string | null,
  prepared: PreparedKey | null,
  now: number,
): Promise<Result<RatingOutcome>> => {
  const rows = toRows(recorded, place, followUpCode === null ? null : await sha256Hex(followUpCode), now);
  const reply: EvaluationCreatedReply = {
    evaluation: presentEvaluation(rows.evaluation),
    rectification: rows.rectification && presentRectification(rows.rectification, recorded.evaluation.evaluatedOn),
    followUpCode,
  };
  const statements: [Statement, ...Statement[]] = [insertEvaluation(db, rows.evaluation)];
  if (rows.rectification !== null) statements.push(insertRectification(db, rows.rectification));
  if (prepared !== null) statements.push(storeReply(db, await sealReply(prepared, { status: 201, body: reply }, now)));
  try {
    await db.batch(statements);
  } catch (error) {
    if (!isConflict(error)) throw error;
    // A twin under the same key may have landed first (its rating or its key row is the conflict): its reply is ours.
    const twin = await findRatingReplay(db, prepared, now);
    if (!twin.ok) return twin;
    if (twin.value !== null) return ok(twin.value);
    const existing = await readEvaluation(db, recorded.evaluation.id);
    if (existing === undefined) throw error;
    return err('EVALUATION_ALREADY_GIVEN', { evaluationId: existing.id });
  }
  return ok({ reply, replay: false });
};
