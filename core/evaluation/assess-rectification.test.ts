import { describe, expect, it } from 'vitest';
import { assessRectification } from './assess-rectification.ts';
import { cal, codeOf, on, openRectification, valueOf } from './evaluation-fixture.ts';
import { decideAppeal, fileAppeal, recordContact, recordReply } from './rectification-lifecycle.ts';
import type { Rectification } from './types.ts';

const DEPT = 'department:scjg';
/** Rated 2026-09-30: contact due 2026-10-08, reply due 2026-10-27. */
const opened = openRectification();
const assess = (r: Rectification, today: string) => valueOf(assessRectification(cal, r, today));
const contactOn = (r: Rectification, day: number) => valueOf(recordContact(r, { by: DEPT }, on(10, day)));
const replyOn = (r: Rectification, day: number) => valueOf(recordReply(r, { by: DEPT, text: '已整改' }, on(10, day)));

describe('assessRectification', () => {
  it('counts working days left while a step is pending, across 国庆', () => {
    expect(assess(opened, '2026-09-30')).toEqual({
      contact: { due: { dueOn: '2026-10-08' }, state: 'pending', workingDaysLeft: 1 },
      reply: { due: { dueOn: '2026-10-27' }, state: 'pending', workingDaysLeft: 15 },
      overdue: false,
    });
    expect(assess(opened, '2026-10-08').contact).toMatchObject({ state: 'pending', workingDaysLeft: 0 });
  });

  it('flags the contact overdue the day after its due date', () => {
    expect(assess(opened, '2026-10-09')).toMatchObject({ contact: { state: 'overdue' }, reply: { state: 'pending' }, overdue: true });
  });

  it('keeps a late contact on the record after it is made', () => {
    const late = contactOn(opened, 9);
    expect(assess(late, '2026-10-12')).toMatchObject({ contact: { state: 'late' }, overdue: true });
    expect(assess(replyOn(late, 27), '2026-11-30')).toMatchObject({ contact: { state: 'late' }, reply: { state: 'met' }, overdue: true });
  });

  it('is on time when both steps land on their due days', () => {
    const done = replyOn(contactOn(opened, 8), 27);
    expect(assess(done, '2026-12-01')).toEqual({
      contact: { due: { dueOn: '2026-10-08' }, state: 'met' },
      reply: { due: { dueOn: '2026-10-27' }, state: 'met' },
      overdue: false,
    });
  });

  it('flags the reply overdue from 2026-10-28, and late once given', () => {
    const contacted = contactOn(opened, 8);
    expect(assess(contacted, '2026-10-27').reply).toMatchObject({ state: 'pending', workingDaysLeft: 0 });
    expect(assess(contacted, '2026-10-28')).toMatchObject({ contact: { state: 'met' }, reply: { state: 'overdue' }, overdue: true });
    expect(assess(replyOn(contacted, 28), '2026-10-28').reply.state).toBe('late');
  });

  it('waives the steps an upheld appeal made unnecessary, but not one already missed and done', () => {
    const appealed = valueOf(fileAppeal(opened, { by: DEPT, reason: '恶意差评' }, on(10, 8)));
    const upheld = valueOf(decideAppeal(appealed, { upheld: true, by: 'staff:s', reason: '成立' }, on(10, 20)));
    expect(assess(upheld, '2026-11-30')).toMatchObject({ contact: { state: 'waived' }, reply: { state: 'waived' }, overdue: false });
    const lateThenUpheld = valueOf(
      decideAppeal(contactOn(appealed, 9), { upheld: true, by: 'staff:s', reason: '成立' }, on(10, 20)),
    );
    expect(assess(lateThenUpheld, '2026-11-30')).toMatchObject({ contact: { state: 'late' }, reply: { state: 'waived' } });
  });

  it('keeps a reply deadline past the calendar pending, and refuses to guess once today is past the data', () => {
    const december = openRectification('XS-261214-0001-3');
    const pending = { ...december, openedOn: '2026-12-14', contactDue: { dueOn: '2026-12-15' }, replyDue: { dueAfter: '2026-12-31' } };
    expect(assess(pending, '2026-12-31').reply).toEqual({ due: { dueAfter: '2026-12-31' }, state: 'pending' });
    expect(assessRectification(cal, pending, '2027-01-04')).toMatchObject({
      ok: false,
      error: { code: 'CALENDAR_YEAR_UNKNOWN', details: { year: 2027 } },
    });
  });

  it('refuses a malformed today', () => {
    expect(codeOf(assessRectification(cal, opened, '2026-10-32'))).toBe('INVALID_DATE');
  });
});
