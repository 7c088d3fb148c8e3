/**
 * A rectification's deadlines, counted in working days from the day of the 差评 (that day not counted, as for
 * every period of 行政许可法 Art. 82). A deadline past the calendar's data is recorded as pending (`dueAfter`),
 * never guessed, like a case's (core/cases/pending-due-date.ts; the three-line rule is repeated here so the
 * evaluation module depends on the clock only), and becomes a date once the next year's schedule is added.
 */
import { addWorkingDays, describeCalendarCoverage, isBeyondCoverage } from '../clock/index.ts';
import type { IsoDate, WorkCalendar } from '../clock/types.ts';
import { err, ok, type Result } from '../result.ts';
import type { Rectification, RectificationDue, RectificationPolicy } from './types.ts';

/** The working-day limits, or INVALID_INPUT: whole numbers >= 1, contact no later than the reply. */
export const checkPolicy = (policy: RectificationPolicy): Result<RectificationPolicy> => {
  const { contactWithinWorkingDays: contact, replyWithinWorkingDays: reply } = policy;
  for (const [field, value] of [
    ['contactWithinWorkingDays', contact],
    ['replyWithinWorkingDays', reply],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 1) {
      return err('INVALID_INPUT', { field, value, reason: 'a whole number of working days >= 1' });
    }
  }
  if (contact > reply) return err('INVALID_INPUT', { field: 'policy', reason: 'contact limit after reply limit' });
  return ok(policy);
};

/** `n` working days after `from`, or pending when the date lies past the calendar's data. */
export const findRectificationDue = (cal: WorkCalendar, from: IsoDate, n: number): Result<RectificationDue> => {
  const due = addWorkingDays(cal, from, n);
  if (due.ok) return ok({ dueOn: due.value });
  if (isBeyondCoverage(cal, due.error)) return ok({ dueAfter: describeCalendarCoverage(cal).lastDay });
  return due;
};

/** Both deadlines of a rectification opened on `openedOn`. */
export const findRectificationDeadlines = (
  cal: WorkCalendar,
  openedOn: IsoDate,
  policy: RectificationPolicy,
): Result<{ contactDue: RectificationDue; replyDue: RectificationDue }> => {
  const checked = checkPolicy(policy);
  if (!checked.ok) return checked;
  const contactDue = findRectificationDue(cal, openedOn, policy.contactWithinWorkingDays);
  if (!contactDue.ok) return contactDue;
  const replyDue = findRectificationDue(cal, openedOn, policy.replyWithinWorkingDays);
  if (!replyDue.ok) return replyDue;
  return ok({ contactDue: contactDue.value, replyDue: replyDue.value });
};

const keyOf = (due: RectificationDue): string => ('dueOn' in due ? `on ${due.dueOn}` : `after ${due.dueAfter}`);
const same = (a: RectificationDue, b: RectificationDue): boolean => keyOf(a) === keyOf(b);

/**
 * 到期日补定: pending deadlines become dates once the calendar covers them, from the limits the rectification was
 * opened with. When nothing changes (nothing pending, or still past the data) it is answered as given (the
 * same object), so the caller writes only real changes.
 */
export const refreshRectificationDue = (cal: WorkCalendar, rectification: Rectification): Result<Rectification> => {
  if ('dueOn' in rectification.contactDue && 'dueOn' in rectification.replyDue) return ok(rectification);
  const deadlines = findRectificationDeadlines(cal, rectification.openedOn, rectification.policy);
  if (!deadlines.ok) return deadlines;
  const { contactDue, replyDue } = deadlines.value;
  if (same(contactDue, rectification.contactDue) && same(replyDue, rectification.replyDue)) return ok(rectification);
  return ok({ ...rectification, contactDue, replyDue });
};
