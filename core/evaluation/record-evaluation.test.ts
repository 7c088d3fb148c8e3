import { describe, expect, it } from 'vitest';
import { CHINA_SCHEDULES, compileCalendar } from '../clock/index.ts';
import type { WorkCalendar, YearSchedule } from '../clock/types.ts';
import type { CaseStatus } from '../cases/types.ts';
import type { TicketStatus } from '../hall/types.ts';
import { approvedCase, cal, codeOf, completedTicket, on, rate, valueOf } from './evaluation-fixture.ts';
import { recordEvaluation } from './record-evaluation.ts';
import { refreshRectificationDue } from './rectification-due.ts';
import type { EvaluationInput, SatisfactionLevel } from './types.ts';

const record = (input: EvaluationInput, now = on(9, 30, 15)) => recordEvaluation(cal, null, input, now);

describe('recordEvaluation: one per subject', () => {
  it('records one evaluation per case (一事一评), keyed by the case number', () => {
    const { evaluation } = valueOf(record(rate(approvedCase(), 5)));
    expect(evaluation).toEqual({
      id: 'case:XS-260930-0042-7',
      subject: { kind: 'case', caseNumber: 'XS-260930-0042-7' },
      level: 5,
      channel: 'online',
      evaluatedAt: on(9, 30, 15),
      evaluatedOn: '2026-09-30',
    });
    const again = recordEvaluation(cal, evaluation, rate(approvedCase(), 1), on(10, 8));
    expect(again).toEqual({ ok: false, error: { code: 'EVALUATION_ALREADY_GIVEN', details: { evaluationId: evaluation.id } } });
  });

  it('records one evaluation per on-site ticket (一次一评), keyed by hall and ticket', () => {
    const { evaluation } = valueOf(record(rate(completedTicket('A012'), 4)));
    expect(evaluation.id).toBe('ticket:xiaoshan:A012');
    expect(evaluation.subject).toEqual({ kind: 'ticket', hallId: 'xiaoshan', ticketId: 'A012' });
    expect(codeOf(recordEvaluation(cal, evaluation, rate(completedTicket('A012'), 4), on(9, 30, 16)))).toBe(
      'EVALUATION_ALREADY_GIVEN',
    );
    expect(valueOf(record(rate(completedTicket('A013'), 4))).evaluation.id).toBe('ticket:xiaoshan:A013');
  });
});

describe('recordEvaluation: only after the service ended', () => {
  it.each<CaseStatus>(['awaiting-correction', 'in-review'])('refuses a case still %s', (status) => {
    const subject = { kind: 'case', caseNumber: 'XS-260930-0042-7', status } as const;
    expect(record(rate(subject, 5))).toEqual({
      ok: false,
      error: { code: 'EVALUATION_NOT_OPEN', details: { evaluationId: 'case:XS-260930-0042-7', status } },
    });
  });

  it.each<CaseStatus>(['approved', 'partly-approved', 'rejected'])('opens for a case %s', (status) => {
    expect(codeOf(record(rate({ kind: 'case', caseNumber: 'XS-1', status }, 3)))).toBe('ok');
  });

  it.each<TicketStatus>(['waiting', 'called', 'serving', 'cancelled', 'no_show', 'expired'])(
    'refuses a ticket %s (only a served ticket is rated)',
    (status) => {
      expect(codeOf(record(rate({ kind: 'ticket', hallId: 'xiaoshan', ticketId: 'A1', status }, 5)))).toBe(
        'EVALUATION_NOT_OPEN',
      );
    },
  );
});

describe('recordEvaluation: a 差评 opens a rectification', () => {
  it.each<SatisfactionLevel>([5, 4, 3])('opens none for level %i', (level) => {
    expect(valueOf(record(rate(approvedCase(), level))).rectification).toBeNull();
  });

  it.each<SatisfactionLevel>([2, 1])('opens one for level %i, due dates in working days across 国庆', (level) => {
    const { evaluation, rectification } = valueOf(record(rate(approvedCase(), level)));
    // Evaluated Wed 2026-09-30. 10/1-7 are off, so the first working day after is Thu 10/8 (contact due).
    // Fifteen: 10/8, 10/9, Sat 10/10 (调休), 10/12-16, 10/19-23, 10/26, 10/27 → reply due Tue 2026-10-27.
    expect(rectification).toEqual({
      evaluationId: evaluation.id,
      subject: evaluation.subject,
      level,
      openedAt: evaluation.evaluatedAt,
      openedOn: '2026-09-30',
      policy: { contactWithinWorkingDays: 1, replyWithinWorkingDays: 15 },
      contactDue: { dueOn: '2026-10-08' },
      replyDue: { dueOn: '2026-10-27' },
      status: 'opened',
    });
  });

  it('counts from the Beijing date: 01:00 on 10/1 in Beijing is still 9/30 in UTC', () => {
    const { evaluation, rectification } = valueOf(record(rate(approvedCase(), 1), on(10, 1, 1)));
    expect(evaluation.evaluatedOn).toBe('2026-10-01');
    // A holiday is the evaluation day; it is not counted either way, so the dates match a 9/30 rating.
    expect(rectification).toMatchObject({ contactDue: { dueOn: '2026-10-08' }, replyDue: { dueOn: '2026-10-27' } });
  });

  it('moves a Friday 差评 contact to Monday', () => {
    const { rectification } = valueOf(record(rate(approvedCase(), 2), on(3, 6, 16)));
    expect(rectification).toMatchObject({ contactDue: { dueOn: '2026-03-09' }, replyDue: { dueOn: '2026-03-27' } });
  });

  it('takes the limits as configuration and keeps them on the rectification', () => {
    const policy = { contactWithinWorkingDays: 2, replyWithinWorkingDays: 10 };
    const { rectification } = valueOf(recordEvaluation(cal, null, rate(approvedCase(), 2), on(3, 6, 16), policy));
    expect(rectification).toMatchObject({ policy, contactDue: { dueOn: '2026-03-10' }, replyDue: { dueOn: '2026-03-20' } });
  });

  it.each([
    { contactWithinWorkingDays: 0, replyWithinWorkingDays: 15 },
    { contactWithinWorkingDays: 1, replyWithinWorkingDays: 1.5 },
    { contactWithinWorkingDays: 5, replyWithinWorkingDays: 3 },
  ])('refuses a bad policy %o, even for a good rating', (policy) => {
    expect(codeOf(recordEvaluation(cal, null, rate(approvedCase(), 5), on(3, 6), policy))).toBe('INVALID_INPUT');
  });
});

