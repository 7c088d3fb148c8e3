import { beforeEach, describe, expect, it } from 'vitest';
import {
  acceptCase,
  approve,
  bundleMatters,
  claim,
  COMPANY,
  decide,
  getCase,
  inbox,
  materialsFor,
  matterNamed,
  PERSON,
  resetCases,
  setBeijingTime,
  taskOf,
} from './case-helpers.ts';

const COMPANY_REGISTRATION = matterNamed('有限责任公司设立登记').code;

beforeEach(async () => {
  await resetCases();
  setBeijingTime('2026-11-27T10:00'); // a Friday
});

/** The keys of a department's inbox. */
const inboxKeys = async (departmentId: string) => (await inbox(departmentId)).tasks.map((t) => t.key);

describe('开办餐饮店 (open-restaurant) through HTTP', () => {
  const choices = { 'business-licence': COMPANY_REGISTRATION };

  it('releases stage 0 at acceptance and the food licence and signboard only after the business licence is approved', async () => {
    const accepted = await acceptCase({
      applicant: COMPANY,
      bundle: { id: 'open-restaurant', choices },
      materials: materialsFor(bundleMatters('open-restaurant', choices)),
    });
    expect(accepted.plan.stages).toEqual([['business-licence', 'fire-safety'], ['food-licence', 'signboard']]);
    expect(Object.fromEntries(accepted.tasks.map((t) => [t.key, t.status]))).toEqual({
      'business-licence': 'open',
      'fire-safety': 'open',
      'food-licence': 'waiting',
      signboard: 'waiting',
    });
    // Shared materials are asked for once.
    expect(accepted.plan.requestedBeforeDedup).toBeGreaterThan(accepted.plan.checklistItems);

    // Before: 市场监管局 sees the business licence only, 消防 its check, 综合执法 nothing.
    expect(await inboxKeys('scjg')).toEqual(['business-licence']);
    expect(await inboxKeys('xfj')).toEqual(['fire-safety']);
    expect(await inboxKeys('zfj')).toEqual([]);

    // Fire safety approved first changes nothing for the others.
    const fire = await approve(taskOf(accepted.tasks, 'fire-safety').id, 'xfj-li');
    expect(fire.released).toEqual([]);
    expect(await inboxKeys('zfj')).toEqual([]);

    const licence = await approve(taskOf(accepted.tasks, 'business-licence').id, 'scjg-wang');
    expect(licence.released.map((t) => t.key).sort()).toEqual(['food-licence', 'signboard']);
    expect(licence.released.every((t) => t.status === 'open' && t.startedOn === '2026-11-27')).toBe(true);
    // The licence (a certificate result) joins the company's library.
    expect(licence.issued).toMatchObject({ materialId: 'business-licence', name: '营业执照', sourceCaseNumber: accepted.number });

    // After: each department's inbox holds its released task.
    expect(await inboxKeys('scjg')).toEqual(['food-licence']);
    expect(await inboxKeys('zfj')).toEqual(['signboard']);

    await approve(taskOf(accepted.tasks, 'food-licence').id, 'scjg-wang');
    const last = await approve(taskOf(accepted.tasks, 'signboard').id, 'zfj-zhao');
    expect(last.case.status).toBe('approved');
    const done = await getCase(accepted.number);
    expect(done.status).toBe('approved');
    expect(done.tasks.every((t) => t.status === 'approved' && t.deadline === null)).toBe(true);
  });

  it('merges the optional tobacco retail licence into the joint inspection with fire safety', async () => {
    const accepted = await acceptCase({
      applicant: COMPANY,
      bundle: { id: 'open-restaurant', choices, include: ['tobacco-retail'] },
      materials: materialsFor(bundleMatters('open-restaurant', choices, ['tobacco-retail'])),
    });
    expect(accepted.plan.inspections).toEqual([
      expect.objectContaining({ taskKeys: ['fire-safety', 'tobacco-retail'], departmentIds: ['xfj', 'ycj'] }),
    ]);
    expect(taskOf(accepted.tasks, 'tobacco-retail').status).toBe('waiting');
  });
});

describe('企业开办 (start-company) through HTTP', () => {
  it('releases seal, invoice, insurance and housing fund only after registration, within the bundle’s one-day promise', async () => {
    const accepted = await acceptCase({
      applicant: COMPANY,
      bundle: { id: 'start-company' },
      materials: materialsFor(bundleMatters('start-company')),
    });
    expect(accepted.plan.stages).toEqual([['registration'], ['seal', 'invoice', 'social-insurance', 'housing-fund']]);
    // 企业开办 promises one working day: Friday → Monday.
    expect(accepted.plan.promisedDays).toBe(1);
    expect(accepted.dueOn).toBe('2026-11-30');
    for (const department of ['gaj', 'swj', 'rsj', 'gjj']) expect(await inboxKeys(department)).toEqual([]);

    const registration = await approve(taskOf(accepted.tasks, 'registration').id);
    expect(registration.released.map((t) => t.key)).toEqual(['seal', 'invoice', 'social-insurance', 'housing-fund']);
    expect(await inboxKeys('gaj')).toEqual(['seal']);
    expect(await inboxKeys('swj')).toEqual(['invoice']);
    expect(await inboxKeys('rsj')).toEqual(['social-insurance']);
    expect(await inboxKeys('gjj')).toEqual(['housing-fund']);
  });
});

describe('出生一件事 (birth) through HTTP', () => {
  it('releases each stage in its order as the one before is approved', async () => {
    const accepted = await acceptCase({ applicant: PERSON, bundle: { id: 'birth' }, materials: materialsFor(bundleMatters('birth')) });
    expect(accepted.plan.stages).toEqual([['birth-certificate'], ['vaccination', 'household'], ['medical-insurance'], ['social-security-card']]);
    const id = (key: string) => taskOf(accepted.tasks, key).id;
    expect((await approve(id('birth-certificate'))).released.map((t) => t.key)).toEqual(['vaccination', 'household']);
    expect((await approve(id('vaccination'))).released).toEqual([]);
    expect(await inboxKeys('ybj')).toEqual([]);
    expect((await approve(id('household'))).released.map((t) => t.key)).toEqual(['medical-insurance']);
    expect(await inboxKeys('rsj')).toEqual([]);
    expect((await approve(id('medical-insurance'))).released.map((t) => t.key)).toEqual(['social-security-card']);
    expect(await inboxKeys('rsj')).toEqual(['social-security-card']);
    expect((await approve(id('social-security-card'))).case.status).toBe('approved');
  });

  it('withdraws the chain behind a rejection and completes the case as partly approved', async () => {
    const accepted = await acceptCase({ applicant: PERSON, bundle: { id: 'birth' }, materials: materialsFor(bundleMatters('birth')) });
    const id = (key: string) => taskOf(accepted.tasks, key).id;
    await approve(id('birth-certificate'));
    await claim(id('household'), 'gaj-chen');
    const rejected = await decide(id('household'), 'gaj-chen', { kind: 'reject', reason: '户籍信息核验不一致' });
    expect(rejected.withdrawn.map((t) => [t.key, t.status])).toEqual([
      ['medical-insurance', 'withdrawn'],
      ['social-security-card', 'withdrawn'],
    ]);
    expect(rejected.case.status).toBe('in-review');
    // The vaccination certificate goes on; once decided, the case completes.
    const last = await approve(id('vaccination'));
    expect(last.case.status).toBe('partly-approved');
    expect(await inboxKeys('ybj')).toEqual([]);
  });
});
