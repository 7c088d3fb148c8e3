import { err, isQueryCode, ok, recordFollowUp, type Result, type SatisfactionLevel } from '../../core/index.ts';
import { equalHex, sha256Hex } from '../cases/digest.ts';
import type { QueryCodeGate } from '../cases/query-code-gate.ts';
import { readCase } from '../db/cases.ts';
import type { Database } from '../db/client.ts';
import { readEvaluation, readRectification } from '../db/evaluations.ts';
import type { FollowUpBody } from '../schemas/evaluation.ts';
import type { RectificationReply } from '../schemas/evaluation-replies.ts';
import { advanceRectification } from './advance-rectification.ts';
import { normaliseFollowUpCode } from './follow-up-code.ts';

/**
 * Whether `code` is the citizen's: a case's query code (the receipt's six digits) for a case's rating, the
 * follow-up code the 差评 reply gave for a ticket's. The comparison runs on hashes either way.
 */
const isCitizensCode = async (db: Database, evaluationId: string, code: string, gate: QueryCodeGate): Promise<Result<boolean>> => {
  const [evaluation, rectification] = await Promise.all([readEvaluation(db, evaluationId), readRectification(db, evaluationId)]);
  if (evaluation?.subjectKind === 'case' && evaluation.caseNumber !== null) {
    const typed = code.trim();
    const [found, hash] = await Promise.all([readCase(db, evaluation.caseNumber), sha256Hex(typed)]);
    const matched = found !== undefined && isQueryCode(typed) && equalHex(hash, found.queryCodeHash);
    // The six digits count against the case's allowance, shared with tracking; the 80-bit follow-up code needs none.
    const judged = await gate(evaluation.caseNumber, matched);
    return judged.ok ? ok(matched) : judged;
  }
  const hash = await sha256Hex(normaliseFollowUpCode(code));
  return ok(rectification?.followUpCodeHash != null && equalHex(hash, rectification.followUpCodeHash));
};

/**
 * 追评: the citizen rates once more after the department's reply — once, and not while an appeal is pending
 * (RECTIFICATION_STATE_CONFLICT). A wrong code answers like an unknown evaluation (EVALUATION_NOT_FOUND), so
 * evaluation ids cannot be probed.
 */
export const followUpRectification = async (
  db: Database,
  evaluationId: string,
  body: FollowUpBody,
  now: number,
  gate: QueryCodeGate,
): Promise<Result<RectificationReply>> => {
  const citizens = await isCitizensCode(db, evaluationId, body.code, gate);
  if (!citizens.ok) return citizens;
  if (!citizens.value) return err('EVALUATION_NOT_FOUND', { evaluationId });
  return advanceRectification(
    db,
    evaluationId,
    (current, at) => recordFollowUp(current, { level: body.level as SatisfactionLevel, ...(body.comment === undefined ? {} : { comment: body.comment }) }, at),
    null,
    now,
  );
};
