import { err, isQueryCode, ok, type CaseStatus, type Result } from '../../core/index.ts';
import { equalHex, sha256Hex } from '../cases/digest.ts';
import { prepareKey } from '../cases/idempotent-replies.ts';
import type { QueryCodeGate } from '../cases/query-code-gate.ts';
import { normaliseCaseNumber } from '../cases/read-case.ts';
import { readCase } from '../db/cases.ts';
import type { Database } from '../db/client.ts';
import type { CaseEvaluationBody } from '../schemas/evaluation.ts';
import { CASE_RATING_ROUTE, findRatingReplay, replayIfTwin, type RatingOutcome } from './rating-replay.ts';
import { recordRating } from './record-rating.ts';
import { storeEvaluation } from './store-evaluation.ts';

/**
 * 一事一评: the citizen rates a case once it has a final decision (approved, partly approved or rejected), with the
 * case's query code from the receipt. A wrong or missing code answers exactly like an unknown number
 * (CASE_NOT_FOUND), as tracking does. Before the decision: EVALUATION_NOT_OPEN; a second rating:
 * EVALUATION_ALREADY_GIVEN. A 差评 opens its rectification in the same batch, at the case's first department.
 *
 * With an Idempotency-Key a retry replays the first 201 instead of that 409. The code is checked (and counted by
 * the gate) before any replay, and it is part of the request's fingerprint too: a replay never answers without
 * the right code.
 */
export const evaluateCase = async (
  db: Database,
  numberText: string,
  body: CaseEvaluationBody,
  key: string | null,
  now: number,
  gate: QueryCodeGate,
): Promise<Result<RatingOutcome>> => {
  const number = normaliseCaseNumber(numberText);
  const typed = body.code.trim();
  const row = await readCase(db, number);
  // Hash even when the case is unknown, so the answer takes as long either way.
  const hash = await sha256Hex(typed);
  const notFound = err('CASE_NOT_FOUND', { number: numberText });
  // Wrong codes count against the case's allowance, shared with tracking.
  const matched = row !== undefined && isQueryCode(typed) && equalHex(hash, row.queryCodeHash);
  const judged = await gate(number, matched);
  if (!judged.ok) return judged;
  if (!matched || row === undefined) return notFound;
  // The case is part of the request: one key reused on another case is refused, never replayed.
  const prepared = key === null ? null : await prepareKey(CASE_RATING_ROUTE, row.tenantId, key, { number, body: { ...body, code: typed } });
  const earlier = await findRatingReplay(db, prepared, now);
  if (!earlier.ok) return earlier;
  if (earlier.value !== null) return ok(earlier.value);
  const subject = { kind: 'case', caseNumber: number, status: row.status as CaseStatus } as const;
  const recorded = await recordRating(db, subject, body, now);
  if (!recorded.ok) return replayIfTwin(db, prepared, recorded, now);
  // The owner's departments handled the case (跨区域通办 included): the rating and any 差评 are theirs.
  const place = { tenantId: row.tenantId, hallId: row.hallId, departmentId: row.plan.tasks[0]?.departmentId ?? null };
  return storeEvaluation(db, recorded.value, place, null, prepared, now);
};