/**
 * TEST FIXTURE, NOT THE OFFICIAL SCHEDULE: a made-up 2027 of plain weekdays, standing in for "next year's schedule
 * was published and added to core/clock/data".
 */
const FICTIONAL_2027: YearSchedule = { year: 2027, holidays: [], makeUpWorkdays: [], source: 'TEST FIXTURE' };
const calWith2027: WorkCalendar = valueOf(compileCalendar([...CHINA_SCHEDULES, FICTIONAL_2027]));

describe('recordEvaluation: deadlines past the calendar', () => {
  it('keeps the rating and records the reply deadline as pending, then fixes it once 2027 is known', () => {
    const { rectification } = valueOf(record(rate(approvedCase(), 1), on(12, 14)));
    // Mon 12/14 + 1 → 12/15. Fifteen need 13 working days of 2026 (12/15-31) and two more of 2027.
    expect(rectification).toMatchObject({ contactDue: { dueOn: '2026-12-15' }, replyDue: { dueAfter: '2026-12-31' } });
    expect(valueOf(refreshRectificationDue(cal, rectification!))).toBe(rectification);
    expect(valueOf(refreshRectificationDue(calWith2027, rectification!))).toMatchObject({
      contactDue: { dueOn: '2026-12-15' },
      replyDue: { dueOn: '2027-01-04' },
    });
  });
});

describe('recordEvaluation: input', () => {
  const good = rate(approvedCase(), 4);

  it('keeps the indicators given and a trimmed comment, dropping blanks', () => {
    const input = { ...good, indicators: { efficiency: 5, attitude: 3 }, comment: '  窗口人员耐心  ' } as const;
    expect(valueOf(record(input)).evaluation).toMatchObject({ indicators: { efficiency: 5, attitude: 3 }, comment: '窗口人员耐心' });
    const blank = valueOf(record({ ...good, indicators: {}, comment: '   ' })).evaluation;
    expect('indicators' in blank || 'comment' in blank).toBe(false);
  });

  it('counts the comment limit in characters, so 500 Chinese characters or emoji fit', () => {
    expect(codeOf(record({ ...good, comment: '很'.repeat(500) }))).toBe('ok');
    expect(codeOf(record({ ...good, comment: '👍'.repeat(500) }))).toBe('ok');
    expect(record({ ...good, comment: '很'.repeat(501) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'comment', length: 501, limit: 500 } },
    });
  });

  it.each<[string, unknown]>([
    ['level 0', { ...good, level: 0 }],
    ['level 6', { ...good, level: 6 }],
    ['level 2.5', { ...good, level: 2.5 }],
    ['level as text', { ...good, level: '5' }],
    ['an overall indicator (that is the level)', { ...good, indicators: { overall: 5 } }],
    ['an unknown indicator', { ...good, indicators: { speed: 5 } }],
    ['an indicator out of range', { ...good, indicators: { attitude: 7 } }],
    ['an unknown channel', { ...good, channel: 'fax' }],
    ['a blank case number', { ...good, subject: { kind: 'case', caseNumber: ' ', status: 'approved' } }],
    ['a colon in a hall id', { ...good, subject: { kind: 'ticket', hallId: 'a:b', ticketId: 'A1', status: 'completed' } }],
    ['an unknown subject kind', { ...good, subject: { kind: 'visit', status: 'approved' } }],
  ])('refuses %s with INVALID_INPUT', (_, input) => {
    expect(codeOf(record(input as EvaluationInput))).toBe('INVALID_INPUT');
  });

  it('refuses an instant that is not epoch milliseconds', () => {
    expect(codeOf(recordEvaluation(cal, null, good, Number.NaN))).toBe('INVALID_INPUT');
  });

  it('checks the input before the subject state, and both before the existing rating', () => {
    const existing = valueOf(record(good)).evaluation;
    const notEnded: EvaluationInput = { ...good, subject: { kind: 'case', caseNumber: 'XS-260930-0042-7', status: 'in-review' } };
    expect(codeOf(recordEvaluation(cal, existing, { ...notEnded, level: 9 as SatisfactionLevel }, on(10, 8)))).toBe('INVALID_INPUT');
    expect(codeOf(recordEvaluation(cal, existing, notEnded, on(10, 8)))).toBe('EVALUATION_NOT_OPEN');
  });
});
