import {
  findEvaluationId,
  recordEvaluation,
  type Evaluation,
  type EvaluationIndicators,
  type Rectification,
  type Result,
  type SatisfactionLevel,
  type SubjectState,
} from '../../core/index.ts';
import { workCalendar } from '../cases/case-clock.ts';
import type { Database } from '../db/client.ts';
import { readEvaluation } from '../db/evaluations.ts';
import type { CaseEvaluationBody, TicketEvaluationBody } from '../schemas/evaluation.ts';
import { rectificationPolicy } from './evaluation-config.ts';

/**
 * Reads the subject's stored rating, if any, and asks core to record the body's rating at `now` under the current
 * rectification policy. The case (一事一评) and the ticket (一次一评) ratings differ only in how they find the subject.
 */
export const recordRating = async (
  db: Database,
  subject: SubjectState,
  body: CaseEvaluationBody | TicketEvaluationBody,
  now: number,
): Promise<Result<{ evaluation: Evaluation; rectification: Rectification | null }>> => {
  const existing = await readEvaluation(db, findEvaluationId(subject));
  return recordEvaluation(
    workCalendar(),
    existing?.record ?? null,
    {
      subject,
      // zod checked 1-5; core checks again and types it.
      level: body.level as SatisfactionLevel,
      ...(body.indicators === undefined ? {} : { indicators: body.indicators as EvaluationIndicators }),
      ...(body.comment === undefined ? {} : { comment: body.comment }),
      channel: body.channel,
    },
    now,
    rectificationPolicy.current,
  );
};
