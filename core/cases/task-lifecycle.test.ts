import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadChinaCalendar } from '../clock/index.ts';
import type { TimeLimit } from '../catalog/types.ts';
import type { Result } from '../result.ts';
import { decideTask } from './decide-task.ts';
import {
  claimTask,
  releaseTask,
  restartAfterCorrection,
  summarizeCaseStatus,
  withdrawTask,
} from './task-lifecycle.ts';
import type { TaskDecision, TaskState, TaskStatus } from './types.ts';

const cal = loadChinaCalendar();
const TWENTY: TimeLimit = { value: 20, unit: 'working_days' };

const waiting: TaskState = {
  id: 'task-1',
  key: 'food-licence',
  matterCode: '11330109MB0000000X-FOOD',
  departmentId: 'scjg',
  stage: 2,
  dependsOn: ['business-licence'],
  status: 'waiting',
  clock: null,
};

const valueOf = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
};
const codeOf = (result: Result<unknown>): string => (result.ok ? 'ok' : result.error.code);

/** Released Mon 2026-03-02 with 20 working days: due Mon 2026-03-30 (March has no holidays). */
const open = valueOf(releaseTask(cal, waiting, '2026-03-02', TWENTY));
const claimed = valueOf(claimTask(open, 'reviewer:a'));
const decide = (task: TaskState, decision: TaskDecision, today: string, reviewer = 'reviewer:a') =>
  decideTask(cal, task, decision, reviewer, today);
const suspend: TaskDecision = { kind: 'suspend', reason: '现场核查经营场所', suspension: 'inspection' };
const resume: TaskDecision = { kind: 'resume' };
const suspended = valueOf(decide(claimed, suspend, '2026-03-10'));
const awaiting = valueOf(decide(claimed, { kind: 'request-correction', reason: '平面图不清晰', materialIds: ['m-3'] }, '2026-03-05'));

describe('releaseTask', () => {
  it('opens a waiting task with a clock started today, the release day not counted', () => {
    expect(open).toMatchObject({
      status: 'open',
      clock: { startedOn: '2026-03-02', limit: TWENTY, suspensions: [] },
      dueOn: '2026-03-30',
    });
    expect(open).not.toHaveProperty('claimedBy');
  });

  it('keeps the first clock when a release is retried', () => {
    expect(releaseTask(cal, open, '2026-03-04', TWENTY)).toEqual({ ok: true, value: open });
    expect(releaseTask(cal, claimed, '2026-03-04', TWENTY)).toEqual({ ok: true, value: claimed });
  });

  it('refuses a decided task, a bad date and a year before the official schedules', () => {
    const approved = valueOf(decide(claimed, { kind: 'approve' }, '2026-03-03'));
    expect(codeOf(releaseTask(cal, approved, '2026-03-04', TWENTY))).toBe('TASK_ALREADY_DECIDED');
    expect(codeOf(releaseTask(cal, waiting, '2026-02-30', TWENTY))).toBe('INVALID_DATE');
    expect(codeOf(releaseTask(cal, waiting, '2023-03-01', TWENTY))).toBe('CALENDAR_YEAR_UNKNOWN');
  });

  it('releases a task in a year not yet published with its due date pending, never refused (pending-due-date.test.ts)', () => {
    expect(valueOf(releaseTask(cal, waiting, '2030-03-04', TWENTY))).toMatchObject({ status: 'open', dueAfter: '2026-12-31' });
  });
});

