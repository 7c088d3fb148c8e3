import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bundle, Matter } from '../catalog/types.ts';
import { company as companyApplicant } from '../review/fixtures/intake.ts';
import { reviewCase } from '../review/review-case.ts';
import type { ChecklistItem } from '../review/types.ts';
import {
  bundleById,
  companyRegistrationCode,
  index,
  libraryItem,
  matterByCode,
  selectMatters,
  soleTraderRegistrationCode,
  tenMemberBundle,
  TODAY,
} from './fixtures/dispatch-fixtures.ts';
import { buildChecklist } from './build-checklist.ts';
import { planBundle, planSingleMatter } from './plan-case.ts';
import type { CasePlan } from './types.ts';

const restaurant = bundleById('open-restaurant');
const company = bundleById('start-company');
const birth = bundleById('birth');

const itemFor = (plan: CasePlan, materialId: string): ChecklistItem => {
  const item = plan.checklist.items.find((i) => i.material.id === materialId);
  if (item === undefined) throw new Error(`no checklist item ${materialId}`);
  return item;
};
const producedIds = (plan: CasePlan) => plan.checklist.items.filter((i) => i.producedBy !== undefined).map((i) => i.material.id);
const planRestaurant = (bundle: Bundle, registration = soleTraderRegistrationCode, library = [] as Parameters<typeof planBundle>[2]) =>
  planBundle(bundle, selectMatters(bundle, { 'business-licence': registration }, ['tobacco-retail']), library, TODAY);
const codeOf = (bundle: Bundle, key: string): string => bundle.members.find((m) => m.key === key)!.matterCodes[0]!;

describe('materials a bundle produces for its later members', () => {
  it('does not ask the new restaurant for the 营业执照 its business-licence member issues', () => {
    for (const registration of [soleTraderRegistrationCode, companyRegistrationCode]) {
      const plan = planRestaurant(restaurant, registration);
      const licence = itemFor(plan, 'business-licence');
      expect(licence.producedBy).toBe('business-licence');
      expect(licence.reusedFrom).toBeUndefined();
      expect(licence.matterCodes).toEqual(['food-licence', 'signboard', 'tobacco-retail'].map((key) => codeOf(restaurant, key)));
      expect(producedIds(plan)).toEqual(['business-licence']);
    }
  });

  it('keeps everything else the shared checklist says of the produced item', () => {
    const members = selectMatters(company);
    const plan = planBundle(company, members, [], TODAY);
    const plain = buildChecklist(plan.tasks.map((t) => members.get(t.key)!), [], TODAY);
    expect(plan.checklist.items).toEqual(
      plain.items.map((item) => (item.material.id === 'business-licence' ? { ...item, producedBy: 'registration' } : item)),
    );
    expect(plan.checklist.requestedBeforeDedup).toBe(plain.requestedBeforeDedup);
  });

  it('accepts the restaurant bundle at review with no 营业执照 handed in', () => {
    const plan = planRestaurant(restaurant, companyRegistrationCode);
    const submitted = plan.checklist.items
      .filter((i) => i.producedBy === undefined)
      .map((i) => ({ materialId: i.material.id, form: 'paper' as const, originals: i.originals, copies: i.copies }));
    expect(submitted.map((s) => s.materialId)).not.toContain('business-licence');
    const matters = [...selectMatters(restaurant, { 'business-licence': companyRegistrationCode }, ['tobacco-retail']).values()];
    const outcome = reviewCase({
      checklist: plan.checklist,
      matterCodes: matters.map((m) => m.code),
      acceptedHere: null,
      servedBy: new Map(matters.map((m) => [m.code, m.serviceObjects])),
      applicant: companyApplicant,
      submitted,
      library: [],
      today: TODAY,
    });
    expect(outcome).toEqual({ status: 'accepted' });
  });

  it('has 企业开办 take the 营业执照 from registration for the seal, invoice, insurance and housing fund', () => {
    const plan = planBundle(company, selectMatters(company), [], TODAY);
    const licence = itemFor(plan, 'business-licence');
    expect(licence.producedBy).toBe('registration');
    expect(licence.matterCodes).toHaveLength(4);
    expect(itemFor(plan, 'resident-id-card').producedBy).toBeUndefined();
  });

  it('has 出生一件事 take the 出生医学证明 from its first member, down a chain of two', () => {
    const plan = planBundle(birth, selectMatters(birth), [], TODAY);
    const certificate = itemFor(plan, 'birth-medical-certificate');
    expect(certificate.producedBy).toBe('birth-certificate');
    // 城乡居民医保参保登记 comes after 出生登记, which comes after the certificate: a transitive successor.
    expect(certificate.matterCodes).toContain(codeOf(birth, 'medical-insurance'));
    expect(producedIds(plan)).toEqual(['birth-medical-certificate']);
  });

  it('follows the ten-member bundle through seal to invoice', () => {
    const plan = planBundle(tenMemberBundle, selectMatters(tenMemberBundle), [], TODAY);
    expect(itemFor(plan, 'business-licence').producedBy).toBe('registration');
    expect(itemFor(plan, 'business-licence').matterCodes).toContain(codeOf(company, 'invoice'));
  });
});

