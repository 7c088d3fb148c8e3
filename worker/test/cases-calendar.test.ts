import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHINA_SCHEDULES, compileCalendar, type WorkCalendar, type YearSchedule } from '../../core/index.ts';
import { caseCalendar } from '../cases/case-clock.ts';
import type { TrackReply } from '../schemas/case-track-replies.ts';
import {
  acceptCase,
  approve,
  call,
  getCase,
  inbox,
  materialsFor,
  matterNamed,
  PERSON,
  resetCases,
  setBeijingTime,
} from './case-helpers.ts';

/** 教师资格认定 (教育局, jyj): a person's matter promised in 20 working days. */
const TEACHER = matterNamed('教师资格认定');
/** Two 5-working-day matters of the same department, for tasks with known due dates in the same inbox. */
const ENROLMENT = matterNamed('学前教育、义务教育阶段入学办理');
const DEFERRAL = matterNamed('适龄儿童、少年因身体状况需要延缓入学或者休学审批');

const apply = (matter: typeof TEACHER) => acceptCase({ applicant: PERSON, matterCode: matter.code, materials: materialsFor([matter]) });

const PENDING_2027 = {
  dueAfter: '2026-12-31',
  awaitsYear: 2027,
  message: '到期日待2027年法定节假日安排公布后确定（晚于2026-12-31）',
  messageEn: 'Due date pending the official 2027 holiday schedule (later than 2026-12-31)',
};

/**
 * TEST FIXTURE, NOT THE OFFICIAL SCHEDULE: a made-up 2027 of plain weekends (no holidays, no make-up workdays), to
 * stand for the day the real 2027 schedule is added to core/clock/data and deployed. It never leaves this file.
 */
const FICTIONAL_2027: YearSchedule = { year: 2027, holidays: [], makeUpWorkdays: [], source: 'TEST FIXTURE: weekends only, not official' };
const shipped = caseCalendar.load;
const with2027 = (): WorkCalendar => {
  const compiled = compileCalendar([...CHINA_SCHEDULES, FICTIONAL_2027]);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.error));
  return compiled.value;
};

const readTaskRow = (caseNumber: string) =>
  env.DB.prepare('SELECT due_on, due_after FROM tasks WHERE case_number = ?').bind(caseNumber).first<{ due_on: string | null; due_after: string | null }>();
const readCaseRow = (caseNumber: string) =>
  env.DB.prepare('SELECT due_on, due_after FROM cases WHERE number = ?').bind(caseNumber).first<{ due_on: string | null; due_after: string | null }>();

