/**
 * Evaluation shapes (好差评, 国办发〔2019〕51号; GB/T 39734 and 39735): one rating per case or on-site ticket, and
 * the rectification (整改) a 差评 opens. Plain JSON: the worker stores them in D1; every rule lives in core/evaluation.
 */
import type { CaseStatus } from '../cases/types.ts';
import type { IsoDate } from '../clock/types.ts';
import type { TicketStatus } from '../hall/types.ts';

/** 非常满意 5, 满意 4, 基本满意 3, 不满意 2, 非常不满意 1. Levels 1-2 are 差评. */
export type SatisfactionLevel = 1 | 2 | 3 | 4 | 5;

/** Where the citizen rated: 网上 (portal/app), 自助终端, 窗口评价器, 短信. */
export type EvaluationChannel = 'online' | 'kiosk' | 'window-pad' | 'sms';

/** What is rated: a case (一事一评) or one on-site service at a window, by its ticket (一次一评). */
export type EvaluationSubject =
  | { readonly kind: 'case'; readonly caseNumber: string }
  | { readonly kind: 'ticket'; readonly hallId: string; readonly ticketId: string };

/** The subject as the caller found it: its status decides whether rating is open yet. */
export type SubjectState =
  | { readonly kind: 'case'; readonly caseNumber: string; readonly status: CaseStatus }
  | { readonly kind: 'ticket'; readonly hallId: string; readonly ticketId: string; readonly status: TicketStatus };

/**
 * The offline indicators besides 整体满意度 (which is the evaluation's `level` itself, so never asked twice):
 * 服务效率, 服务水平, 服务态度, each 1-5 and optional, on any channel.
 */
export interface EvaluationIndicators {
  readonly efficiency?: SatisfactionLevel;
  readonly quality?: SatisfactionLevel;
  readonly attitude?: SatisfactionLevel;
}

export type IndicatorName = keyof EvaluationIndicators;

/** What a citizen submits. */
export interface EvaluationInput {
  readonly subject: SubjectState;
  /** 整体满意度. */
  readonly level: SatisfactionLevel;
  readonly indicators?: EvaluationIndicators;
  /** Free text, at most EVALUATION_TEXT_LIMIT characters; blank counts as none. */
  readonly comment?: string;
  readonly channel: EvaluationChannel;
}

export interface Evaluation {
  /** `case:<case number>` or `ticket:<hall>:<ticket>`: one per subject, so the subject is the key. */
  readonly id: string;
  readonly subject: EvaluationSubject;
  readonly level: SatisfactionLevel;
  /** Present only when at least one indicator was given. */
  readonly indicators?: EvaluationIndicators;
  readonly comment?: string;
  readonly channel: EvaluationChannel;
  /** Epoch milliseconds. */
  readonly evaluatedAt: number;
  /** Beijing date of `evaluatedAt`: the day the rectification's working days count from (not counted). */
  readonly evaluatedOn: IsoDate;
}

/** Working-day limits for handling a 差评 (Zhejiang: contact within 1, rectify and reply within 15). */
export interface RectificationPolicy {
  readonly contactWithinWorkingDays: number;
  readonly replyWithinWorkingDays: number;
}

/**
 * A deadline as far as the calendar knows it: the date, or (到期日待定) the calendar's last day, which the date is
 * known to fall after until next year's official schedule is added (see core/cases/pending-due-date.ts).
 */
export type RectificationDue = { readonly dueOn: IsoDate } | { readonly dueAfter: IsoDate };

/**
 * The rectification's progress: opened → contacted → replied → followed-up (the citizen rated again) or closed.
 * `closed` also ends a rectification whose appeal was upheld, at any stage before the end.
 */
export type RectificationStatus = 'opened' | 'contacted' | 'replied' | 'followed-up' | 'closed';

/** Why a rectification closed. */
export type ClosedReason = 'no-follow-up' | 'appeal-upheld';

