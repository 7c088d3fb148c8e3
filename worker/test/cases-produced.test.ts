import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseReply } from '../schemas/case-replies.ts';
import type { ApplicantLibraryReply } from '../schemas/case-track-replies.ts';
import {
  acceptCase,
  approve,
  bundleMatters,
  call,
  claim,
  COMPANY,
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
  taskOf,
} from './case-helpers.ts';

const COMPANY_REGISTRATION = matterNamed('有限责任公司设立登记').code;

beforeEach(async () => {
  await resetCases();
  setBeijingTime('2026-11-27T10:00'); // a Friday
});

const library = async (applicantId: string): Promise<ApplicantLibraryReply> => {
  const res = await call(`/v1/applicants/${applicantId}/materials`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ApplicantLibraryReply;
};
const materialOf = (view: CaseReply, materialId: string) => view.materials.find((m) => m.materialId === materialId);

describe('证照 an earlier bundle member issues are not asked of the applicant (一件事内证照复用)', () => {
  const choices = { 'business-licence': COMPANY_REGISTRATION };

  it('accepts 开办餐饮店 without a 营业执照 and hands the issued one to the food licence once approved', async () => {
    const matters = bundleMatters('open-restaurant', choices, ['tobacco-retail']);
    const accepted = await acceptCase({
      applicant: COMPANY,
      bundle: { id: 'open-restaurant', choices, include: ['tobacco-retail'] },
      materials: materialsFor(matters, ['business-licence']),
    });
    expect(accepted.status).toBe('in-review');
    expect(accepted.pendingMaterials.map((m) => m.materialId)).not.toContain('business-licence');
    expect(accepted.plan.reusedMaterials).toEqual([]);
    expect(accepted.plan.producedMaterials).toEqual([{ materialId: 'business-licence', name: '营业执照', producedBy: 'business-licence' }]);

    const before = await getCase(accepted.number);
    expect(materialOf(before, 'business-licence')).toEqual({
      materialId: 'business-licence',
      name: '营业执照',
      status: 'produced',
      producedBy: 'business-licence',
      form: null,
      originals: 0,
      copies: 0,
      validUntil: null,
      libraryItemId: null,
      certificateId: null,
    });
    // Only the licence is produced; what the applicant handed in stays received.
    expect(before.materials.filter((m) => m.status === 'produced').map((m) => m.materialId)).toEqual(['business-licence']);
    expect(materialOf(before, 'resident-id-card')?.status).toBe('received');
    expect((await library(accepted.applicantId)).items).toEqual([]);

    const licence = await approve(taskOf(accepted.tasks, 'business-licence').id, 'scjg-wang');
    expect(licence.released.map((t) => t.key).sort()).toEqual(['food-licence', 'signboard', 'tobacco-retail']);
    expect(licence.issued).toMatchObject({ materialId: 'business-licence', sourceCaseNumber: accepted.number });
    expect(await inbox('scjg').then((r) => r.tasks.map((t) => t.key))).toEqual(['food-licence']);

    // The food licence's back office sees the issued licence on the case, linked to the library item.
    const after = await getCase(accepted.number);
    expect(materialOf(after, 'business-licence')).toMatchObject({
      status: 'produced',
      producedBy: 'business-licence',
      form: 'electronic',
      libraryItemId: licence.issued!.id,
      certificateId: licence.issued!.certificateId,
    });
    expect((await library(accepted.applicantId)).items).toEqual([
      expect.objectContaining({ id: licence.issued!.id, materialId: 'business-licence', sourceCaseNumber: accepted.number, valid: true }),
    ]);

    const food = await approve(taskOf(accepted.tasks, 'food-licence').id, 'scjg-wang');
    expect(food.task.status).toBe('approved');
  });

  it('ignores a 营业执照 handed in anyway: the bundle still produces it', async () => {
    const accepted = await acceptCase({
      applicant: COMPANY,
      bundle: { id: 'open-restaurant', choices },
      materials: materialsFor(bundleMatters('open-restaurant', choices)),
    });
    expect(materialOf(await getCase(accepted.number), 'business-licence')).toMatchObject({ status: 'produced', producedBy: 'business-licence' });
  });

  it('accepts 企业开办 without a 营业执照, all four follow-ups taking it from registration', async () => {
    const accepted = await acceptCase({
      applicant: COMPANY,
      bundle: { id: 'start-company' },
      materials: materialsFor(bundleMatters('start-company'), ['business-licence']),
    });
    expect(materialOf(await getCase(accepted.number), 'business-licence')).toMatchObject({ status: 'produced', producedBy: 'registration' });
    const registration = await approve(taskOf(accepted.tasks, 'registration').id, 'scjg-wang');
    expect(registration.released.map((t) => t.key).sort()).toEqual(['housing-fund', 'invoice', 'seal', 'social-insurance']);
  });

  it('accepts 出生一件事 without the 出生医学证明 the first member issues', async () => {
    const parent = { ...PERSON, name: '王芳', idNumber: residentId('33010919920415332') };
    const accepted = await acceptCase({
      applicant: parent,
      bundle: { id: 'birth' },
      materials: materialsFor(bundleMatters('birth'), ['birth-medical-certificate']),
    });
    expect(materialOf(await getCase(accepted.number), 'birth-medical-certificate')).toMatchObject({
      status: 'produced',
      producedBy: 'birth-certificate',
    });
  });

  it('lets a dependent back office still send the issued licence back, answered by a library reference', async () => {
    const accepted = await acceptCase({
      applicant: COMPANY,
      bundle: { id: 'open-restaurant', choices },
      materials: materialsFor(bundleMatters('open-restaurant', choices), ['business-licence']),
    });
    const { issued } = await approve(taskOf(accepted.tasks, 'business-licence').id, 'scjg-wang');
    const food = taskOf(accepted.tasks, 'food-licence');
    await claim(food.id, 'scjg-li');
    const sent = await decide(food.id, 'scjg-li', { kind: 'request-correction', reason: '请出示营业执照', materialIds: ['business-licence'] });
    expect(sent.task.status).toBe('awaiting-correction');
    const notice = (await getCase(accepted.number)).notices.at(-1)!;
    expect(notice.defects).toEqual([expect.objectContaining({ reason: 'missing', materialId: 'business-licence' })]);

    const corrections = `/v1/cases/${accepted.number}/corrections`;
    const reference = { materialId: 'business-licence', form: 'electronic', originals: 0, copies: 0, reference: { libraryItemId: issued!.id } };
    const res = await postJson(corrections, { materials: [reference] });
    expect(res.status, await res.clone().text()).toBe(200);
    const view = (await res.json()) as CaseReply;
    expect(materialOf(view, 'business-licence')).toMatchObject({ status: 'received', libraryItemId: issued!.id });
    expect(taskOf(view.tasks, 'food-licence').status).toBe('claimed');
  });
});
