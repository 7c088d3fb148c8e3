import { describe, expect, it } from 'vitest';
import { findReleasableTasks } from './find-releasable-tasks.ts';
import { bundleById, selectMatters, soleTraderRegistrationCode, TODAY } from './fixtures/dispatch-fixtures.ts';
import { planBundle } from './plan-case.ts';
import type { CasePlan, TaskProgress } from './types.ts';

const birth = bundleById('birth');
const birthPlan = planBundle(birth, selectMatters(birth), [], TODAY);
const restaurant = bundleById('open-restaurant');
const restaurantPlan = planBundle(
  restaurant,
  selectMatters(restaurant, { 'business-licence': soleTraderRegistrationCode }, ['tobacco-retail']),
  [],
  TODAY,
);

/** Progress as a back office would hold it: apply a release answer, then record decisions. */
const track = (plan: CasePlan) => {
  const progress = new Map<string, TaskProgress>(plan.tasks.map((t) => [t.key, 'waiting']));
  return {
    progress,
    step: () => {
      const answer = findReleasableTasks(plan, progress);
      for (const key of answer.release) progress.set(key, 'released');
      for (const key of answer.withdraw) progress.set(key, 'withdrawn');
      return answer;
    },
    decide: (key: string, outcome: 'approved' | 'rejected') => {
      expect(progress.get(key)).toBe('released');
      progress.set(key, outcome);
    },
  };
};

describe('findReleasableTasks', () => {
  it('releases stage 0 at acceptance and each dependent only once its predecessor is approved', () => {
    const run = track(birthPlan);
    expect(run.step()).toEqual({ release: ['birth-certificate'], withdraw: [] });
    expect(run.step()).toEqual({ release: [], withdraw: [] }); // released is not approved
    run.decide('birth-certificate', 'approved');
    expect(run.step()).toEqual({ release: ['vaccination', 'household'], withdraw: [] });
    run.decide('vaccination', 'approved');
    expect(run.step()).toEqual({ release: [], withdraw: [] });
    run.decide('household', 'approved');
    expect(run.step()).toEqual({ release: ['medical-insurance'], withdraw: [] });
    run.decide('medical-insurance', 'approved');
    expect(run.step()).toEqual({ release: ['social-security-card'], withdraw: [] });
    run.decide('social-security-card', 'approved');
    expect(run.step()).toEqual({ release: [], withdraw: [] });
  });

  it('withdraws the whole chain behind a rejection and leaves the rest alone', () => {
    const run = track(birthPlan);
    run.step();
    run.decide('birth-certificate', 'approved');
    run.step();
    run.decide('household', 'rejected');
    expect(run.step()).toEqual({ release: [], withdraw: ['medical-insurance', 'social-security-card'] });
    expect(run.progress.get('vaccination')).toBe('released');
    expect(run.step()).toEqual({ release: [], withdraw: [] });
  });

  it('withdraws everything behind a rejected business licence but not the independent fire check', () => {
    const run = track(restaurantPlan);
    expect(run.step().release).toEqual(['business-licence', 'fire-safety']);
    run.decide('business-licence', 'rejected');
    expect(run.step()).toEqual({ release: [], withdraw: ['food-licence', 'signboard', 'tobacco-retail'] });
    run.decide('fire-safety', 'approved');
    expect(run.step()).toEqual({ release: [], withdraw: [] });
  });

  it('treats a task missing from progress as waiting', () => {
    expect(findReleasableTasks(birthPlan, new Map())).toEqual({ release: ['birth-certificate'], withdraw: [] });
    const approved = new Map<string, TaskProgress>([['birth-certificate', 'approved']]);
    expect(findReleasableTasks(birthPlan, approved)).toEqual({ release: ['vaccination', 'household'], withdraw: [] });
  });

  it('withdraws downstream of a withdrawn task even before the middle one is marked', () => {
    const progress = new Map<string, TaskProgress>([['birth-certificate', 'withdrawn']]);
    expect(findReleasableTasks(birthPlan, progress).withdraw).toEqual([
      'vaccination',
      'household',
      'medical-insurance',
      'social-security-card',
    ]);
  });
});