/** One step taken: when (epoch ms and Beijing date) and by whom (`department:<id>`, `staff:<id>`, `citizen`). */
export interface RectificationStep {
  readonly at: number;
  readonly on: IsoDate;
  readonly by: string;
}

/**
 * 申诉: the department contests a rating as malicious. It runs beside the progress (the clock is not stopped, so
 * an appeal never buys time): pending → upheld (rating excluded from statistics, rectification closed) or
 * rejected (the rectification simply continues). One appeal per rating.
 */
export interface RectificationAppeal {
  readonly status: 'pending' | 'upheld' | 'rejected';
  readonly reason: string;
  readonly filed: RectificationStep;
  readonly decided?: RectificationStep & { readonly reason: string };
}

export interface Rectification {
  /** The 差评's evaluation id: one rectification per evaluation. */
  readonly evaluationId: string;
  readonly subject: EvaluationSubject;
  /** The rating being rectified, kept for comparing the follow-up. */
  readonly level: SatisfactionLevel;
  readonly openedAt: number;
  readonly openedOn: IsoDate;
  /** The limits in force when it opened: a later change of configuration never moves its deadlines. */
  readonly policy: RectificationPolicy;
  readonly contactDue: RectificationDue;
  readonly replyDue: RectificationDue;
  readonly status: RectificationStatus;
  readonly contact?: RectificationStep & { readonly note?: string };
  readonly reply?: RectificationStep & { readonly text: string };
  readonly followUp?: RectificationStep & { readonly level: SatisfactionLevel; readonly comment?: string };
  readonly closed?: RectificationStep & { readonly reason: ClosedReason };
  readonly appeal?: RectificationAppeal;
}

/**
 * How one deadline stands: `met` / `late` once the step is done (on or before / after the due date), `pending` /
 * `overdue` while not done, `waived` when an upheld appeal closed the rectification before the step.
 */
export type StepDeadlineState = 'met' | 'late' | 'pending' | 'overdue' | 'waived';

export interface StepDeadline {
  readonly due: RectificationDue;
  readonly state: StepDeadlineState;
  /** While pending with a known date: working days left, `today` not counted. */
  readonly workingDaysLeft?: number;
}

export interface RectificationAssessment {
  readonly contact: StepDeadline;
  readonly reply: StepDeadline;
  /** A deadline was missed (late or overdue): what the statistics list as 超期整改. */
  readonly overdue: boolean;
}

/** The 差评 handling half of the figures. Rectifications of excluded ratings (appeal upheld) are not counted. */
export interface RectificationFigures {
  readonly opened: number;
  /** Still running: neither followed up nor closed. */
  readonly open: number;
  readonly contactedOnTime: number;
  /** Replied (整改答复) within the limit. */
  readonly rectifiedOnTime: number;
  /** Missed a deadline, late or still overdue. */
  readonly overdue: number;
  readonly contactOverdue: number;
  readonly replyOverdue: number;
  readonly appealsFiled: number;
  readonly appealsPending: number;
  readonly appealsUpheld: number;
  readonly appealsRejected: number;
  readonly followUps: number;
  /** The follow-up rating is higher than the original one. */
  readonly followUpsImproved: number;
  /** The follow-up rating is no longer a 差评 (3-5). */
  readonly followUpsSatisfied: number;
}

/**
 * Satisfaction figures over the counted ratings (all given minus those excluded by an upheld appeal). Rates are
 * fractions 0-1, null when nothing is counted.
 */
export interface EvaluationSummary {
  readonly total: number;
  readonly excluded: number;
  readonly counted: number;
  readonly byLevel: Readonly<Record<SatisfactionLevel, number>>;
  /** 满意率 as 好差评 reports use it: (非常满意 + 满意 + 基本满意) / counted, i.e. everything not a 差评. */
  readonly satisfactionRate: number | null;
  /** The stricter reading: (非常满意 + 满意) / counted. */
  readonly satisfiedOrBetterRate: number | null;
  /** 差评 (levels 1-2) among the counted. */
  readonly negative: number;
  readonly negativeRate: number | null;
  readonly rectifications: RectificationFigures;
}
