import { describe, expect, it } from 'vitest';
import type { Matter } from '../catalog/types.ts';
import {
  bundleById,
  companyRegistrationCode,
  libraryItem,
  matterByCode,
  selectMatters,
  soleTraderRegistrationCode,
  tenMemberBundle,
  TODAY,
} from './fixtures/dispatch-fixtures.ts';
import { countPromisedDays, layerStages, planBundle, planSingleMatter } from './plan-case.ts';

const restaurant = bundleById('open-restaurant');
const planRestaurant = (registration: string, withTobacco: boolean) =>
  planBundle(
    restaurant,
    selectMatters(restaurant, { 'business-licence': registration }, withTobacco ? ['tobacco-retail'] : []),
    [],
    TODAY,
  );
const taskOf = (plan: ReturnType<typeof planBundle>, key: string) => plan.tasks.find((t) => t.key === key)!;

describe('planBundle stages', () => {
  it('sends the business licence and the fire check out first in 开办餐饮店, the rest after the licence', () => {
    const plan = planRestaurant(soleTraderRegistrationCode, false);
    expect(plan.stages).toEqual([['business-licence', 'fire-safety'], ['food-licence', 'signboard']]);
    expect(taskOf(plan, 'food-licence').dependsOn).toEqual(['business-licence']);
    expect(taskOf(plan, 'fire-safety').dependsOn).toEqual([]);
    expect(plan.bundleId).toBe('open-restaurant');
  });

  it('puts the tobacco licence beside the food licence when it is included', () => {
    const plan = planRestaurant(soleTraderRegistrationCode, true);
    expect(plan.stages).toEqual([['business-licence', 'fire-safety'], ['food-licence', 'signboard', 'tobacco-retail']]);
    expect(plan.tasks.map((t) => t.key)).toEqual(plan.stages.flat());
  });

  it('drops the edges of an omitted optional member', () => {
    const plan = planRestaurant(soleTraderRegistrationCode, false);
    expect(plan.tasks.flatMap((t) => [t.key, ...t.dependsOn])).not.toContain('tobacco-retail');
  });

  it('chains 出生一件事 over four stages', () => {
    const birth = bundleById('birth');
    const plan = planBundle(birth, selectMatters(birth), [], TODAY);
    expect(plan.stages).toEqual([['birth-certificate'], ['vaccination', 'household'], ['medical-insurance'], ['social-security-card']]);
    expect(taskOf(plan, 'social-security-card').dependsOn).toEqual(['medical-insurance']);
    // All 即办: no days, but the longest chain is still the one reported.
    expect(plan.criticalPath).toEqual(['birth-certificate', 'household', 'medical-insurance', 'social-security-card']);
    expect(plan.criticalPathDays).toBe(0);
  });

  it('fans 企业开办 out after registration and keeps the bundle promise of one working day', () => {
    const company = bundleById('start-company');
    const plan = planBundle(company, selectMatters(company), [], TODAY);
    expect(plan.stages).toEqual([['registration'], ['seal', 'invoice', 'social-insurance', 'housing-fund']]);
    expect(plan).toMatchObject({ criticalPathDays: 1, sequentialDays: 1, daysSaved: 0, promisedDays: 1 });
  });

  it('routes every task to its matter department', () => {
    const plan = planRestaurant(companyRegistrationCode, true);
    for (const task of plan.tasks) {
      const matter = matterByCode(task.matterCode);
      expect(task).toMatchObject({ departmentId: matter.departmentId, matterName: matter.name });
    }
    expect(taskOf(plan, 'fire-safety').departmentId).toBe('xfj');
  });

  it('layers the ten-member bundle into three stages', () => {
    const plan = planBundle(tenMemberBundle, selectMatters(tenMemberBundle), [], TODAY);
    expect(plan.stages).toEqual([
      ['registration', 'fire-safety', 'completion-filing'],
      ['food-licence', 'signboard', 'tobacco-retail', 'seal', 'social-insurance', 'peacetime-use'],
      ['invoice'],
    ]);
  });
});

