import { err, isQueryCode, ok, parseCaseNumber, type CaseStatus, type Result } from '../../core/index.ts';
import { equalHex, sha256Hex } from '../cases/digest.ts';
import type { QueryCodeGate } from '../cases/query-code-gate.ts';
import { normaliseCaseNumber } from '../cases/read-case.ts';
import { readCase } from '../db/cases.ts';
import type { Database } from '../db/client.ts';
import type { CaseEvaluationBody } from '../schemas/evaluation.ts';
import type { EvaluationCreatedReply } from '../schemas/evaluation-replies.ts';
import { presentEvaluation, presentRectification } from './present-evaluation.ts';
import { recordRating } from './record-rating.ts';
import { storeEvaluation } from './store-evaluation.ts';

/**
 * 一事一评: the citizen rates a case once it has a final decision (approved, partly approved or rejected), with the
 * case's query code from the receipt. A wrong or missing code answers exactly like an unknown number
 * (CASE_NOT_FOUND), as tracking does. Before the decision: EVALUATION_NOT_OPEN; a second rating:
 * EVALUATION_ALREADY_GIVEN. A 差评 opens its rectification in the same batch, at the case's first department.
 */
export const evaluateCase = async (
  db: Database,
  numberText: string,
  body: CaseEvaluationBody,
  now: number,
  gate: QueryCodeGate,
): Promise<Result<EvaluationCreatedReply>> => {
  const number = normaliseCaseNumber(numberText);
  const typed = body.code.trim();
  const row = await readCase(db, number);
  // Hash even when the case is unknown, so the answer takes as long either way.
  const hash = await sha256Hex(typed);
  const notFound = err('CASE_NOT_FOUND', { number: numberText });
  // Wrong codes count against the case's allowance, shared with tracking (a malformed number is never a case).
  if (!parseCaseNumber(number).ok) return notFound;
  const matched = row !== undefined && isQueryCode(typed) && equalHex(hash, row.queryCodeHash);
  const judged = await gate(number, matched);
  if (!judged.ok) return judged;
  if (!matched || row === undefined) return notFound;
  const subject = { kind: 'case', caseNumber: number, status: row.status as CaseStatus } as const;
  const recorded = await recordRating(db, subject, body, now);
  if (!recorded.ok) return recorded;
  // The owner's departments handled the case (跨区域通办 included): the rating and any 差评 are theirs.
  const place = { tenantId: row.tenantId, hallId: row.hallId, departmentId: row.plan.tasks[0]?.departmentId ?? null };
  const stored = await storeEvaluation(db, recorded.value, place, null, now);
  if (!stored.ok) return stored;
  const today = recorded.value.evaluation.evaluatedOn;
  return ok({
    evaluation: presentEvaluation(stored.value.evaluation),
    rectification: stored.value.rectification && presentRectification(stored.value.rectification, today),
    followUpCode: null,
  });
};
