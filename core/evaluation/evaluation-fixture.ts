/**
 * Test fixture: the shipped calendar, instants on Beijing wall-clock time, and a 差评 evaluated on 2026-09-30,
 * the day before 国庆 (10/1-7 off, Saturday 10/10 a make-up workday), whose deadlines cross the holiday.
 */
import { loadChinaCalendar } from '../clock/index.ts';
import { localTime } from '../hall/local-day.ts';
import type { Result } from '../result.ts';
import { recordEvaluation } from './record-evaluation.ts';
import type { EvaluationInput, Rectification, SatisfactionLevel, SubjectState } from './types.ts';

export const cal = loadChinaCalendar();

export const valueOf = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
};
export const codeOf = (result: Result<unknown>): string => (result.ok ? 'ok' : result.error.code);

/** Epoch ms of a Beijing wall-clock time in 2026 (10:00 unless told). */
export const on = (month: number, day: number, hour = 10): number => localTime(2026, month, day, hour, 0);

export const approvedCase = (caseNumber = 'XS-260930-0042-7'): SubjectState => ({
  kind: 'case',
  caseNumber,
  status: 'approved',
});
export const completedTicket = (ticketId = 'A012'): SubjectState => ({
  kind: 'ticket',
  hallId: 'xiaoshan',
  ticketId,
  status: 'completed',
});

export const rate = (subject: SubjectState, level: SatisfactionLevel): EvaluationInput => ({
  subject,
  level,
  channel: subject.kind === 'case' ? 'online' : 'window-pad',
});

/** A 差评 (2) of a case, rated on 2026-09-30 at 15:00 Beijing time: its rectification, as opened. */
export const openRectification = (caseNumber = 'XS-260930-0042-7', level: SatisfactionLevel = 2): Rectification => {
  const recorded = valueOf(recordEvaluation(cal, null, rate(approvedCase(caseNumber), level), on(9, 30, 15)));
  if (recorded.rectification === null) throw new Error('a 差评 opens a rectification');
  return recorded.rectification;
};
