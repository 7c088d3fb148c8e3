import { beforeAll, describe, expect, it } from 'vitest';
import { computeWaitPercentile, createWaitHistogram, recordWait, type HallReport } from '../../core/index.ts';
import type { CaseAcceptedReply } from '../schemas/case-replies.ts';
import type { EvaluationCreatedReply } from '../schemas/evaluation-replies.ts';
import {
  acceptCase,
  approve,
  bundleMatters,
  call,
  COMPANY,
  materialsFor,
  matterNamed,
  PERSON,
  postJson,
  resetCases,
  setBeijingTime,
  submitCase,
} from './case-helpers.ts';
import { OPERATOR, rateCaseOk, takeStep } from './evaluation-helpers.ts';
import { callNext, HALL, openWindows, takeTicket, ticketAction } from './hall-helpers.ts';
import { expectError } from './helpers.ts';
import { setHallTime } from './report-helpers.ts';

/**
 * A small scripted week of the Xiaoshan hall, Monday 23 – Friday 27 November 2026, through the routes only, and
 * the report over it: every figure below is what the script did, counted by hand.
 */

const MIN = 60_000;
const HUKOU = matterNamed('户口迁移审批'); // 公安分局 (gaj), promised in 1 working day
const FORM = OPERATOR.materials[0]!.id;

/** Both clocks — the case operations' and the hall's — at one Beijing local time. */
const at = async (local: string) => {
  setBeijingTime(local);
  await setHallTime(local);
};

const rate = async (c: CaseAcceptedReply, level: number): Promise<EvaluationCreatedReply> => rateCaseOk(c.number, { code: c.queryCode, level });

let bundle: CaseAcceptedReply;

/**
 * Monday: 4 tickets (waits 4, 6 and 20 minutes; services 16, 10 and 10; one cancelled) and 6 cases accepted — 4 at
 * general windows (one after a window correction: its second visit), 1 at a department window, 1 online.
 * Tuesday: 1 ticket (wait 2, service 8); three cases approved. Wednesday: two more, the 户口 one a day late.
 * Ratings 5, 4 and 3 (the ticket) on Tuesday; on Wednesday 差评 for the late case (never contacted: overdue by
 * Friday), the corrected one (contacted Thursday, replied Friday: on time) and the bundle (appeal upheld: excluded).
 */
const playWeek = async () => {
  await at('2026-11-23T09:00');
  await openWindows(['1', '2']);
  const tickets = [await takeTicket(), await takeTicket(), await takeTicket(), await takeTicket()];
  const [t1, t2, t3, t4] = tickets.map((t) => t.id) as [string, string, string, string];

  const operator = await acceptCase({ applicant: PERSON, matterCode: OPERATOR.code, materials: materialsFor([OPERATOR]) });
  const departmentRes = await postJson('/v1/cases', { hall: HALL, channel: 'window', intakeWindow: 'department', applicant: PERSON, matterCode: HUKOU.code, materials: materialsFor([HUKOU]) });
  expect(departmentRes.status, await departmentRes.clone().text()).toBe(201);
  const hukou = (await departmentRes.json()) as CaseAcceptedReply;
  const online = await acceptCase({ channel: 'online', applicant: PERSON, matterCode: OPERATOR.code, materials: materialsFor([OPERATOR]) });
  // 人防工程联合办理: two 5-day filings approved in parallel, 10 days one after the other.
  bundle = await acceptCase({ applicant: COMPANY, bundle: { id: 'civil-defence-works' }, materials: materialsFor(bundleMatters('civil-defence-works')) });
  await acceptCase({ applicant: PERSON, matterCode: OPERATOR.code, materials: materialsFor([OPERATOR]) }); // still running on Friday
  const incomplete = await submitCase({ applicant: PERSON, matterCode: OPERATOR.code, materials: materialsFor([OPERATOR], [FORM]) });
  const { number: correctedNumber, queryCode: correctedCode } = (await expectError(incomplete, 422, 'MATERIALS_INCOMPLETE')).details as { number: string; queryCode: string };

  await at('2026-11-23T09:04');
  expect((await callNext('1'))?.ticket.id).toBe(t1);
  await at('2026-11-23T09:06');
  expect((await callNext('2'))?.ticket.id).toBe(t2);
  await at('2026-11-23T09:16');
  await ticketAction(t2, 'complete', { outcome: 'case_accepted' });
  await at('2026-11-23T09:20');
  await ticketAction(t1, 'complete', { outcome: 'consultation_only' });
  expect((await callNext('1'))?.ticket.id).toBe(t3);
  await at('2026-11-23T09:30');
  await ticketAction(t3, 'complete', { outcome: 'referred' });
  await ticketAction(t4, 'cancel');

  await at('2026-11-23T14:00');
  const corrected = await postJson(`/v1/cases/${correctedNumber}/corrections`, { materials: materialsFor([OPERATOR]).filter((m) => m.materialId === FORM) });
  expect(corrected.status, await corrected.clone().text()).toBe(200);

  await at('2026-11-24T10:00');
  await openWindows(['1']);
  const t5 = (await takeTicket()).id;
  await at('2026-11-24T10:02');
  await callNext('1');
  await at('2026-11-24T10:10');
  await ticketAction(t5, 'complete', { outcome: 'consultation_only' });
  await approve(operator.tasks[0]!.id);
  await approve(online.tasks[0]!.id);
  for (const task of bundle.tasks) await approve(task.id);
  await at('2026-11-24T12:00');
  await rate(operator, 5);
  await rate(online, 4);
  const ticketRating = await postJson(`/v1/halls/${HALL}/tickets/${t5}/evaluation`, { level: 3 });
  expect(ticketRating.status, await ticketRating.clone().text()).toBe(201);

  await at('2026-11-25T11:00');
  await approve(hukou.tasks[0]!.id); // due Tuesday: a day late
  const correctedCase = await call(`/v1/cases/${correctedNumber}`);
  const correctedTask = ((await correctedCase.json()) as { tasks: { id: string }[] }).tasks[0]!;
  await approve(correctedTask.id);
  await at('2026-11-25T15:00');
  await rate(hukou, 1);
  const negative = await rateCaseOk(correctedNumber, { code: correctedCode, level: 2 });
  const appealed = await rate(bundle, 1);
  await takeStep(appealed.evaluation.id, 'appeal', { by: 'scjg-wang', reason: '评价人与办件无关' });

  await at('2026-11-26T09:30');
  await takeStep(appealed.evaluation.id, 'appeal-decision', { by: 'zwfw-li', upheld: true, reason: '经核实属恶意差评' });
  await takeStep(negative.evaluation.id, 'contact', { by: 'scjg-wang' });
  await at('2026-11-27T10:00');
  await takeStep(negative.evaluation.id, 'reply', { by: 'scjg-wang', text: '已优化一次性告知' });
  await at('2026-11-27T16:00');
};

