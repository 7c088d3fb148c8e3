import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildSeedSql, DEMO_APPLICANT } from '../../scripts/seed-local.ts';
import type { ApplicantLibraryReply } from '../schemas/case-track-replies.ts';
import { expectError } from './helpers.ts';
import {
  acceptCase,
  approve,
  call,
  COMPANY,
  getCase,
  materialsFor,
  matterNamed,
  resetCases,
  setBeijingTime,
  submitCase,
} from './case-helpers.ts';

const REGISTRATION = matterNamed('有限责任公司设立登记');
const FOOD = matterNamed('食品经营许可（新办）');

const library = async (applicantId: string): Promise<ApplicantLibraryReply> => {
  const res = await call(`/v1/applicants/${applicantId}/materials`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ApplicantLibraryReply;
};

beforeEach(async () => {
  await resetCases();
  setBeijingTime('2026-11-27T10:00');
});

describe('证照 reuse through the applicant library (多报合一)', () => {
  it('does not ask again for a business licence the hall issued to the same company', async () => {
    // Before: a food licence needs the business licence.
    const before = await submitCase({ applicant: COMPANY, matterCode: FOOD.code, materials: materialsFor([FOOD], ['business-licence']) });
    const notice = await expectError(before, 422, 'MATERIALS_INCOMPLETE');
    expect(JSON.stringify(notice.details)).toContain('business-licence');

    const registration = await acceptCase({ applicant: COMPANY, matterCode: REGISTRATION.code, materials: materialsFor([REGISTRATION]) });
    expect((await library(registration.applicantId)).items).toEqual([]);
    const approved = await approve(registration.tasks[0]!.id, 'scjg-wang');
    // The library item carries the electronic certificate's GB/T 36904 identifier (issue 5), not a placeholder.
    expect(approved.issued).toMatchObject({ materialId: 'business-licence', certificateId: approved.certificate?.identifier });
    expect(approved.issued?.certificateId).toMatch(/^1\.2\.156\.3005\.2\./);

    const held = await library(registration.applicantId);
    expect(held.applicant).toMatchObject({ id: registration.applicantId, kind: 'organisation' });
    expect(held.applicant.name).not.toBe(COMPANY.name);
    expect(held.items).toEqual([
      expect.objectContaining({ materialId: 'business-licence', name: '营业执照', sourceCaseNumber: registration.number, valid: true }),
    ]);

    // After: the same company (same credit code) applies without handing it in.
    const food = await acceptCase({ applicant: COMPANY, matterCode: FOOD.code, materials: materialsFor([FOOD], ['business-licence']) });
    expect(food.applicantId).toBe(registration.applicantId);
    expect(food.plan.reusedMaterials).toEqual([
      expect.objectContaining({ materialId: 'business-licence', libraryItemId: held.items[0]!.id }),
    ]);
    const view = await getCase(food.number);
    expect(view.materials.find((m) => m.materialId === 'business-licence')).toMatchObject({ status: 'reused', libraryItemId: held.items[0]!.id });
  });

  it('serves the demo company that npm start seeds, whose business licence is reused', async () => {
    const statements = buildSeedSql(Date.parse('2026-11-27T00:00:00Z')).split(/;\n/).map((sql) => env.DB.prepare(sql));
    await env.DB.batch(statements);
    const held = await library(DEMO_APPLICANT.id);
    expect(held.items.map((item) => item.materialId)).toEqual(['business-licence']);
    const food = await acceptCase({
      applicant: { kind: 'organisation', name: DEMO_APPLICANT.name, creditCode: DEMO_APPLICANT.creditCode },
      matterCode: FOOD.code,
      materials: materialsFor([FOOD], ['business-licence']),
    });
    expect(food.applicantId).toBe(DEMO_APPLICANT.id);
    expect(food.plan.reusedMaterials.map((m) => m.libraryItemId)).toEqual([held.items[0]!.id]);
  });

  it('answers 404 for an unknown applicant', async () => {
    await expectError(await call('/v1/applicants/nobody/materials'), 404, 'APPLICANT_NOT_FOUND');
  });
});
