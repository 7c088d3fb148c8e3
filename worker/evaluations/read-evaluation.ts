import { err, localDateOf, ok, type Result } from '../../core/index.ts';
import { normaliseCaseNumber } from '../cases/read-case.ts';
import type { Database } from '../db/client.ts';
import { readEvaluation, readRectification } from '../db/evaluations.ts';
import type { EvaluationViewReply } from '../schemas/evaluation-replies.ts';
import { checkDepartment, type TenantScope } from '../tenant-guard.ts';
import { presentEvaluation, presentRectification } from './present-evaluation.ts';

/** An evaluation id as typed: a case's number in its one spelling (`case:xs 261127 0042 8` finds the case's). */
export const normaliseEvaluationId = (text: string): string =>
  text.startsWith('case:') ? `case:${normaliseCaseNumber(text.slice(5))}` : text;

/**
 * A rating and its rectification (deadlines judged as of `now`), or EVALUATION_NOT_FOUND (also for another
 * tenant's); a back-office member reads only their department's ratings (else 403).
 */
export const readEvaluationView = async (db: Database, idText: string, scope: TenantScope, now: number): Promise<Result<EvaluationViewReply>> => {
  const id = normaliseEvaluationId(idText);
  const [evaluation, rectification] = await Promise.all([readEvaluation(db, id), readRectification(db, id)]);
  if (evaluation === undefined || evaluation.tenantId !== scope.tenant) return err('EVALUATION_NOT_FOUND', { evaluationId: idText });
  const department = checkDepartment(scope, evaluation.departmentId);
  if (!department.ok) return department;
  return ok({
    evaluation: presentEvaluation(evaluation),
    rectification: rectification === undefined ? null : presentRectification(rectification, localDateOf(now)),
  });
};
