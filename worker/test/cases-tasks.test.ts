import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectError } from './helpers.ts';
import {
  acceptCase,
  bundleMatters,
  call,
  claim,
  decide,
  getCase,
  inbox,
  materialsFor,
  matterNamed,
  PERSON,
  postJson,
  resetCases,
  setBeijingTime,
  taskOf,
} from './case-helpers.ts';

/** 特种设备作业人员资格认定取证: 市场监管局, promised in 10 working days. */
const OPERATOR = matterNamed('特种设备作业人员资格认定取证');

const acceptOperatorCase = () => acceptCase({ applicant: PERSON, matterCode: OPERATOR.code, materials: materialsFor([OPERATOR]) });

beforeEach(async () => {
  await resetCases();
  setBeijingTime('2026-11-27T10:00'); // Friday; due 10 working days later: Friday 11 December
});

describe('POST /v1/tasks/{id}/claim', () => {
  it('lets exactly one of two reviewers claiming at once hold the task', async () => {
    const { tasks } = await acceptOperatorCase();
    const id = tasks[0]!.id;
    const [a, b] = await Promise.all([
      postJson(`/v1/tasks/${id}/claim`, { reviewer: 'scjg-wang' }),
      postJson(`/v1/tasks/${id}/claim`, { reviewer: 'scjg-li' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
    const held = (await winner.json()) as { claimedBy: string; status: string };
    expect(held.status).toBe('claimed');
    const refused = await expectError(loser, 409, 'TASK_ALREADY_CLAIMED');
    expect(refused.details?.claimedBy).toBe(held.claimedBy);
    // One claim event, and the task row agrees with it.
    const events = await env.DB.prepare("SELECT count(*) AS n FROM case_events WHERE type = 'task-claimed'").first('n');
    expect(events).toBe(1);
    expect((await getCase(tasks[0]!.caseNumber)).tasks[0]?.claimedBy).toBe(held.claimedBy);
  });

  it('never lets many reviewers racing for many tasks of one case hold the same task', async () => {
    const accepted = await acceptCase({ applicant: PERSON, bundle: { id: 'birth' }, materials: materialsFor(bundleMatters('birth')) });
    const id = taskOf(accepted.tasks, 'birth-certificate').id;
    const replies = await Promise.all(Array.from({ length: 8 }, (_, i) => postJson(`/v1/tasks/${id}/claim`, { reviewer: `wjj-${i}` })));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(7);
  });

  it('gives the holder the task again, refuses a waiting task, and answers unknown tasks and bad bodies', async () => {
    const accepted = await acceptCase({ applicant: PERSON, bundle: { id: 'birth' }, materials: materialsFor(bundleMatters('birth')) });
    const first = taskOf(accepted.tasks, 'birth-certificate').id;
    await claim(first, 'wjj-zhou');
    expect((await claim(first, 'wjj-zhou')).claimedBy).toBe('wjj-zhou');
    await expectError(await postJson(`/v1/tasks/${taskOf(accepted.tasks, 'household').id}/claim`, { reviewer: 'gaj-chen' }), 409, 'TASK_NOT_RELEASED');
    await expectError(await postJson('/v1/tasks/no-such-task/claim', { reviewer: 'x' }), 404, 'TASK_NOT_FOUND');
    await expectError(await postJson(`/v1/tasks/${first}/claim`, { reviewer: '  ' }), 400, 'INVALID_INPUT');
    await expectError(await postJson(`/v1/tasks/${first}/claim`, { reviewer: 42 }), 400, 'INVALID_INPUT');
    // No reviewer in the body: the token's staff member claims (here the department's default member, not the holder).
    const held = await expectError(await postJson(`/v1/tasks/${first}/claim`, {}), 409, 'TASK_ALREADY_CLAIMED');
    expect(JSON.stringify(held.details)).toContain('wjj-zhou');
  });
});

describe('POST /v1/tasks/{id}/decision', () => {
  it('takes decisions only from the holder, and none after the final one', async () => {
    const { tasks } = await acceptOperatorCase();
    const id = tasks[0]!.id;
    await expectError(await postJson(`/v1/tasks/${id}/decision`, { reviewer: 'scjg-wang', decision: { kind: 'approve' } }), 409, 'TASK_NOT_HELD');
    await claim(id, 'scjg-wang');
    await expectError(await postJson(`/v1/tasks/${id}/decision`, { reviewer: 'scjg-li', decision: { kind: 'approve' } }), 409, 'TASK_NOT_HELD');
    await expectError(await postJson(`/v1/tasks/${id}/decision`, { reviewer: 'scjg-wang', decision: { kind: 'resume' } }), 409, 'CLOCK_STATE_CONFLICT');
    const approved = await decide(id, 'scjg-wang', { kind: 'approve' });
    expect(approved.case.status).toBe('approved');
    await expectError(await postJson(`/v1/tasks/${id}/decision`, { reviewer: 'scjg-wang', decision: { kind: 'reject', reason: 'x' } }), 409, 'TASK_ALREADY_DECIDED');
    const events = await env.DB.prepare('SELECT type FROM case_events ORDER BY seq').all<{ type: string }>();
    // The completed case's results are ready at the issuing window (统一出证) in the same write.
    expect(events.results.map((e) => e.type).slice(-4)).toEqual(['task-claimed', 'task-approved', 'case-completed', 'results-ready']);
  });

  it('answers bad decisions with INVALID_INPUT and unknown tasks with 404', async () => {
    const { tasks } = await acceptOperatorCase();
    const id = tasks[0]!.id;
    await claim(id, 'scjg-wang');
    const bad: unknown[] = [
      { reviewer: 'scjg-wang' },
      { reviewer: 'scjg-wang', decision: { kind: 'maybe' } },
      { reviewer: 'scjg-wang', decision: { kind: 'reject' } },
      { reviewer: 'scjg-wang', decision: { kind: 'reject', reason: '   ' } },
      { reviewer: 'scjg-wang', decision: { kind: 'suspend', reason: '现场核查', suspension: 'lunch' } },
      { reviewer: 'scjg-wang', decision: { kind: 'request-correction', reason: '看不清', materialIds: [] } },
      { reviewer: 'scjg-wang', decision: { kind: 'request-correction', reason: '看不清', materialIds: ['not-on-the-checklist'] } },
    ];
    for (const body of bad) await expectError(await postJson(`/v1/tasks/${id}/decision`, body), 400, 'INVALID_INPUT');
    await expectError(await postJson('/v1/tasks/nope/decision', { reviewer: 'a', decision: { kind: 'approve' } }), 404, 'TASK_NOT_FOUND');
  });

  it('moves the due date by the working days the clock was suspended', async () => {
    const { tasks } = await acceptOperatorCase();
    const id = tasks[0]!.id;
    expect(tasks[0]!.dueOn).toBe('2026-12-11');
    await claim(id, 'scjg-wang');
    setBeijingTime('2026-11-30T09:00'); // Monday
    const suspended = await decide(id, 'scjg-wang', { kind: 'suspend', reason: '需现场核查设备', suspension: 'inspection' });
    expect(suspended.task).toMatchObject({ status: 'suspended', suspensions: [{ from: '2026-11-30', to: null, reason: 'inspection' }] });
    setBeijingTime('2026-12-03T16:00'); // Thursday: Monday to Thursday are not counted
    const resumed = await decide(id, 'scjg-wang', { kind: 'resume' });
    expect(resumed.task).toMatchObject({ status: 'claimed', suspensions: [{ from: '2026-11-30', to: '2026-12-03' }] });
    expect(resumed.task.dueOn).toBe('2026-12-17');
    expect((await getCase(tasks[0]!.caseNumber)).tasks[0]?.dueOn).toBe('2026-12-17');
  });
});

describe('GET /v1/departments/{id}/tasks', () => {
  it('orders the inbox by due date and warns as the due date nears and passes', async () => {
    const later = await acceptOperatorCase(); // due 11 December
    setBeijingTime('2026-11-30T10:00');
    const fire = matterNamed('特种设备作业人员资格认定复审'); // 5 working days: due 7 December
    const sooner = await acceptCase({ applicant: PERSON, matterCode: fire.code, materials: materialsFor([fire]) });
    const order = (await inbox('scjg')).tasks.map((t) => t.caseNumber);
    expect(order).toEqual([sooner.number, later.number]);

    const level = async (local: string) => {
      setBeijingTime(local);
      const task = (await inbox('scjg')).tasks.find((t) => t.caseNumber === later.number)!;
      return [task.deadline?.level, task.deadline?.workingDaysLeft];
    };
    expect(await level('2026-12-01T10:00')).toEqual(['on-track', 8]);
    expect(await level('2026-12-09T10:00')).toEqual(['near', 2]);
    expect(await level('2026-12-11T10:00')).toEqual(['due-today', 0]);
    expect(await level('2026-12-14T10:00')).toEqual(['overdue', -1]);
  });

  it('filters by status and leaves out waiting and decided tasks', async () => {
    const a = await acceptOperatorCase();
    const b = await acceptOperatorCase();
    await claim(b.tasks[0]!.id, 'scjg-wang');
    expect((await inbox('scjg', '?status=open')).tasks.map((t) => t.caseNumber)).toEqual([a.number]);
    expect((await inbox('scjg', '?status=claimed')).tasks.map((t) => t.claimedBy)).toEqual(['scjg-wang']);
    await decide(b.tasks[0]!.id, 'scjg-wang', { kind: 'approve' });
    expect((await inbox('scjg')).tasks.map((t) => t.caseNumber)).toEqual([a.number]);
  });

  it('answers 404 for an unknown department and 400 for a bad filter', async () => {
    await expectError(await call('/v1/departments/nope/tasks'), 404, 'DEPARTMENT_NOT_FOUND');
    await expectError(await call('/v1/departments/scjg/tasks?status=approved'), 400, 'INVALID_INPUT');
    await expectError(await call('/v1/departments/scjg/tasks?limit=0'), 400, 'INVALID_INPUT');
  });
});
