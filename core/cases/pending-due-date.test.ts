import { describe, expect, it } from 'vitest';
import { CHINA_SCHEDULES, compileCalendar, loadChinaCalendar } from '../clock/index.ts';
import type { WorkCalendar, YearSchedule } from '../clock/types.ts';
import type { TimeLimit } from '../catalog/types.ts';
import type { Result } from '../result.ts';
import { decideTask } from './decide-task.ts';
import { describePendingDueDate, findPromisedDate } from './pending-due-date.ts';
import { claimTask, refreshDueDate, releaseTask, restartAfterCorrection } from './task-lifecycle.ts';
import type { TaskDecision, TaskState } from './types.ts';

/** The shipped calendar: official schedules 2024-2026, nothing after 2026-12-31. */
const cal = loadChinaCalendar();

/**
 * TEST FIXTURE, NOT THE OFFICIAL SCHEDULE: a made-up 2027 with no holidays and no make-up workdays, so its working
 * days are plain Monday to Friday (1 January 2027, a Friday, counts as working here). It stands in for "the State
 * Council has published 2027 and someone added it to core/clock/data"; it must never leave this test.
 */
const FICTIONAL_2027: YearSchedule = {
  year: 2027,
  holidays: [],
  makeUpWorkdays: [],
  source: 'TEST FIXTURE: weekends only, not the official 2027 schedule',
};
const compiled = compileCalendar([...CHINA_SCHEDULES, FICTIONAL_2027]);
if (!compiled.ok) throw new Error(JSON.stringify(compiled.error));
const calWith2027: WorkCalendar = compiled.value;

const TWENTY: TimeLimit = { value: 20, unit: 'working_days' };
const waiting: TaskState = {
  id: 'task-1',
  key: 'food-licence',
  matterCode: '11330109MB0000000X-FOOD',
  departmentId: 'scjg',
  stage: 0,
  dependsOn: [],
  status: 'waiting',
  clock: null,
};
const suspend: TaskDecision = { kind: 'suspend', reason: '现场核查经营场所', suspension: 'inspection' };
const resume: TaskDecision = { kind: 'resume' };

const valueOf = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
};
const codeOf = (result: Result<unknown>): string => (result.ok ? 'ok' : result.error.code);

