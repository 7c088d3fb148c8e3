/**
 * Labels (Chinese, English) for the evaluation codes. The tables double as the lists of valid codes: the input
 * checks look keys up here, so a new code needs a label before it can be used.
 */
import type {
  ClosedReason,
  EvaluationChannel,
  IndicatorName,
  RectificationPolicy,
  RectificationStatus,
  SatisfactionLevel,
} from './types.ts';

type Label = readonly [zh: string, en: string];

/** The five levels of 国办发〔2019〕51号, best first. */
export const SATISFACTION_LEVEL_LABELS: Readonly<Record<SatisfactionLevel, Label>> = {
  5: ['非常满意', 'Very satisfied'],
  4: ['满意', 'Satisfied'],
  3: ['基本满意', 'Fairly satisfied'],
  2: ['不满意', 'Dissatisfied'],
  1: ['非常不满意', 'Very dissatisfied'],
};

export const EVALUATION_CHANNEL_LABELS: Readonly<Record<EvaluationChannel, Label>> = {
  online: ['网上评价', 'Online'],
  kiosk: ['自助终端', 'Self-service kiosk'],
  'window-pad': ['窗口评价器', 'Window rating pad'],
  sms: ['短信评价', 'SMS'],
};

/** The offline indicators; 整体满意度 is the evaluation's level. */
export const INDICATOR_LABELS: Readonly<Record<'overall' | IndicatorName, Label>> = {
  overall: ['整体满意度', 'Overall satisfaction'],
  efficiency: ['服务效率', 'Efficiency'],
  quality: ['服务水平', 'Competence'],
  attitude: ['服务态度', 'Attitude'],
};

export const RECTIFICATION_STATUS_LABELS: Readonly<Record<RectificationStatus, Label>> = {
  opened: ['待联系', 'Awaiting contact'],
  contacted: ['整改中', 'Being rectified'],
  replied: ['已答复', 'Replied'],
  'followed-up': ['已追评', 'Followed up'],
  closed: ['已办结', 'Closed'],
};

export const CLOSED_REASON_LABELS: Readonly<Record<ClosedReason, Label>> = {
  'no-follow-up': ['答复后未追评', 'Closed without a follow-up rating'],
  'appeal-upheld': ['申诉成立，评价不计入统计', 'Appeal upheld; the rating is excluded'],
};

/** Zhejiang's limits (浙江省): contact within 1 working day, rectify and reply within 15. */
export const DEFAULT_RECTIFICATION_POLICY: RectificationPolicy = {
  contactWithinWorkingDays: 1,
  replyWithinWorkingDays: 15,
};

/** Longest comment, note, reply or reason, in characters (code points). */
export const EVALUATION_TEXT_LIMIT = 500;

/** Longer: a reply explains what was rectified. */
export const REPLY_TEXT_LIMIT = 2000;

/** Levels 1-2 (不满意, 非常不满意). */
export const isNegativeLevel = (level: SatisfactionLevel): boolean => level <= 2;
