import { err, ok, type Evaluation, type Rectification, type Result } from '../../core/index.ts';
import { isConflict } from '../cases/commit-case.ts';
import type { Database } from '../db/client.ts';
import {
  insertEvaluation,
  insertRectification,
  readEvaluation,
  type EvaluationRow,
  type RectificationRow,
} from '../db/evaluations.ts';

/**
 * Where a rating belongs: the tenant whose staff handle it (a case's owner, a ticket's hall's tenant), its hall,
 * and the department rated when one is known.
 */
export interface EvaluationPlace {
  readonly tenantId: string;
  readonly hallId: string;
  readonly departmentId: string | null;
}

/**
 * Writes a rating and, for a 差评, its rectification in one batch. The evaluation id is the table's key, so of
 * two submissions racing past the check for an earlier one exactly one lands: the other's batch fails whole on
 * the key (its rectification with it) and is answered EVALUATION_ALREADY_GIVEN.
 */
export const storeEvaluation = async (
  db: Database,
  recorded: { readonly evaluation: Evaluation; readonly rectification: Rectification | null },
  place: EvaluationPlace,
  followUpCodeHash: string | null,
  now: number,
): Promise<Result<{ evaluation: EvaluationRow; rectification: RectificationRow | null }>> => {
  const { evaluation, rectification } = recorded;
  const evaluationRow: EvaluationRow = {
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
  };
  const rectificationRow: RectificationRow | null =
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
        };
  try {
    if (rectificationRow === null) await db.batch([insertEvaluation(db, evaluationRow)]);
    else await db.batch([insertEvaluation(db, evaluationRow), insertRectification(db, rectificationRow)]);
  } catch (error) {
    if (!isConflict(error)) throw error;
    const existing = await readEvaluation(db, evaluation.id);
    if (existing === undefined) throw error;
    return err('EVALUATION_ALREADY_GIVEN', { evaluationId: existing.id });
  }
  return ok({ evaluation: evaluationRow, rectification: rectificationRow });
};