const report = async (query: string): Promise<HallReport> => {
  const res = await call(`/v1/halls/${HALL}/report?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return (await res.json()) as HallReport;
};

const minutesOfP95 = (waits: readonly number[]) => {
  const histogram = createWaitHistogram();
  for (const w of waits) recordWait(histogram, w * MIN);
  return computeWaitPercentile(histogram, 0.95)! / MIN;
};

describe('GET /v1/halls/{hall}/report over a scripted week', () => {
  beforeAll(async () => {
    await resetCases();
    await playWeek();
  });

  it('counts front-desk concentration, tickets and cases per day, and waits as the script made them', async () => {
    const r = await report('from=2026-11-23&to=2026-11-27');
    expect(r.hallId).toBe(HALL);
    expect(r.period).toEqual({ from: '2026-11-23', to: '2026-11-27', days: 5, asOf: '2026-11-27' });
    expect(r.frontDesk).toEqual({
      generalWindow: 4,
      departmentWindow: 1,
      online: 1,
      concentration: { numerator: 4, denominator: 5, value: 0.8 },
      goal: 0.95,
      met: false,
      onlineShare: { numerator: 1, denominator: 6, value: 1 / 6 },
    });
    expect(r.days.map((d) => [d.date, d.ticketsTaken, d.ticketsServed, d.casesAccepted, d.casesCompleted])).toEqual([
      ['2026-11-23', 4, 3, 6, 0],
      ['2026-11-24', 1, 1, 0, 3],
      ['2026-11-25', 0, 0, 0, 2],
      ['2026-11-26', 0, 0, 0, 0],
      ['2026-11-27', 0, 0, 0, 0],
    ]);
    expect(r.days[0]).toMatchObject({ meanWaitMinutes: 10, meanHandlingMinutes: 12 });
    expect(r.days[0]!.p95WaitMinutes).toBeCloseTo(minutesOfP95([4, 6, 20]), 9);
    expect(r.days[1]).toMatchObject({ meanWaitMinutes: 2, meanHandlingMinutes: 8 });
    expect(r.totals).toEqual({
      ticketsTaken: 5,
      ticketsServed: 4,
      casesAccepted: 6,
      casesCompleted: 5,
      activeDays: 2,
      ticketsPerActiveDay: 2.5,
      casesPerActiveDay: 3,
    });
    expect(r.queue).toMatchObject({ waitCount: 4, meanWaitMinutes: 8, handlingCount: 4, meanHandlingMinutes: 11 });
    // The week's p95 is read from the merged histograms, not averaged from the days'.
    expect(r.queue.p95WaitMinutes).toBeCloseTo(minutesOfP95([4, 6, 20, 2]), 9);
  });

  it('judges each department on time against its promised limits, and counts days saved and visits', async () => {
    const r = await report('from=2026-11-23&to=2026-11-27');
    const gaj = r.onTime.departments.find((d) => d.departmentId === 'gaj');
    expect(gaj).toMatchObject({ name: '公安分局', onTime: 0, late: 1, overdueOpen: 0, rate: { value: 0 } });
    const scjg = r.onTime.departments.find((d) => d.departmentId === 'scjg');
    expect(scjg).toMatchObject({ name: '市场监管局', late: 0 });
    // The three operator cases decided (the fourth still runs, not yet due), and the bundle's two 住建 filings.
    expect(scjg).toMatchObject({ onTime: 3, rate: { value: 1 } });
    expect(r.onTime.departments.find((d) => d.departmentId === 'zjj')).toMatchObject({ onTime: 2, late: 0 });
    expect(r.onTime.hall).toMatchObject({ onTime: 5, late: 1, overdueOpen: 0, rate: { numerator: 5, denominator: 6 } });

    expect(r.parallelApproval).toEqual({
      bundleCases: 1,
      sequentialDays: bundle.plan.sequentialDays,
      criticalPathDays: bundle.plan.criticalPathDays,
      daysSaved: bundle.plan.sequentialDays - bundle.plan.criticalPathDays,
      meanDaysSaved: bundle.plan.sequentialDays - bundle.plan.criticalPathDays,
    });
    expect(r.parallelApproval).toMatchObject({ sequentialDays: 10, criticalPathDays: 5, daysSaved: 5 });
    // Completed: operator (1 visit), 户口 (1), online (0), bundle (1), corrected at the window (2).
    expect(r.visits).toEqual({
      cases: 5,
      total: 5,
      meanPerCase: 1,
      atMostOnce: { numerator: 4, denominator: 5, value: 0.8 },
      zero: { numerator: 1, denominator: 5, value: 0.2 },
      distribution: [
        { visits: 0, cases: 1 },
        { visits: 1, cases: 3 },
        { visits: 2, cases: 1 },
      ],
    });
  });

  it('reports satisfaction and 差评 handling, the overdue rectification included', async () => {
    const { satisfaction } = await report('from=2026-11-23&to=2026-11-27');
    expect(satisfaction).toEqual({
      counted: 5,
      excluded: 1,
      byLevel: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 },
      meanLevel: 3,
      satisfied: { numerator: 3, denominator: 5, value: 0.6 },
      negative: { numerator: 2, denominator: 5, value: 0.4 },
      rectifications: { opened: 2, onTime: 1, overdue: 1, open: 0, onTimeRate: { numerator: 1, denominator: 2, value: 0.5 } },
      appeals: { upheld: 1, rejected: 0, pending: 0 },
      followUps: { given: 0, satisfied: { numerator: 0, denominator: 0, value: null } },
    });
  });

  it('judges a closed period at its end: a task due in it and decided after it is late', async () => {
    const r = await report('from=2026-11-23&to=2026-11-24');
    expect(r.period.asOf).toBeNull();
    expect(r.onTime.departments.find((d) => d.departmentId === 'gaj')).toMatchObject({ onTime: 0, late: 1 });
    expect(r.totals).toMatchObject({ casesAccepted: 6, casesCompleted: 3, ticketsTaken: 5 });
    // Ratings are those given in the period: Tuesday's three.
    expect(r.satisfaction).toMatchObject({ counted: 3, excluded: 0, rectifications: { opened: 0 } });
  });

  it('answers the CSV for Excel: BOM, attachment, the section headers', async () => {
    const res = await call(`/v1/halls/${HALL}/report?from=2026-11-23&to=2026-11-27&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="hall-report-xiaoshan-2026-11-23-2026-11-27.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(bytes);
    expect(text.startsWith('\uFEFF报表信息 (Report)\r\n')).toBe(true);
    for (const header of ['主要指标 (Key figures)', '每日统计 (Daily)', '部门按时办结 (On-time by department)', '跑动次数分布 (Visits per case)', '评价等级分布 (Ratings by level)']) {
      expect(text).toContain(`\r\n${header}\r\n`);
    }
    expect(text).toContain('前台集中受理率 (Front-desk concentration rate),80.00,%,4,5,95.00,否 (no)');
  });

  it('refuses a bad period or format with the error model, and an unknown hall', async () => {
    await expectError(await call(`/v1/halls/${HALL}/report?from=2026-02-30&to=2026-03-01`), 400, 'INVALID_DATE');
    await expectError(await call(`/v1/halls/${HALL}/report?from=2026-11-23&to=yesterday`), 400, 'INVALID_DATE');
    const reversed = await expectError(await call(`/v1/halls/${HALL}/report?from=2026-11-27&to=2026-11-23`), 400, 'INVALID_INPUT');
    expect(reversed.details).toMatchObject({ reason: 'from-after-to' });
    const long = await expectError(await call(`/v1/halls/${HALL}/report?from=2025-01-01&to=2026-11-27`), 400, 'INVALID_INPUT');
    expect(long.details).toMatchObject({ reason: 'period-too-long' });
    await expectError(await call(`/v1/halls/${HALL}/report?from=2026-11-23`), 400, 'INVALID_INPUT');
    await expectError(await call(`/v1/halls/${HALL}/report?from=2026-11-23&to=2026-11-27&format=xlsx`), 400, 'INVALID_INPUT');
    await expectError(await call('/v1/halls/nowhere/report?from=2026-11-23&to=2026-11-27'), 404, 'HALL_NOT_FOUND');
  });
});
