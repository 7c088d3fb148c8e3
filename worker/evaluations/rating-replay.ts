import { ok, type DomainError, type Result } from '../../core/index.ts';
import { findStoredReply, type PreparedKey } from '../cases/idempotent-replies.ts';
import type { Database } from '../db/client.ts';
import type { EvaluationCreatedReply } from '../schemas/evaluation-replies.ts';

/**
 * A rating's answer: the 201 reply, and whether it is the reply stored under the request's Idempotency-Key
 * (answered with `Idempotent-Replay: true`).
 */
export interface RatingOutcome {
  readonly reply: EvaluationCreatedReply;
  readonly replay: boolean;
}

/**
 * The routes of ratings' Idempotency-Keys. Both routes are public, so keys are scoped by the tenant of what is
 * rated (the case's owner, the hall's tenant) rather than a caller's.
 */
export const CASE_RATING_ROUTE = 'POST /v1/cases/{number}/evaluation';
export const TICKET_RATING_ROUTE = 'POST /v1/halls/{hall}/tickets/{id}/evaluation';

/**
 * The reply stored under the key, as a replay; null without a key or without a live reply; IDEMPOTENCY_KEY_REUSED
 * when the key came with another request. Only ratings that landed are stored (always 201): a refused one may be
 * sent again under the same key once it can succeed.
 */
export const findRatingReplay = async (db: Database, prepared: PreparedKey | null, now: number): Promise<Result<RatingOutcome | null>> => {
  if (prepared === null) return ok(null);
  const stored = await findStoredReply(db, prepared, now);
  if (!stored.ok) return stored;
  return ok(stored.value === null ? null : { reply: stored.value.body as EvaluationCreatedReply, replay: true });
};

/**
 * A rating refused as EVALUATION_ALREADY_GIVEN under a key may have lost to a twin under the same key (a retry sent
 * while the first was still in flight) that landed after this request looked for a reply: the twin's reply is this
 * request's too. Any other refusal stands.
 */
export const replayIfTwin = async (
  db: Database,
  prepared: PreparedKey | null,
  refused: { readonly ok: false; readonly error: DomainError },
  now: number,
): Promise<Result<RatingOutcome>> => {
  if (prepared === null || refused.error.code !== 'EVALUATION_ALREADY_GIVEN') return refused;
  const twin = await findRatingReplay(db, prepared, now);
  if (!twin.ok) return twin;
  return twin.value === null ? refused : ok(twin.value);
};
