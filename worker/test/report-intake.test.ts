import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectError } from './helpers.ts';
import { acceptCase, materialsFor, matterNamed, PERSON, postJson, resetCases, setBeijingTime, submitCase } from './case-helpers.ts';

/** Where a case came in and how often the applicant came: what 前台集中受理率 and 最多跑一次 are computed from. */

const OPERATOR = matterNamed('特种设备作业人员资格认定取证');
const FORM = OPERATOR.materials[0]!.id;
const ALL = materialsFor([OPERATOR]);

const intakeOf = (number: string) =>
  env.DB.prepare('SELECT intake_window AS intakeWindow, visits FROM cases WHERE number = ?').bind(number).first<{ intakeWindow: string | null; visits: number }>();

beforeEach(async () => {
  await resetCases();
  setBeijingTime('2026-11-27T10:00');
});

describe('intake window and visits', () => {
  it('records a window intake at a general window by default as one visit, a department window when said, online as none', async () => {
    const general = await acceptCase({ applicant: PERSON, matterCode: OPERATOR.code, materials: ALL });
    expect(await intakeOf(general.number)).toEqual({ intakeWindow: 'general', visits: 1 });
    const res = await postJson('/v1/cases', { hall: 'xiaoshan', channel: 'window', intakeWindow: 'department', applicant: PERSON, matterCode: OPERATOR.code, materials: ALL });
    expect(res.status).toBe(201);
    expect(await intakeOf(((await res.json()) as { number: string }).number)).toEqual({ intakeWindow: 'department', visits: 1 });
    const online = await acceptCase({ channel: 'online', applicant: PERSON, matterCode: OPERATOR.code, materials: ALL });
    expect(await intakeOf(online.number)).toEqual({ intakeWindow: null, visits: 0 });
  });

  it('refuses an intake window on an online declaration', async () => {
    const res = await postJson('/v1/cases', { hall: 'xiaoshan', channel: 'online', intakeWindow: 'general', applicant: PERSON, matterCode: OPERATOR.code, materials: ALL });
    const error = await expectError(res, 400, 'INVALID_INPUT');
    expect(JSON.stringify(error.details)).toContain('intakeWindow');
  });

  it('counts a correction handed in at a window as one more visit, and one sent online as none', async () => {
    const res = await submitCase({ applicant: PERSON, matterCode: OPERATOR.code, materials: ALL.filter((m) => m.materialId !== FORM) });
    const { number } = (await expectError(res, 422, 'MATERIALS_INCOMPLETE')).details as { number: string };
    expect(await intakeOf(number)).toEqual({ intakeWindow: 'general', visits: 1 });
    // An online correction that is still short: no trip.
    const online = await postJson(`/v1/cases/${number}/corrections`, { channel: 'online', materials: ALL.filter((m) => m.materialId === 'resident-id-card').map((m) => ({ ...m, readable: false })) });
    await expectError(online, 422, 'MATERIALS_INCOMPLETE');
    expect((await intakeOf(number))?.visits).toBe(1);
    // At the window (the case's channel, the default): the second trip.
    const done = await postJson(`/v1/cases/${number}/corrections`, { materials: ALL.filter((m) => m.materialId === FORM || m.materialId === 'resident-id-card') });
    expect(done.status, await done.clone().text()).toBe(200);
    expect(await intakeOf(number)).toEqual({ intakeWindow: 'general', visits: 2 });
  });
});
