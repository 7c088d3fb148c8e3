/**
 * How a rectification stands against its two deadlines, for the supervisor's list and the statistics (超期整改
 * must show). A step done after its due date stays `late` for good: finishing late does not clear the record.
 */
import { countWorkingDays, parseIsoDate } from '../clock/index.ts';
import type { IsoDate, WorkCalendar } from '../clock/types.ts';
import { err, ok, type Result } from '../result.ts';
import { refreshRectificationDue } from './rectification-due.ts';
import type { Rectification, RectificationAssessment, RectificationDue, StepDeadline } from './types.ts';

/** Past the calendar's data nothing is guessed: the year whose schedule is awaited. */
const refuseUnknown = (due: { dueAfter: IsoDate }, field: string, date: IsoDate): Result<never> =>
  err('CALENDAR_YEAR_UNKNOWN', { year: Number(due.dueAfter.slice(0, 4)) + 1, field, date });

/** One deadline: `doneOn` is the Beijing date the step was taken, if it was. ISO dates compare as text. */
const assessStep = (
  cal: WorkCalendar,
  due: RectificationDue,
  doneOn: IsoDate | undefined,
  waived: boolean,
  today: IsoDate,
  field: string,
): Result<StepDeadline> => {
  if (doneOn !== undefined) {
    if ('dueOn' in due) return ok({ due, state: doneOn <= due.dueOn ? 'met' : 'late' });
    return doneOn <= due.dueAfter ? ok({ due, state: 'met' }) : refuseUnknown(due, field, doneOn);
  }
  if (waived) return ok({ due, state: 'waived' });
  if ('dueAfter' in due) {
    return today <= due.dueAfter ? ok({ due, state: 'pending' }) : refuseUnknown(due, field, today);
  }
  if (today > due.dueOn) return ok({ due, state: 'overdue' });
  const left = countWorkingDays(cal, today, due.dueOn);
  return left.ok ? ok({ due, state: 'pending', workingDaysLeft: left.value }) : left;
};

const MISSED = new Set(['late', 'overdue']);

/**
 * Contact and reply deadlines as of `today` (a Beijing date), pending ones refreshed from the calendar first.
 * Steps an upheld appeal made unnecessary are `waived`. INVALID_DATE for a malformed `today`;
 * CALENDAR_YEAR_UNKNOWN when a deadline still pending in the calendar would be needed past its data.
 */
export const assessRectification = (
  cal: WorkCalendar,
  rectification: Rectification,
  today: IsoDate,
): Result<RectificationAssessment> => {
  const checked = parseIsoDate(today);
  if (!checked.ok) return err('INVALID_DATE', { field: 'today', date: today });
  const refreshed = refreshRectificationDue(cal, rectification);
  if (!refreshed.ok) return refreshed;
  const r = refreshed.value;
  const waived = r.closed?.reason === 'appeal-upheld';
  const contact = assessStep(cal, r.contactDue, r.contact?.on, waived, today, 'contact');
  if (!contact.ok) return contact;
  const reply = assessStep(cal, r.replyDue, r.reply?.on, waived, today, 'reply');
  if (!reply.ok) return reply;
  const overdue = MISSED.has(contact.value.state) || MISSED.has(reply.value.state);
  return ok({ contact: contact.value, reply: reply.value, overdue });
};