describe('planBundle inspections', () => {
  it('merges the fire and tobacco site inspections into one joint visit', () => {
    const plan = planRestaurant(soleTraderRegistrationCode, true);
    expect(plan.inspections).toEqual([
      { name: '餐饮店消防和烟草零售联合踏勘', taskKeys: ['fire-safety', 'tobacco-retail'], departmentIds: ['xfj', 'ycj'] },
    ]);
    expect(taskOf(plan, 'fire-safety').jointInspection).toBe('餐饮店消防和烟草零售联合踏勘');
    expect(taskOf(plan, 'tobacco-retail').jointInspection).toBe('餐饮店消防和烟草零售联合踏勘');
  });

  it('inspects a lone member of a joint inspection on its own', () => {
    const plan = planRestaurant(soleTraderRegistrationCode, false);
    expect(plan.inspections).toEqual([
      { name: '公众聚集场所投入使用、营业前消防安全检查现场核查', taskKeys: ['fire-safety'], departmentIds: ['xfj'] },
    ]);
    expect(taskOf(plan, 'fire-safety').jointInspection).toBeUndefined();
  });

  it('gives a single matter needing one its own inspection', () => {
    const fire = matterByCode(restaurant.members.find((m) => m.key === 'fire-safety')!.matterCodes[0]!);
    expect(planSingleMatter(fire, [], TODAY).inspections).toEqual([
      { name: `${fire.name}现场核查`, taskKeys: [fire.code], departmentIds: ['xfj'] },
    ]);
  });
});

describe('planBundle time', () => {
  it('counts the critical path, the sequential sum and the days saved on 开办餐饮店', () => {
    // 有限公司 registration 1 + tobacco 5 on the longest chain; 1 + 0 + 3 + 0 + 5 one after another.
    const plan = planRestaurant(companyRegistrationCode, true);
    expect(plan).toMatchObject({
      criticalPathDays: 6,
      criticalPath: ['business-licence', 'tobacco-retail'],
      sequentialDays: 9,
      daysSaved: 3,
      promisedDays: 6,
    });
    expect(plan.tasks.map((t) => t.promisedDays)).toEqual([1, 0, 0, 3, 5]);
  });

  it('halves the 人防 pair by approving in parallel', () => {
    const civil = bundleById('civil-defence-works');
    const plan = planBundle(civil, selectMatters(civil), [], TODAY);
    expect(plan.stages).toEqual([['completion-filing', 'peacetime-use']]);
    expect(plan).toMatchObject({ criticalPathDays: 5, criticalPath: ['completion-filing'], sequentialDays: 10, daysSaved: 5 });
  });

  it('counts a calendar-day limit as that many working days at most, and 即办 as none', () => {
    expect(countPromisedDays({ value: 15, unit: 'calendar_days' })).toBe(15);
    expect(countPromisedDays({ value: 0, unit: 'on_the_spot' })).toBe(0);
    expect(countPromisedDays({ value: 20, unit: 'working_days' })).toBe(20);
  });
});

describe('planBundle checklist and determinism', () => {
  it('carries one deduplicated checklist with library reuse', () => {
    const plan = planBundle(
      restaurant,
      selectMatters(restaurant, { 'business-licence': soleTraderRegistrationCode }, ['tobacco-retail']),
      [libraryItem('business-licence', '2030-12-31')],
      TODAY,
    );
    const licence = plan.checklist.items.filter((i) => i.material.id === 'business-licence');
    expect(licence).toHaveLength(1);
    expect(licence[0]!.reusedFrom?.id).toBe('lib-business-licence');
    expect(plan.checklist.items.filter((i) => i.material.id === 'resident-id-card')).toHaveLength(1);
  });

  it('plans the same whatever order the chosen members arrive in', () => {
    const members = selectMatters(tenMemberBundle);
    const reversed = new Map<string, Matter>([...members].reverse());
    expect(planBundle(tenMemberBundle, reversed, [], TODAY)).toEqual(planBundle(tenMemberBundle, members, [], TODAY));
  });

  it('ignores duplicate dependency edges', () => {
    const doubled = { ...restaurant, dependencies: [...restaurant.dependencies, ...restaurant.dependencies] };
    const members = selectMatters(restaurant, { 'business-licence': soleTraderRegistrationCode });
    expect(planBundle(doubled, members, [], TODAY)).toEqual(planBundle(restaurant, members, [], TODAY));
  });

  it('plans a single matter as one stage-0 task keyed by its code', () => {
    const signboardCode = restaurant.members.find((m) => m.key === 'signboard')!.matterCodes[0]!;
    const plan = planSingleMatter(matterByCode(signboardCode), [], TODAY);
    expect(plan).toMatchObject({
      stages: [[signboardCode]],
      tasks: [{ key: signboardCode, stage: 0, dependsOn: [], promisedDays: 3, departmentId: 'zfj' }],
      inspections: [],
      criticalPathDays: 3,
      criticalPath: [signboardCode],
      sequentialDays: 3,
      daysSaved: 0,
      promisedDays: 3,
    });
    expect(plan.bundleId).toBeUndefined();
  });

  it('still ends on a cyclic graph validation should have refused', () => {
    expect(layerStages([[1], [0]])).toEqual([0, 1]);
  });
});