describe('claimTask', () => {
  it('gives a task to one reviewer only: the second gets TASK_ALREADY_CLAIMED', () => {
    expect(claimed).toMatchObject({ status: 'claimed', claimedBy: 'reviewer:a' });
    const second = claimTask(claimed, 'reviewer:b');
    expect(second).toEqual({
      ok: false,
      error: { code: 'TASK_ALREADY_CLAIMED', details: { taskId: 'task-1', status: 'claimed', claimedBy: 'reviewer:a' } },
    });
  });

  it('is idempotent for the holder, also while suspended or awaiting correction', () => {
    for (const task of [claimed, suspended, awaiting]) {
      expect(claimTask(task, 'reviewer:a')).toEqual({ ok: true, value: task });
      expect(codeOf(claimTask(task, 'reviewer:b'))).toBe('TASK_ALREADY_CLAIMED');
    }
  });

  it('keeps the first claimer whatever order the others race in', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 12 }), (claimers) => {
        let task = open;
        for (const reviewer of claimers) {
          const result = claimTask(task, reviewer);
          if (reviewer === claimers[0]) task = valueOf(result);
          else expect(codeOf(result)).toBe('TASK_ALREADY_CLAIMED');
        }
        expect(task.claimedBy).toBe(claimers[0]);
      }),
    );
  });

  it('refuses a waiting task, a decided task and a blank reviewer', () => {
    expect(codeOf(claimTask(waiting, 'reviewer:a'))).toBe('TASK_NOT_RELEASED');
    expect(codeOf(claimTask(valueOf(withdrawTask(waiting, '前置事项未通过')), 'reviewer:a'))).toBe('TASK_ALREADY_DECIDED');
    expect(codeOf(claimTask(open, '  '))).toBe('INVALID_INPUT');
  });
});

describe('decideTask: status × decision', () => {
  const decisions: Record<string, TaskDecision> = {
    approve: { kind: 'approve', note: '准予许可' },
    reject: { kind: 'reject', reason: '选址不符合规划' },
    'request-correction': { kind: 'request-correction', reason: '缺少平面图', materialIds: ['m-2'] },
    suspend,
    resume,
  };
  const states: Record<TaskStatus, TaskState> = {
    waiting,
    open,
    claimed,
    suspended,
    'awaiting-correction': awaiting,
    approved: valueOf(decide(claimed, decisions.approve!, '2026-03-11')),
    rejected: valueOf(decide(claimed, decisions.reject!, '2026-03-11')),
    withdrawn: valueOf(withdrawTask(waiting, '前置事项未通过')),
  };
  const CONFLICT = 'CLOCK_STATE_CONFLICT';
  /** For the holder (reviewer:a): each status's outcome per decision, in the order of `decisions`. */
  const holder: Record<TaskStatus, readonly string[]> = {
    waiting: Array(5).fill('TASK_NOT_RELEASED'),
    open: Array(5).fill('TASK_NOT_HELD'),
    claimed: ['approved', 'rejected', 'awaiting-correction', 'suspended', CONFLICT],
    suspended: [CONFLICT, CONFLICT, CONFLICT, CONFLICT, 'claimed'],
    'awaiting-correction': Array(5).fill(CONFLICT),
    approved: Array(5).fill('TASK_ALREADY_DECIDED'),
    rejected: Array(5).fill('TASK_ALREADY_DECIDED'),
    withdrawn: Array(5).fill('TASK_ALREADY_DECIDED'),
  };
  const cases = Object.entries(holder).flatMap(([status, outcomes]) =>
    Object.keys(decisions).map((kind, i) => [status as TaskStatus, kind, outcomes[i]!] as const),
  );
  const outcomeOf = (result: Result<TaskState>): string => (result.ok ? result.value.status : result.error.code);

  it.each(cases)('holder: %s + %s → %s', (status, kind, expected) => {
    expect(outcomeOf(decide(states[status], decisions[kind]!, '2026-03-13'))).toBe(expected);
  });

  it.each(cases)('another reviewer: %s + %s → not held unless waiting or decided', (status, kind, forHolder) => {
    const expected = ['TASK_NOT_RELEASED', 'TASK_ALREADY_DECIDED'].includes(forHolder) ? forHolder : 'TASK_NOT_HELD';
    expect(outcomeOf(decide(states[status], decisions[kind]!, '2026-03-13', 'reviewer:b'))).toBe(expected);
  });

  it('requires a non-blank reason to reject, send back or suspend, and a known suspension category', () => {
    expect(codeOf(decide(claimed, { kind: 'reject', reason: ' ' }, '2026-03-11'))).toBe('INVALID_INPUT');
    expect(codeOf(decide(claimed, { kind: 'request-correction', reason: '', materialIds: [] }, '2026-03-11'))).toBe('INVALID_INPUT');
    expect(codeOf(decide(claimed, { kind: 'request-correction', reason: '缺图', materialIds: [' '] }, '2026-03-11'))).toBe('INVALID_INPUT');
    expect(codeOf(decide(claimed, { ...suspend, reason: '' }, '2026-03-11'))).toBe('INVALID_INPUT');
    const unknown = { ...suspend, suspension: 'lunch' } as unknown as TaskDecision;
    expect(codeOf(decide(claimed, unknown, '2026-03-11'))).toBe('INVALID_INPUT');
    expect(codeOf(decide(claimed, { kind: 'sign' } as unknown as TaskDecision, '2026-03-11'))).toBe('INVALID_INPUT');
  });

  it('refuses a date before the clock started, and a bad date', () => {
    expect(codeOf(decide(claimed, { kind: 'approve' }, '2026-03-01'))).toBe('INVALID_INPUT');
    expect(codeOf(decide(claimed, { kind: 'approve' }, '2026-3-11'))).toBe('INVALID_DATE');
  });

  it('keeps the reason, the materials and the holder of a correction request, and drops the due date', () => {
    expect(awaiting).toMatchObject({ status: 'awaiting-correction', claimedBy: 'reviewer:a', reason: '平面图不清晰', correctionMaterialIds: ['m-3'] });
    expect(awaiting).not.toHaveProperty('dueOn');
  });

  it('keeps the clock and due date of a final decision, and the trimmed reason of a rejection', () => {
    expect(states.rejected).toMatchObject({ reason: '选址不符合规划', dueOn: '2026-03-30', clock: claimed.clock });
    expect(states.approved).not.toHaveProperty('reason');
  });
});

