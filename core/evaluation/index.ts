/**
 * 好差评 (国办发〔2019〕51号): one rating per case or on-site ticket, the rectification (整改) a 差评 opens with its
 * working-day deadlines and appeal path, and the satisfaction figures of a hall report. Pure: the caller passes
 * the stored rows, the calendar and the instant.
 */
export type * from './types.ts';
export {
  CLOSED_REASON_LABELS,
  DEFAULT_RECTIFICATION_POLICY,
  EVALUATION_CHANNEL_LABELS,
  EVALUATION_TEXT_LIMIT,
  INDICATOR_LABELS,
  isNegativeLevel,
  RECTIFICATION_STATUS_LABELS,
  REPLY_TEXT_LIMIT,
  SATISFACTION_LEVEL_LABELS,
} from './labels.ts';
export { findEvaluationId, isEvaluationOpen, recordEvaluation } from './record-evaluation.ts';
export { findRectificationDeadlines, refreshRectificationDue } from './rectification-due.ts';
export {
  closeRectification,
  decideAppeal,
  fileAppeal,
  isRectificationFinal,
  recordContact,
  recordFollowUp,
  recordReply,
} from './rectification-lifecycle.ts';
export { assessRectification } from './assess-rectification.ts';
export { summarizeEvaluations } from './summarize-evaluations.ts';