const track = async (number: string, code: string): Promise<TrackReply> => {
  const res = await call(`/v1/track/${number}?code=${code}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as TrackReply;
};

interface CalendarHealth {
  firstDay: string;
  lastDay: string;
  lastYear: number;
  today: string;
  daysLeft: number;
  status: string;
  warning: { message: string; messageEn: string } | null;
}

const readHealth = async () => {
  const res = await call('/v1/health');
  expect(res.status).toBe(200);
  return ((await res.json()) as { status: string; calendar: CalendarHealth });
};

beforeEach(async () => {
  await resetCases();
});

afterEach(() => {
  caseCalendar.load = shipped;
});

describe('intake past the calendar’s data (到期日待定)', () => {
  it('accepts a 20-working-day matter on 2026-12-20 with its due date pending, explained in Chinese and English', async () => {
    setBeijingTime('2026-12-20T10:00'); // Sunday: 9 working days left in 2026, the 20th falls in 2027
    const accepted = await apply(TEACHER);
    expect(accepted).toMatchObject({ status: 'in-review', acceptedOn: '2026-12-20', dueOn: null, duePending: PENDING_2027 });
    expect(accepted.tasks).toHaveLength(1);
    expect(accepted.tasks[0]).toMatchObject({
      status: 'open',
      startedOn: '2026-12-20',
      limit: { value: 20, unit: 'working_days' },
      dueOn: null,
      duePending: PENDING_2027,
      deadline: { level: 'awaiting-calendar', workingDaysLeft: null },
    });
    // Stored as pending, not guessed: due_on NULL, due_after the last day of data.
    expect(await readTaskRow(accepted.number)).toEqual({ due_on: null, due_after: '2026-12-31' });
    expect(await readCaseRow(accepted.number)).toEqual({ due_on: null, due_after: '2026-12-31' });
    // The staff view says the same.
    const view = await getCase(accepted.number);
    expect(view).toMatchObject({ dueOn: null, duePending: PENDING_2027 });
    expect(view.tasks[0]).toMatchObject({ dueOn: null, duePending: PENDING_2027, deadline: { level: 'awaiting-calendar' } });
  });

  it('still gives an intake on 2026-03-02 its real due date', async () => {
    setBeijingTime('2026-03-02T10:00'); // Monday; March 2026 has no holidays: 20 working days → Mon 30 March
    const accepted = await apply(TEACHER);
    expect(accepted).toMatchObject({ dueOn: '2026-03-30', duePending: null });
    expect(accepted.tasks[0]).toMatchObject({ dueOn: '2026-03-30', duePending: null, deadline: { level: 'on-track', workingDaysLeft: 20 } });
    expect(await readTaskRow(accepted.number)).toEqual({ due_on: '2026-03-30', due_after: null });
  });

  it('lists pending tasks after every task with a known due date in the inbox, at level awaiting-calendar', async () => {
    setBeijingTime('2026-12-14T10:00');
    const enrolment = await apply(ENROLMENT); // 5 working days: Mon 21 December
    setBeijingTime('2026-12-20T10:00');
    const teacher = await apply(TEACHER); // pending
    setBeijingTime('2026-12-21T10:00');
    const deferral = await apply(DEFERRAL); // registered after the pending one, due Mon 28 December
    const { tasks, today } = await inbox('jyj');
    expect(today).toBe('2026-12-21');
    expect(tasks.map((t) => [t.caseNumber, t.dueOn, t.deadline?.level])).toEqual([
      [enrolment.number, '2026-12-21', 'due-today'],
      [deferral.number, '2026-12-28', 'on-track'],
      [teacher.number, null, 'awaiting-calendar'],
    ]);
    expect(tasks[2]).toMatchObject({ duePending: PENDING_2027, deadline: { workingDaysLeft: null } });
  });

  it('shows the pending due date on the public tracking page, timeline included', async () => {
    setBeijingTime('2026-12-20T10:00');
    const accepted = await apply(TEACHER);
    const tracked = await track(accepted.number, accepted.queryCode);
    expect(tracked).toMatchObject({ acceptedOn: '2026-12-20', dueOn: null, duePending: PENDING_2027 });
    expect(tracked.matters).toEqual([expect.objectContaining({ status: 'open', dueOn: null, duePending: PENDING_2027 })]);
    const accepting = tracked.timeline.find((e) => e.type === 'case-accepted');
    expect(accepting).toMatchObject({ dueAfter: '2026-12-31' });
    expect(accepting).not.toHaveProperty('dueOn');
    expect(tracked.timeline.find((e) => e.type === 'task-released')).toMatchObject({ dueAfter: '2026-12-31' });
  });

  it('registers and accepts a case when today itself is past the data, with every due date pending', async () => {
    setBeijingTime('2026-12-14T10:00');
    const known = await apply(ENROLMENT); // due Mon 21 December
    setBeijingTime('2026-12-28T10:00');
    const december = await apply(DEFERRAL); // 5 working days from 12-28: only 3 left in 2026, so pending
    expect(december).toMatchObject({ dueOn: null, duePending: PENDING_2027 });
    setBeijingTime('2027-01-05T10:00'); // the 2027 schedule was not added in time: an operational fault
    const late = await apply(TEACHER);
    expect(late).toMatchObject({ status: 'in-review', acceptedOn: '2027-01-05', dueOn: null, duePending: PENDING_2027 });
    expect(late.tasks[0]).toMatchObject({ startedOn: '2027-01-05', deadline: { level: 'awaiting-calendar', workingDaysLeft: null } });
    const { tasks } = await inbox('jyj');
    expect(tasks.map((t) => [t.caseNumber, t.dueOn, t.deadline])).toEqual([
      // A known date cannot be assessed on a day without data: no level rather than a guess.
      [known.number, '2026-12-21', null],
      // Pending ones after it, earliest clock first.
      [december.number, null, { level: 'awaiting-calendar', workingDaysLeft: null }],
      [late.number, null, { level: 'awaiting-calendar', workingDaysLeft: null }],
    ]);
  });
});

describe('once the next year’s schedule is added (fictional 2027 fixture)', () => {
  it('fills in the pending due dates on the next read and writes them back, with no migration', async () => {
    setBeijingTime('2026-12-20T10:00');
    const accepted = await apply(TEACHER);
    caseCalendar.load = with2027;
    setBeijingTime('2026-12-21T10:00');
    // 9 working days left in 2026, then 11 weekdays of the fixture's 2027 (1 January counts there): Fri 15 January.
    const view = await getCase(accepted.number);
    expect(view).toMatchObject({ dueOn: '2027-01-15', duePending: null });
    expect(view.tasks[0]).toMatchObject({ dueOn: '2027-01-15', duePending: null, deadline: { level: 'on-track', workingDaysLeft: 19 } });
    expect(await readTaskRow(accepted.number)).toEqual({ due_on: '2027-01-15', due_after: null });
    expect(await readCaseRow(accepted.number)).toEqual({ due_on: '2027-01-15', due_after: null });
    const tracked = await track(accepted.number, accepted.queryCode);
    expect(tracked).toMatchObject({ dueOn: '2027-01-15', duePending: null });
    expect(tracked.matters[0]).toMatchObject({ dueOn: '2027-01-15', duePending: null });
  });

  it('sorts refreshed tasks among the known dates in the inbox', async () => {
    setBeijingTime('2026-12-20T10:00');
    const pending = await apply(TEACHER);
    caseCalendar.load = with2027;
    setBeijingTime('2026-12-22T10:00');
    const later = await apply(TEACHER); // accepted with 2027 known: Tue 19 January
    expect(later.dueOn).toBe('2027-01-19');
    const { tasks } = await inbox('jyj');
    expect(tasks.map((t) => [t.caseNumber, t.dueOn, t.deadline?.level])).toEqual([
      [pending.number, '2027-01-15', 'on-track'],
      [later.number, '2027-01-19', 'on-track'],
    ]);
    expect(await readTaskRow(pending.number)).toEqual({ due_on: '2027-01-15', due_after: null });
  });

  it('records the real due date when a pending task is decided after the year was added', async () => {
    setBeijingTime('2026-12-20T10:00');
    const accepted = await apply(TEACHER);
    caseCalendar.load = with2027;
    setBeijingTime('2026-12-23T10:00');
    const decided = await approve(accepted.tasks[0]!.id, 'jyj-li');
    expect(decided.task).toMatchObject({ status: 'approved', dueOn: '2027-01-15', duePending: null });
    expect(decided.case).toMatchObject({ status: 'approved', dueOn: '2027-01-15', duePending: null });
    expect(await readCaseRow(accepted.number)).toEqual({ due_on: '2027-01-15', due_after: null });
  });
});

describe('GET /v1/health: the calendar’s coverage', () => {
  it('warns on 2026-11-28 that fewer than 45 days of data are left', async () => {
    setBeijingTime('2026-11-28T09:00');
    const { status, calendar } = await readHealth();
    expect(status).toBe('ok');
    expect(calendar).toMatchObject({ firstDay: '2024-01-01', lastDay: '2026-12-31', lastYear: 2026, today: '2026-11-28', daysLeft: 33, status: 'ending-soon' });
    expect(calendar.warning?.message).toContain('2027年节假日安排');
    expect(calendar.warning?.message).toContain('剩33天');
    expect(calendar.warning?.messageEn).toContain('2027 holiday schedule');
  });

  it('reports no warning with time to spare, and an exhausted calendar once today is past it', async () => {
    setBeijingTime('2026-03-02T09:00');
    expect((await readHealth()).calendar).toMatchObject({ daysLeft: 304, status: 'ok', warning: null });
    setBeijingTime('2026-11-16T09:00'); // 45 days left: not yet
    expect((await readHealth()).calendar).toMatchObject({ daysLeft: 45, status: 'ok' });
    setBeijingTime('2026-11-17T09:00');
    expect((await readHealth()).calendar).toMatchObject({ daysLeft: 44, status: 'ending-soon' });
    setBeijingTime('2027-01-05T09:00');
    const { status, calendar } = await readHealth();
    expect(status).toBe('ok'); // the database is fine; the calendar is its own signal
    expect(calendar).toMatchObject({ daysLeft: -5, status: 'exhausted' });
    expect(calendar.warning?.message).toContain('已于2026-12-31用尽');
  });

  it('reports the new coverage once the next year is added', async () => {
    caseCalendar.load = with2027;
    setBeijingTime('2026-11-28T09:00');
    expect((await readHealth()).calendar).toMatchObject({ lastDay: '2027-12-31', lastYear: 2027, daysLeft: 398, status: 'ok', warning: null });
  });
});