describe('suspension and the due date', () => {
  it('opens a suspension from today; as of today the due date already moves by that day', () => {
    expect(suspended).toMatchObject({
      status: 'suspended',
      reason: '现场核查经营场所',
      clock: { suspensions: [{ from: '2026-03-10', reason: 'inspection' }] },
      dueOn: '2026-03-31',
    });
  });

  it('moves the due date by the suspended working days, resumption day included', () => {
    // Suspended Tue 3/10 through Fri 3/13 (resumed that day): 4 working days, so 3/30 → Fri 4/3.
    const resumed = valueOf(decide(suspended, resume, '2026-03-13'));
    expect(resumed).toMatchObject({
      status: 'claimed',
      claimedBy: 'reviewer:a',
      clock: { suspensions: [{ from: '2026-03-10', to: '2026-03-13', reason: 'inspection' }] },
      dueOn: '2026-04-03',
    });
    expect(resumed).not.toHaveProperty('reason');
  });

  it('does not count suspended weekends: 3/13 (Fri) through 3/16 (Mon) costs two working days', () => {
    const s = valueOf(decide(claimed, suspend, '2026-03-13'));
    expect(valueOf(decide(s, resume, '2026-03-16')).dueOn).toBe('2026-04-01');
  });

  it('excludes one day when suspended and resumed the same day', () => {
    const s = valueOf(decide(claimed, suspend, '2026-03-10'));
    expect(valueOf(decide(s, resume, '2026-03-10')).dueOn).toBe('2026-03-31');
  });

  it('never excludes a day twice when suspended again on the day of a resumption', () => {
    let task = valueOf(decide(suspended, resume, '2026-03-12'));
    task = valueOf(decide(task, { ...suspend, suspension: 'expert-review' }, '2026-03-12'));
    task = valueOf(decide(task, resume, '2026-03-13'));
    expect(task.clock?.suspensions).toEqual([
      { from: '2026-03-10', to: '2026-03-11', reason: 'inspection' },
      { from: '2026-03-12', to: '2026-03-13', reason: 'expert-review' },
    ]);
    expect(task.dueOn).toBe('2026-04-03');
  });

  it('drops a stretch wholly inside the new one (suspended, resumed and suspended the same day)', () => {
    let task = valueOf(decide(claimed, suspend, '2026-03-10'));
    task = valueOf(decide(task, resume, '2026-03-10'));
    task = valueOf(decide(task, { ...suspend, suspension: 'testing' }, '2026-03-10'));
    expect(task.clock?.suspensions).toEqual([{ from: '2026-03-10', reason: 'testing' }]);
  });

  it('refuses a resumption dated before the suspension', () => {
    expect(codeOf(decide(suspended, resume, '2026-03-09'))).toBe('INVALID_INPUT');
  });
});

