/**
 * The 好差评 figures of a hall report: ratings per level, 满意率, 差评 and how they were handled. The caller picks
 * the evaluations (a hall, a period) and passes the rectifications stored for them; a rectification whose
 * evaluation is not among them is ignored, so the two lists need not be filtered alike.
 */
import type { IsoDate, WorkCalendar } from '../clock/types.ts';
import { ok, type Result } from '../result.ts';
import { assessRectification } from './assess-rectification.ts';
import { isNegativeLevel } from './labels.ts';
import { isRectificationFinal } from './rectification-lifecycle.ts';
import type {
  Evaluation,
  EvaluationSummary,
  Rectification,
  RectificationFigures,
  SatisfactionLevel,
} from './types.ts';

type Counts = { -readonly [K in keyof RectificationFigures]: number };

const rateOf = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** An upheld appeal (申诉成立) takes the rating out of every figure but `total` and `excluded`. */
const isExcluded = (r: Rectification | undefined): boolean => r?.appeal?.status === 'upheld';

/** Adds one rectification of a counted rating to the figures. */
const countRectification = (cal: WorkCalendar, r: Rectification, today: IsoDate, counts: Counts): Result<void> => {
  const assessed = assessRectification(cal, r, today);
  if (!assessed.ok) return assessed;
  const { contact, reply, overdue } = assessed.value;
  counts.opened++;
  if (!isRectificationFinal(r.status)) counts.open++;
  if (contact.state === 'met') counts.contactedOnTime++;
  if (reply.state === 'met') counts.rectifiedOnTime++;
  if (overdue) counts.overdue++;
  if (contact.state === 'late' || contact.state === 'overdue') counts.contactOverdue++;
  if (reply.state === 'late' || reply.state === 'overdue') counts.replyOverdue++;
  if (r.followUp !== undefined) {
    counts.followUps++;
    if (r.followUp.level > r.level) counts.followUpsImproved++;
    if (!isNegativeLevel(r.followUp.level)) counts.followUpsSatisfied++;
  }
  return ok(undefined);
};

/**
 * Figures as of `today` (overdue is judged then). Appeal counts cover every rectification of the given ratings,
 * the upheld ones included; the other rectification figures only those of counted ratings. Fails only as
 * assessRectification does (a malformed `today`, or a deadline past the calendar's data).
 */
export const summarizeEvaluations = (
  evaluations: readonly Evaluation[],
  rectifications: readonly Rectification[],
  cal: WorkCalendar,
  today: IsoDate,
): Result<EvaluationSummary> => {
  const byEvaluation = new Map(rectifications.map((r) => [r.evaluationId, r]));
  const byLevel: Record<SatisfactionLevel, number> = { 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 };
  const counts: Counts = {
    opened: 0,
    open: 0,
    contactedOnTime: 0,
    rectifiedOnTime: 0,
    overdue: 0,
    contactOverdue: 0,
    replyOverdue: 0,
    appealsFiled: 0,
    appealsPending: 0,
    appealsUpheld: 0,
    appealsRejected: 0,
    followUps: 0,
    followUpsImproved: 0,
    followUpsSatisfied: 0,
  };
  let excluded = 0;
  for (const evaluation of evaluations) {
    const r = byEvaluation.get(evaluation.id);
    if (r?.appeal !== undefined) {
      counts.appealsFiled++;
      if (r.appeal.status === 'pending') counts.appealsPending++;
      else if (r.appeal.status === 'upheld') counts.appealsUpheld++;
      else counts.appealsRejected++;
    }
    if (isExcluded(r)) {
      excluded++;
      continue;
    }
    byLevel[evaluation.level]++;
    if (r === undefined) continue;
    const counted = countRectification(cal, r, today, counts);
    if (!counted.ok) return counted;
  }
  const counted = evaluations.length - excluded;
  const negative = byLevel[1] + byLevel[2];
  return ok({
    total: evaluations.length,
    excluded,
    counted,
    byLevel,
    satisfactionRate: rateOf(counted - negative, counted),
    satisfiedOrBetterRate: rateOf(byLevel[5] + byLevel[4], counted),
    negative,
    negativeRate: rateOf(negative, counted),
    rectifications: counts,
  });
};