describe('materials still requested', () => {
  it('asks for the 营业执照 when a member needing it runs in parallel with the registration', () => {
    const parallel = { ...restaurant, dependencies: restaurant.dependencies.filter((d) => d.to !== 'tobacco-retail') };
    const plan = planRestaurant(parallel);
    expect(itemFor(plan, 'business-licence').producedBy).toBeUndefined();
    expect(producedIds(plan)).toEqual([]);
  });

  it('takes a valid 营业执照 from the library rather than waiting for the bundle to issue one', () => {
    const held = libraryItem('business-licence', '2030-12-31');
    const licence = itemFor(planRestaurant(restaurant, soleTraderRegistrationCode, [held]), 'business-licence');
    expect(licence.reusedFrom).toBe(held);
    expect(licence.producedBy).toBeUndefined();
  });

  it('falls back to production when the held 营业执照 has expired', () => {
    const expired = libraryItem('business-licence', '2026-03-01');
    const licence = itemFor(planRestaurant(restaurant, soleTraderRegistrationCode, [expired]), 'business-licence');
    expect(licence.reusedFrom).toBeUndefined();
    expect(licence.producedBy).toBe('business-licence');
  });

  it('asks a member for the certificate it renews itself (二手房转移登记 needs the old 不动产权证书)', () => {
    const house = bundleById('second-hand-house');
    const plan = planBundle(house, selectMatters(house), [], TODAY);
    expect(itemFor(plan, 'real-estate-certificate').producedBy).toBeUndefined();
  });

  it('asks for a document whose issuer returns a filing receipt rather than a certificate (type 30)', () => {
    const civil = bundleById('civil-defence-works');
    const chained = { ...civil, dependencies: [{ from: 'completion-filing', to: 'peacetime-use' }] };
    const plan = planBundle(chained, selectMatters(chained), [], TODAY);
    expect(itemFor(plan, 'civil-defence-filing-certificate').producedBy).toBeUndefined();
  });

  it('matches the certificate name exactly, ignoring only surrounding spaces', () => {
    const members = new Map(selectMatters(company));
    const registration = members.get('registration')!;
    members.set('registration', { ...registration, result: { ...registration.result, name: ' 营业执照\u3000' } });
    expect(itemFor(planBundle(company, members, [], TODAY), 'business-licence').producedBy).toBe('registration');
    members.set('registration', { ...registration, result: { ...registration.result, name: '营业执照（副本）' } });
    expect(itemFor(planBundle(company, members, [], TODAY), 'business-licence').producedBy).toBeUndefined();
  });

  it('leaves a single matter asking for its 营业执照', () => {
    const food = matterByCode(codeOf(restaurant, 'food-licence'));
    expect(itemFor(planSingleMatter(food, [], TODAY), 'business-licence').producedBy).toBeUndefined();
  });
});

describe('produced materials over random bundles', () => {
  const realMatters = index.catalog.matters;
  const shape = fc.integer({ min: 1, max: 10 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.uniqueArray(
        fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).filter(([a, b]) => a < b),
        { maxLength: (n * (n - 1)) / 2, selector: ([a, b]) => `${a}>${b}` },
      ),
      matters: fc.array(fc.nat(realMatters.length - 1), { minLength: n, maxLength: n }),
    }),
  );

  /** The naive oracle: walk dependsOn back from a task, looking for the producer. */
  const comesAfter = (plan: CasePlan, key: string, producer: string): boolean => {
    const byKey = new Map(plan.tasks.map((t) => [t.key, t]));
    const seen = new Set<string>();
    const stack = [...byKey.get(key)!.dependsOn];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === producer) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...byKey.get(next)!.dependsOn);
    }
    return false;
  };

  it('marks exactly the items whose every asker follows a task issuing that certificate', () => {
    fc.assert(
      fc.property(shape, ({ n, edges, matters }) => {
        const key = (i: number) => `m${i}`;
        const bundle: Bundle = {
          id: 'random',
          name: 'random',
          description: '',
          members: [...Array(n).keys()].map((i) => ({ key: key(i), matterCodes: [realMatters[matters[i]!]!.code] })),
          dependencies: edges.map(([a, b]) => ({ from: key(a), to: key(b) })),
          jointInspections: [],
        };
        const chosen = new Map<string, Matter>([...Array(n).keys()].map((i) => [key(i), realMatters[matters[i]!]!]));
        const plan = planBundle(bundle, chosen, [], TODAY);
        for (const item of plan.checklist.items) {
          const askers = plan.tasks.filter((t) => item.matterCodes.includes(t.matterCode));
          const qualifies = (t: CasePlan['tasks'][number]) => {
            const result = chosen.get(t.key)!.result;
            return (
              item.material.source === '20' &&
              result.type === '10' &&
              result.name.trim() === item.material.name.trim() &&
              askers.every((a) => comesAfter(plan, a.key, t.key))
            );
          };
          expect(item.producedBy).toBe(plan.tasks.find(qualifies)?.key);
        }
      }),
    );
  });
});
