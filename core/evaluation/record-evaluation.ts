/**
 * 好差评: a citizen rates a case (一事一评) or an on-site service (一次一评) once, after it ended; a 差评 opens a
 * rectification (整改) with its deadlines. The worker passes the stored evaluation of the subject (or null) and
 * writes both rows with `INSERT ... ON CONFLICT DO NOTHING` on the id, so two racing submissions cannot both land.
 */
import type { CaseStatus } from '../cases/types.ts';
import type { WorkCalendar } from '../clock/types.ts';
import type { TicketStatus } from '../hall/types.ts';
import { err, ok, type Result } from '../result.ts';
import { checkIdentifier, checkInstant, checkLevel, checkOptionalText } from './check-input.ts';
import {
  DEFAULT_RECTIFICATION_POLICY,
  EVALUATION_CHANNEL_LABELS,
  INDICATOR_LABELS,
  isNegativeLevel,
} from './labels.ts';
import { checkPolicy, findRectificationDeadlines } from './rectification-due.ts';
import type {
  Evaluation,
  EvaluationIndicators,
  EvaluationInput,
  EvaluationSubject,
  IndicatorName,
  Rectification,
  RectificationPolicy,
  SatisfactionLevel,
  SubjectState,
} from './types.ts';

/**
 * A case can be rated once it has a final decision, approval or not (a refusal is a service too, and often the
 * one most worth rating). A ticket only once it was served (`completed`): a cancelled, missed or expired ticket
 * received no service to rate.
 */
const CASE_ENDED: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['approved', 'partly-approved', 'rejected']);
const TICKET_ENDED: ReadonlySet<TicketStatus> = new Set<TicketStatus>(['completed']);

/** The evaluation id of a subject: `case:<case number>` or `ticket:<hall>:<ticket>`. */
export const findEvaluationId = (subject: EvaluationSubject): string =>
  subject.kind === 'case' ? `case:${subject.caseNumber}` : `ticket:${subject.hallId}:${subject.ticketId}`;

/** True once the subject has ended: rating opens then (评价在办结后). */
export const isEvaluationOpen = (subject: SubjectState): boolean =>
  subject.kind === 'case' ? CASE_ENDED.has(subject.status) : TICKET_ENDED.has(subject.status);

/** The subject without its status, ids checked. */
const checkSubject = (subject: SubjectState | undefined): Result<EvaluationSubject> => {
  if (subject?.kind === 'case') {
    const caseNumber = checkIdentifier(subject.caseNumber, 'subject.caseNumber');
    return caseNumber.ok ? ok({ kind: 'case', caseNumber: caseNumber.value }) : caseNumber;
  }
  if (subject?.kind === 'ticket') {
    const hallId = checkIdentifier(subject.hallId, 'subject.hallId');
    if (!hallId.ok) return hallId;
    const ticketId = checkIdentifier(subject.ticketId, 'subject.ticketId');
    return ticketId.ok ? ok({ kind: 'ticket', hallId: hallId.value, ticketId: ticketId.value }) : ticketId;
  }
  return err('INVALID_INPUT', { field: 'subject.kind', reason: "'case' or 'ticket'" });
};

/** The given indicators (unknown names refused), or undefined when none was given. */
const checkIndicators = (indicators: unknown): Result<EvaluationIndicators | undefined> => {
  if (indicators === undefined || indicators === null) return ok(undefined);
  if (typeof indicators !== 'object') return err('INVALID_INPUT', { field: 'indicators', reason: 'an object' });
  const given: { -readonly [K in IndicatorName]?: SatisfactionLevel } = {};
  for (const [name, value] of Object.entries(indicators)) {
    if (name === 'overall' || !Object.hasOwn(INDICATOR_LABELS, name)) {
      return err('INVALID_INPUT', { field: `indicators.${name}`, reason: 'efficiency, quality or attitude' });
    }
    if (value === undefined) continue;
    const level = checkLevel(value, `indicators.${name}`);
    if (!level.ok) return level;
    given[name as IndicatorName] = level.value;
  }
  return ok(Object.keys(given).length === 0 ? undefined : given);
};

/** The evaluation as stored, from checked input. */
const buildEvaluation = (input: EvaluationInput, now: number): Result<Evaluation> => {
  const subject = checkSubject(input.subject);
  if (!subject.ok) return subject;
  const level = checkLevel(input.level, 'level');
  if (!level.ok) return level;
  const indicators = checkIndicators(input.indicators);
  if (!indicators.ok) return indicators;
  const comment = checkOptionalText(input.comment, 'comment');
  if (!comment.ok) return comment;
  if (typeof input.channel !== 'string' || !Object.hasOwn(EVALUATION_CHANNEL_LABELS, input.channel)) {
    return err('INVALID_INPUT', { field: 'channel', reason: 'online, kiosk, window-pad or sms' });
  }
  const instant = checkInstant(now);
  if (!instant.ok) return instant;
  return ok({
    id: findEvaluationId(subject.value),
    subject: subject.value,
    level: level.value,
    ...(indicators.value === undefined ? {} : { indicators: indicators.value }),
    ...(comment.value === undefined ? {} : { comment: comment.value }),
    channel: input.channel,
    evaluatedAt: instant.value.at,
    evaluatedOn: instant.value.on,
  });
};

/**
 * Records a rating at `now` (epoch ms; its Beijing date is the evaluation day). Checks, in order: the input
 * (INVALID_INPUT), that the subject has ended (EVALUATION_NOT_OPEN), that it was not rated yet
 * (EVALUATION_ALREADY_GIVEN; `existing` is the stored evaluation of the same subject, or null). A 差评 also
 * answers its rectification, due dates counted from the evaluation day under `policy`; a deadline past the
 * calendar's data is pending rather than a reason to lose the citizen's rating.
 */
export const recordEvaluation = (
  cal: WorkCalendar,
  existing: Evaluation | null,
  input: EvaluationInput,
  now: number,
  policy: RectificationPolicy = DEFAULT_RECTIFICATION_POLICY,
): Result<{ evaluation: Evaluation; rectification: Rectification | null }> => {
  const checkedPolicy = checkPolicy(policy); // a bad configuration fails every rating, not only the 差评
  if (!checkedPolicy.ok) return checkedPolicy;
  const built = buildEvaluation(input, now);
  if (!built.ok) return built;
  const evaluation = built.value;
  if (!isEvaluationOpen(input.subject)) {
    return err('EVALUATION_NOT_OPEN', { evaluationId: evaluation.id, status: input.subject.status });
  }
  if (existing !== null) return err('EVALUATION_ALREADY_GIVEN', { evaluationId: existing.id });
  if (!isNegativeLevel(evaluation.level)) return ok({ evaluation, rectification: null });
  const deadlines = findRectificationDeadlines(cal, evaluation.evaluatedOn, policy);
  if (!deadlines.ok) return deadlines;
  const rectification: Rectification = {
    evaluationId: evaluation.id,
    subject: evaluation.subject,
    level: evaluation.level,
    openedAt: evaluation.evaluatedAt,
    openedOn: evaluation.evaluatedOn,
    policy: {
      contactWithinWorkingDays: policy.contactWithinWorkingDays,
      replyWithinWorkingDays: policy.replyWithinWorkingDays,
    },
    ...deadlines.value,
    status: 'opened',
  };
  return ok({ evaluation, rectification });
};
