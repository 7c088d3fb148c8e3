/**
 * A 差评's rectification (整改), as pure transitions:
 *
 *   opened ─contact→ contacted ─reply→ replied ─follow-up→ followed-up
 *                                         └──────close──→ closed (no follow-up)
 *   appeal (申诉), beside the progress:  none ─file→ pending ─decide→ upheld (→ closed) | rejected (continues)
 *
 * A pending appeal does not stop the clock or the department's work (contact and reply stay possible, so an
 * appeal never buys time), but the citizen's follow-up and the closing wait for the decision. Every refusal is
 * RECTIFICATION_STATE_CONFLICT. Each function answers the next state and never changes its input; the worker
 * writes it with `WHERE status = <old status>` so two staff cannot both take the same step.
 */
import { err, ok, type Result } from '../result.ts';
import { checkActor, checkInstant, checkLevel, checkOptionalText, checkRequiredText } from './check-input.ts';
import { REPLY_TEXT_LIMIT } from './labels.ts';
import type { Rectification, RectificationStatus, RectificationStep, SatisfactionLevel } from './types.ts';

const refuse = (r: Rectification, step: string): Result<never> =>
  err('RECTIFICATION_STATE_CONFLICT', {
    evaluationId: r.evaluationId,
    status: r.status,
    ...(r.appeal === undefined ? {} : { appeal: r.appeal.status }),
    step,
  });

/** Followed up or closed: nothing changes it again. */
export const isRectificationFinal = (status: RectificationStatus): boolean =>
  status === 'followed-up' || status === 'closed';

const isAppealPending = (r: Rectification): boolean => r.appeal?.status === 'pending';

/** Who and when, checked. */
const checkStep = (by: unknown, now: number): Result<RectificationStep> => {
  const actor = checkActor(by);
  if (!actor.ok) return actor;
  const instant = checkInstant(now);
  return instant.ok ? ok({ ...instant.value, by: actor.value }) : instant;
};

/** The department reached the citizen (联系群众): due within `policy.contactWithinWorkingDays`. */
export const recordContact = (
  r: Rectification,
  contact: { readonly by: string; readonly note?: string },
  now: number,
): Result<Rectification> => {
  if (r.status !== 'opened') return refuse(r, 'contact');
  const step = checkStep(contact.by, now);
  if (!step.ok) return step;
  const note = checkOptionalText(contact.note, 'note');
  if (!note.ok) return note;
  return ok({
    ...r,
    status: 'contacted',
    contact: { ...step.value, ...(note.value === undefined ? {} : { note: note.value }) },
  });
};

/** 整改答复: what was rectified, told to the citizen; due within `policy.replyWithinWorkingDays`. */
export const recordReply = (
  r: Rectification,
  reply: { readonly by: string; readonly text: string },
  now: number,
): Result<Rectification> => {
  if (r.status !== 'contacted') return refuse(r, 'reply');
  const step = checkStep(reply.by, now);
  if (!step.ok) return step;
  const text = checkRequiredText(reply.text, 'text', REPLY_TEXT_LIMIT);
  if (!text.ok) return text;
  return ok({ ...r, status: 'replied', reply: { ...step.value, text: text.value } });
};

/** 追评: the citizen rates once more after the reply; only once, and not while an appeal is pending. */
export const recordFollowUp = (
  r: Rectification,
  followUp: { readonly level: SatisfactionLevel; readonly comment?: string },
  now: number,
): Result<Rectification> => {
  if (r.status !== 'replied' || isAppealPending(r)) return refuse(r, 'follow-up');
  const level = checkLevel(followUp.level, 'level');
  if (!level.ok) return level;
  const comment = checkOptionalText(followUp.comment, 'comment');
  if (!comment.ok) return comment;
  const step = checkStep('citizen', now);
  if (!step.ok) return step;
  return ok({
    ...r,
    status: 'followed-up',
    followUp: { ...step.value, level: level.value, ...(comment.value === undefined ? {} : { comment: comment.value }) },
  });
};

/**
 * Closes a replied rectification without a follow-up: the citizen declined, or the follow-up window the hall
 * allows has passed (the caller decides when; no limit is set by the rules we model).
 */
export const closeRectification = (
  r: Rectification,
  close: { readonly by: string },
  now: number,
): Result<Rectification> => {
  if (r.status !== 'replied' || isAppealPending(r)) return refuse(r, 'close');
  const step = checkStep(close.by, now);
  if (!step.ok) return step;
  return ok({ ...r, status: 'closed', closed: { ...step.value, reason: 'no-follow-up' } });
};

/** 申诉: the department contests a malicious rating, with its reason. One appeal per rating, before the end. */
export const fileAppeal = (
  r: Rectification,
  appeal: { readonly by: string; readonly reason: string },
  now: number,
): Result<Rectification> => {
  if (isRectificationFinal(r.status) || r.appeal !== undefined) return refuse(r, 'appeal');
  const step = checkStep(appeal.by, now);
  if (!step.ok) return step;
  const reason = checkRequiredText(appeal.reason, 'reason');
  if (!reason.ok) return reason;
  return ok({ ...r, appeal: { status: 'pending', reason: reason.value, filed: step.value } });
};

/**
 * The appeal's decision, with its reason. Upheld: the rating no longer counts (statistics skip it) and the
 * rectification closes where it stood. Rejected: the rectification continues, its deadlines unchanged.
 */
export const decideAppeal = (
  r: Rectification,
  decision: { readonly upheld: boolean; readonly by: string; readonly reason: string },
  now: number,
): Result<Rectification> => {
  if (r.appeal === undefined || r.appeal.status !== 'pending') return refuse(r, 'decide-appeal');
  if (typeof decision.upheld !== 'boolean') return err('INVALID_INPUT', { field: 'upheld', reason: 'true or false' });
  const step = checkStep(decision.by, now);
  if (!step.ok) return step;
  const reason = checkRequiredText(decision.reason, 'reason');
  if (!reason.ok) return reason;
  const appeal = { ...r.appeal, decided: { ...step.value, reason: reason.value } };
  if (!decision.upheld) return ok({ ...r, appeal: { ...appeal, status: 'rejected' } });
  return ok({
    ...r,
    status: 'closed',
    closed: { ...step.value, reason: 'appeal-upheld' },
    appeal: { ...appeal, status: 'upheld' },
  });
};
