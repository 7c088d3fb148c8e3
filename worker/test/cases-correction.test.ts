import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseReply } from '../schemas/case-replies.ts';
import { expectError } from './helpers.ts';
import {
  acceptCase,
  claim,
  decide,
  getCase,
  inbox,
  materialsFor,
  matterNamed,
  PERSON,
  postJson,
  residentId,
  resetCases,
  setBeijingTime,
  submitCase,
} from './case-helpers.ts';

const OPERATOR = matterNamed('特种设备作业人员资格认定取证'); // 10 working days
const FORM = OPERATOR.materials[0]!.id; // the application form, matter-specific
const ALL = materialsFor([OPERATOR]);
const only = (id: string) => ALL.filter((m) => m.materialId === id);

/** Registers a case missing its application form; answers its number. */
const registerIncomplete = async (applicant: Record<string, unknown> = PERSON) => {
  const res = await submitCase({ applicant, matterCode: OPERATOR.code, materials: ALL.filter((m) => m.materialId !== FORM) });
  const error = await expectError(res, 422, 'MATERIALS_INCOMPLETE');
  return (error.details as { number: string }).number;
};

const correct = (number: string, body: unknown) => postJson(`/v1/cases/${encodeURIComponent(number)}/corrections`, body);

beforeEach(async () => {
  await resetCases();
  setBeijingTime('2026-11-27T10:00'); // Friday
});

describe('POST /v1/cases/{number}/corrections (before acceptance)', () => {
  it('accepts the case when the correction completes it, the clock starting on the correction day', async () => {
    const number = await registerIncomplete();
    setBeijingTime('2026-12-01T15:00'); // Tuesday
    const res = await correct(number, { materials: only(FORM) });
    expect(res.status, await res.clone().text()).toBe(200);
    const view = (await res.json()) as CaseReply;
    expect(view).toMatchObject({ number, status: 'in-review', acceptedOn: '2026-12-01' });
    // 10 working days from Tuesday 1 December (not counted): Tuesday 15 December.
    expect(view.dueOn).toBe('2026-12-15');
    expect(view.tasks[0]).toMatchObject({ status: 'open', startedOn: '2026-12-01', dueOn: '2026-12-15' });
    expect(view.notices.map((n) => n.resolvedAt !== null)).toEqual([true]);
    expect((await inbox('scjg')).tasks.map((t) => t.caseNumber)).toEqual([number]);
  });

  it('answers a new notice while something is still missing, and keeps earlier materials', async () => {
    const number = await registerIncomplete();
    const still = await correct(number, { materials: only('resident-id-card').map((m) => ({ ...m, readable: false })) });
    const error = await expectError(still, 422, 'MATERIALS_INCOMPLETE');
    const defects = (error.details as { notice: { defects: { reason: string; materialId: string }[] } }).notice.defects;
    expect(defects.map((d) => [d.reason, d.materialId]).sort()).toEqual([['missing', FORM], ['unreadable', 'resident-id-card']]);
    const view = await getCase(number);
    expect(view.status).toBe('awaiting-correction');
    expect(view.notices.map((n) => n.resolvedAt === null)).toEqual([false, true]);
    // Handing in the form and a readable ID card completes it.
    const done = await correct(number, { materials: [...only(FORM), ...only('resident-id-card')] });
    expect(done.status).toBe(200);
  });

  it('takes a corrected applicant when the notice was about the ID number', async () => {
    const number = await registerIncomplete({ ...PERSON, idNumber: '110105194912310021' });
    const res = await correct(number, { applicant: { ...PERSON, idNumber: residentId('11010519491231002') }, materials: only(FORM) });
    expect(res.status, await res.clone().text()).toBe(200);
  });

  it('refuses a correction for a case not waiting for one, and answers unknown cases and bad bodies', async () => {
    const accepted = await acceptCase({ applicant: PERSON, matterCode: OPERATOR.code, materials: ALL });
    await expectError(await correct(accepted.number, { materials: only(FORM) }), 409, 'CASE_NOT_AWAITING_CORRECTION');
    await expectError(await correct('XS-261127-0099-0', { materials: only(FORM) }), 404, 'CASE_NOT_FOUND');
    await expectError(await correct(accepted.number, { materials: [] }), 400, 'INVALID_INPUT');
    await expectError(await correct(accepted.number, {}), 400, 'INVALID_INPUT');
    // Once the case has ended it is closed.
    await claim(accepted.tasks[0]!.id, 'scjg-wang');
    await decide(accepted.tasks[0]!.id, 'scjg-wang', { kind: 'approve' });
    await expectError(await correct(accepted.number, { materials: only(FORM) }), 409, 'CASE_ALREADY_CLOSED');
  });
});

describe('a back office sends the case back (request-correction)', () => {
  it('stops the clock, and restarts it on the day the correction completes', async () => {
    const accepted = await acceptCase({ applicant: PERSON, matterCode: OPERATOR.code, materials: ALL });
    const id = accepted.tasks[0]!.id;
    await claim(id, 'scjg-wang');
    setBeijingTime('2026-12-02T10:00');
    const sent = await decide(id, 'scjg-wang', { kind: 'request-correction', reason: '身份证复印件不清晰', materialIds: ['resident-id-card'] });
    expect(sent.task).toMatchObject({ status: 'awaiting-correction', dueOn: null, correctionMaterialIds: ['resident-id-card'] });
    expect(sent.case.status).toBe('awaiting-correction');
    const view = await getCase(accepted.number);
    expect(view.notices.at(-1)).toMatchObject({ taskId: id, reason: '身份证复印件不清晰', resolvedAt: null });
    expect(view.notices.at(-1)?.defects.map((d) => d.materialId)).toEqual(['resident-id-card']);

    // Handing in something else does not complete it.
    await expectError(await correct(accepted.number, { materials: only(FORM) }), 422, 'MATERIALS_INCOMPLETE');

    setBeijingTime('2026-12-04T11:00'); // Friday
    const res = await correct(accepted.number, { materials: only('resident-id-card') });
    expect(res.status, await res.clone().text()).toBe(200);
    const after = (await res.json()) as CaseReply;
    expect(after.status).toBe('in-review');
    // The reviewer who asked gets the task back, on a clock started that day: 10 working days → 18 December.
    expect(after.tasks[0]).toMatchObject({ status: 'claimed', claimedBy: 'scjg-wang', startedOn: '2026-12-04', dueOn: '2026-12-18' });
    expect(after.notices.every((n) => n.resolvedAt !== null)).toBe(true);
  });
});