describe('restartAfterCorrection', () => {
  it('starts a new clock on the day complete materials arrive, and gives the task back to its reviewer', () => {
    // Corrections arrive Fri 3/20; 20 working days after it, skipping 清明 (Mon 4/6): Mon 4/20.
    const restarted = valueOf(restartAfterCorrection(cal, awaiting, '2026-03-20'));
    expect(restarted).toMatchObject({
      status: 'claimed',
      claimedBy: 'reviewer:a',
      clock: { startedOn: '2026-03-20', limit: TWENTY, suspensions: [] },
      dueOn: '2026-04-20',
    });
    expect(restarted).not.toHaveProperty('reason');
    expect(restarted).not.toHaveProperty('correctionMaterialIds');
  });

  it('returns a task nobody holds to the pool', () => {
    const { claimedBy: _, ...unheld } = awaiting;
    expect(valueOf(restartAfterCorrection(cal, unheld, '2026-03-20')).status).toBe('open');
  });

  it('refuses a task that is not waiting for a correction', () => {
    expect(codeOf(restartAfterCorrection(cal, claimed, '2026-03-20'))).toBe('CASE_NOT_AWAITING_CORRECTION');
    expect(codeOf(restartAfterCorrection(cal, waiting, '2026-03-20'))).toBe('TASK_NOT_RELEASED');
    expect(codeOf(restartAfterCorrection(cal, valueOf(withdrawTask(waiting, '前置事项未通过')), '2026-03-20'))).toBe(
      'TASK_ALREADY_DECIDED',
    );
    expect(codeOf(restartAfterCorrection(cal, awaiting, '2026-02-27'))).toBe('INVALID_INPUT');
  });
});

describe('withdrawTask', () => {
  it('ends a waiting task whose predecessor was rejected', () => {
    expect(valueOf(withdrawTask(waiting, ' 营业执照未获批准 '))).toMatchObject({ status: 'withdrawn', reason: '营业执照未获批准' });
  });

  it('refuses a released or decided task and a blank reason', () => {
    expect(codeOf(withdrawTask(open, '前置事项未通过'))).toBe('CLOCK_STATE_CONFLICT');
    expect(codeOf(withdrawTask(valueOf(withdrawTask(waiting, 'x')), 'x'))).toBe('TASK_ALREADY_DECIDED');
    expect(codeOf(withdrawTask(waiting, ''))).toBe('INVALID_INPUT');
  });
});

describe('purity', () => {
  it('never changes the task it is given', () => {
    const inputs = [waiting, open, claimed, suspended, awaiting];
    const before = structuredClone(inputs);
    releaseTask(cal, waiting, '2026-03-02', TWENTY);
    claimTask(open, 'reviewer:b');
    decide(claimed, suspend, '2026-03-11');
    decide(suspended, resume, '2026-03-12');
    decide(claimed, { kind: 'request-correction', reason: '缺图', materialIds: ['m-1', 'm-1'] }, '2026-03-11');
    restartAfterCorrection(cal, awaiting, '2026-03-20');
    withdrawTask(waiting, '前置事项未通过');
    expect(inputs).toEqual(before);
  });
});

describe('summarizeCaseStatus', () => {
  const task = (status: TaskStatus): TaskState => ({ ...waiting, status });
  it.each([
    [[], 'in-review'],
    [['waiting', 'open'], 'in-review'],
    [['approved', 'claimed'], 'in-review'],
    [['approved', 'suspended'], 'in-review'],
    [['approved', 'awaiting-correction'], 'awaiting-correction'],
    [['rejected', 'awaiting-correction'], 'awaiting-correction'],
    [['approved'], 'approved'],
    [['approved', 'approved', 'approved'], 'approved'],
    [['rejected'], 'rejected'],
    [['rejected', 'withdrawn'], 'rejected'],
    [['approved', 'rejected'], 'partly-approved'],
    [['approved', 'rejected', 'withdrawn'], 'partly-approved'],
    [['approved', 'withdrawn'], 'partly-approved'],
  ] as const)('%j → %s', (statuses, expected) => {
    expect(summarizeCaseStatus(statuses.map(task))).toBe(expected);
  });
});