describe('a due date past the calendar’s data (到期日待定)', () => {
  // Sun 2026-12-20 + 20 working days: 9 are left in December (21-25, 28-31), 11 would fall in 2027.
  const pending = valueOf(releaseTask(cal, waiting, '2026-12-20', TWENTY));

  it('releases the task with its clock running, dueOn absent and dueAfter the last day of data', () => {
    expect(pending).toEqual({
      ...waiting,
      status: 'open',
      clock: { startedOn: '2026-12-20', limit: TWENTY, suspensions: [] },
      dueAfter: '2026-12-31',
    });
    expect(pending).not.toHaveProperty('dueOn');
  });

  it('tells the wait in Chinese first, then English, naming the year awaited', () => {
    expect(describePendingDueDate('2026-12-31')).toEqual({
      dueAfter: '2026-12-31',
      awaitsYear: 2027,
      message: '到期日待2027年法定节假日安排公布后确定（晚于2026-12-31）',
      messageEn: 'Due date pending the official 2027 holiday schedule (later than 2026-12-31)',
    });
  });

  it('gets its real due date once the calendar holds 2027 (fictional weekends-only fixture): Fri 2027-01-15', () => {
    const refreshed = valueOf(refreshDueDate(calWith2027, pending));
    expect(refreshed).toEqual({ ...waiting, status: 'open', clock: pending.clock, dueOn: '2027-01-15' });
    expect(refreshed).not.toHaveProperty('dueAfter');
  });

  it('stays pending, the same object, while the calendar still lacks the year', () => {
    expect(refreshDueDate(cal, pending)).toEqual({ ok: true, value: pending });
    expect(valueOf(refreshDueDate(cal, pending))).toBe(pending);
  });

  it('moves dueAfter to the new last day when the calendar grew but not far enough', () => {
    const long: TimeLimit = { value: 400, unit: 'calendar_days' }; // 2026-12-20 + 400 days lands in 2028
    const task = valueOf(releaseTask(cal, waiting, '2026-12-20', long));
    expect(task.dueAfter).toBe('2026-12-31');
    expect(valueOf(refreshDueDate(calWith2027, task))).toMatchObject({ dueAfter: '2027-12-31' });
  });

  it('leaves a task with a known due date (or no clock) as it is', () => {
    const known = valueOf(releaseTask(cal, waiting, '2026-03-02', TWENTY));
    expect(known.dueOn).toBe('2026-03-30');
    expect(valueOf(refreshDueDate(calWith2027, known))).toBe(known);
    expect(valueOf(refreshDueDate(calWith2027, waiting))).toBe(waiting);
  });

  it('accepts a release on a day itself past the data (today in an unpublished year): pending, then real', () => {
    const late = valueOf(releaseTask(cal, waiting, '2027-01-05', TWENTY));
    expect(late).toMatchObject({ status: 'open', clock: { startedOn: '2027-01-05' }, dueAfter: '2026-12-31' });
    // 2027-01-05 (Tue) + 20 weekdays of the fixture: Tue 2 February.
    expect(valueOf(refreshDueDate(calWith2027, late)).dueOn).toBe('2027-02-02');
  });

  it('restarts a clock after correction into pending, and refreshing gives what the fuller calendar gives', () => {
    const held = valueOf(claimTask(valueOf(releaseTask(cal, waiting, '2026-12-01', TWENTY)), 'reviewer:a'));
    expect(held.dueOn).toBe('2026-12-29');
    const sentBack = valueOf(decideTask(cal, held, { kind: 'request-correction', reason: '缺图', materialIds: ['m-1'] }, 'reviewer:a', '2026-12-10'));
    const restarted = valueOf(restartAfterCorrection(cal, sentBack, '2026-12-20'));
    expect(restarted).toMatchObject({ status: 'claimed', dueAfter: '2026-12-31' });
    expect(restarted).not.toHaveProperty('dueOn');
    const direct = valueOf(restartAfterCorrection(calWith2027, sentBack, '2026-12-20'));
    expect(valueOf(refreshDueDate(calWith2027, restarted))).toEqual(direct);
    expect(direct.dueOn).toBe('2027-01-15');
  });

  it('resumes a suspension into pending instead of failing (decideTask resume)', () => {
    // Released Tue 12-01, due 12-29; suspended Thu 12-10 through Mon 12-28: 13 working days pushed past the data.
    const held = valueOf(claimTask(valueOf(releaseTask(cal, waiting, '2026-12-01', TWENTY)), 'reviewer:a'));
    const stopped = valueOf(decideTask(cal, held, suspend, 'reviewer:a', '2026-12-10'));
    expect(stopped.dueOn).toBe('2026-12-30');
    const resumed = valueOf(decideTask(cal, stopped, resume, 'reviewer:a', '2026-12-28'));
    expect(resumed).toMatchObject({ status: 'claimed', dueAfter: '2026-12-31' });
    expect(resumed).not.toHaveProperty('dueOn');
    const direct = valueOf(decideTask(calWith2027, stopped, resume, 'reviewer:a', '2026-12-28'));
    expect(valueOf(refreshDueDate(calWith2027, resumed))).toEqual(direct);
    expect(direct.dueOn).toBe('2027-01-15');
  });

  it('refreshes a suspended task as of the day its suspension began, as suspending would have', () => {
    // Released Tue 12-15: 12 working days left in December, so due in 2027; suspended Tue 12-22.
    const held = valueOf(claimTask(valueOf(releaseTask(cal, waiting, '2026-12-15', TWENTY)), 'reviewer:a'));
    const stopped = valueOf(decideTask(cal, held, suspend, 'reviewer:a', '2026-12-22'));
    expect(stopped).toMatchObject({ status: 'suspended', dueAfter: '2026-12-31' });
    const direct = valueOf(decideTask(calWith2027, valueOf(refreshDueDate(calWith2027, held)), suspend, 'reviewer:a', '2026-12-22'));
    expect(valueOf(refreshDueDate(calWith2027, stopped))).toEqual(direct);
    expect(direct.dueOn).toBe('2027-01-13');
  });

  it('records the real date when a decision comes after the year was added, and drops it on a correction request', () => {
    const held = valueOf(claimTask(pending, 'reviewer:a'));
    const approved = valueOf(decideTask(calWith2027, held, { kind: 'approve' }, 'reviewer:a', '2026-12-22'));
    expect(approved).toMatchObject({ status: 'approved', dueOn: '2027-01-15' });
    expect(approved).not.toHaveProperty('dueAfter');
    const sentBack = valueOf(decideTask(cal, held, { kind: 'request-correction', reason: '缺图', materialIds: ['m-1'] }, 'reviewer:a', '2026-12-22'));
    expect(sentBack).not.toHaveProperty('dueAfter');
    expect(sentBack).not.toHaveProperty('dueOn');
  });

  it('still fails on every other error: a year before the data, a bad date, a bad limit, a broken clock', () => {
    expect(releaseTask(cal, waiting, '2023-12-20', TWENTY)).toMatchObject({
      ok: false,
      error: { code: 'CALENDAR_YEAR_UNKNOWN', details: { year: 2023 } },
    });
    expect(codeOf(releaseTask(cal, waiting, '2026-12-32', TWENTY))).toBe('INVALID_DATE');
    expect(codeOf(releaseTask(cal, waiting, '2026-12-20', { value: -1, unit: 'working_days' }))).toBe('INVALID_INPUT');
    const broken: TaskState = { ...pending, clock: { ...pending.clock!, startedOn: '2026-13-01' } };
    expect(codeOf(refreshDueDate(calWith2027, broken))).toBe('INVALID_DATE');
  });
});

describe('findPromisedDate (承诺办结日 of a whole case)', () => {
  it('is a date inside the data, pending past it, and a date again once the year is added', () => {
    expect(findPromisedDate(cal, '2026-03-02', 20)).toEqual({ ok: true, value: { dueOn: '2026-03-30' } });
    expect(findPromisedDate(cal, '2026-12-20', 20)).toEqual({ ok: true, value: { dueAfter: '2026-12-31' } });
    expect(findPromisedDate(cal, '2027-01-05', 1)).toEqual({ ok: true, value: { dueAfter: '2026-12-31' } });
    expect(findPromisedDate(calWith2027, '2026-12-20', 20)).toEqual({ ok: true, value: { dueOn: '2027-01-15' } });
    expect(codeOf(findPromisedDate(cal, '2023-05-06', 20))).toBe('CALENDAR_YEAR_UNKNOWN');
  });
});
