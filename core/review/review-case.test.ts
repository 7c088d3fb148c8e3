import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adjustItem,
  company,
  foodLicence,
  intakeFor,
  matterNamed,
  person,
  PERSON_ID,
  soleTrader,
  soundPaper,
  withSubmission,
} from './fixtures/intake.ts';
import { computeResidentIdCheck } from './resident-id.ts';
import { reviewCase } from './review-case.ts';
import type { Defect, ReviewInput, ReviewOutcome } from './types.ts';

const defectsOf = (outcome: ReviewOutcome): readonly Defect[] => (outcome.status === 'notice' ? outcome.defects : []);
const reasonsOf = (input: ReviewInput) => defectsOf(reviewCase(input)).map((d) => d.reason);

const food = intakeFor(company, foodLicence);
const trader = intakeFor(person, soleTrader);
const [applicationForm, businessLicence, layout, foodSafetyRules] = foodLicence.materials.map((m) => m.id) as [string, string, string, string];
const itemOf = (input: ReviewInput, materialId: string) => input.checklist.items.find((i) => i.material.id === materialId)!;

describe('reviewCase on sound applications', () => {
  it('accepts 食品经营许可（新办） from a company that handed in everything', () => {
    expect(reviewCase(food)).toEqual({ status: 'accepted' });
  });

  it('accepts 个体工商户设立登记 from a person, electronic uploads included', () => {
    const upload = { materialId: 'resident-id-card', form: 'electronic', originals: 1, copies: 0 } as const;
    expect(reviewCase(withSubmission(trader, 'resident-id-card', upload))).toEqual({ status: 'accepted' });
  });

  it('accepts an ID number typed with a lowercase x, and no phone at all', () => {
    const applicant = { kind: 'person', name: '李四', idNumber: PERSON_ID.toLowerCase() } as const;
    expect(reviewCase({ ...trader, applicant })).toEqual({ status: 'accepted' });
  });

  it('ignores a submission for a material the checklist does not ask for', () => {
    const extra = { materialId: 'not-on-the-checklist', form: 'paper', originals: 0, copies: 0, readable: false } as const;
    expect(reviewCase({ ...food, submitted: [...food.submitted, extra] })).toEqual({ status: 'accepted' });
  });

  it('takes an item reused from the library as satisfied without any submission', () => {
    const reusedFrom = { id: 'lib-1', materialId: businessLicence, name: '营业执照' };
    const input = { ...withSubmission(food, businessLicence, undefined), checklist: adjustItem(food.checklist, businessLicence, { reusedFrom }) };
    expect(reviewCase(input)).toEqual({ status: 'accepted' });
  });

  it('takes an item produced inside the bundle as satisfied: never missing, never pending', () => {
    const produced = { ...withSubmission(food, businessLicence, undefined), checklist: adjustItem(food.checklist, businessLicence, { producedBy: 'business-licence' }) };
    expect(reviewCase(produced)).toEqual({ status: 'accepted' });
    const toFollow = { ...produced, checklist: adjustItem(produced.checklist, businessLicence, { necessity: '3' }) };
    expect(reviewCase(toFollow)).toEqual({ status: 'accepted' });
  });

  it('does not judge a produced item by a flawed copy handed in anyway', () => {
    const flawed = { ...soundPaper(itemOf(food, businessLicence)), validUntil: '2020-01-01', readable: false };
    const input = { ...withSubmission(food, businessLicence, flawed), checklist: adjustItem(food.checklist, businessLicence, { producedBy: 'business-licence' }) };
    expect(reviewCase(input)).toEqual({ status: 'accepted' });
  });
});

describe('reviewCase reports each defect with a stable reason', () => {
  const one = (input: ReviewInput): Defect => {
    const defects = defectsOf(reviewCase(input));
    expect(defects).toHaveLength(1);
    return defects[0]!;
  };

  it('missing: a 必要 material not handed in', () => {
    const defect = one(withSubmission(food, applicationForm, undefined));
    expect(defect).toMatchObject({ reason: 'missing', materialId: applicationForm, materialName: '申请书', matterCode: foodLicence.code });
    expect(defect.message).toBe('缺少必要材料《申请书》');
    expect(defect.fix).toBe('请提交纸质或电子《申请书》（原件1份）');
  });

  it('expired: a document whose validity ended before the review day', () => {
    const old = { ...soundPaper(itemOf(food, businessLicence)), validUntil: '2026-03-01' };
    expect(one(withSubmission(food, businessLicence, old))).toMatchObject({ reason: 'expired', materialId: businessLicence });
    expect(reviewCase(withSubmission(food, businessLicence, { ...old, validUntil: '2026-03-02' }))).toEqual({ status: 'accepted' });
  });

  it('wrong-form: electronic where paper only is accepted, and paper where electronic only is', () => {
    const paperOnly = { ...food, checklist: adjustItem(food.checklist, layout, { form: '1' }) };
    const upload = { ...soundPaper(itemOf(food, layout)), form: 'electronic' } as const;
    expect(one(withSubmission(paperOnly, layout, upload))).toMatchObject({ reason: 'wrong-form', materialId: layout });
    const electronicOnly = { ...food, checklist: adjustItem(food.checklist, layout, { form: '2' }) };
    expect(one(electronicOnly)).toMatchObject({ reason: 'wrong-form', message: '《设备布局和工艺流程》须提交电子材料，收到的是纸质材料' });
  });

  it('too-few-originals and too-few-copies: paper counts below the demand', () => {
    const noOriginal = { ...soundPaper(itemOf(food, layout)), originals: 0 };
    expect(one(withSubmission(food, layout, noOriginal))).toMatchObject({ reason: 'too-few-originals', fix: '请补交《设备布局和工艺流程》原件1份' });
    const twoCopies = { ...food, checklist: adjustItem(food.checklist, layout, { copies: 2 }) };
    const oneCopy = { ...soundPaper(itemOf(food, layout)), copies: 1 };
    expect(one(withSubmission(twoCopies, layout, oneCopy))).toMatchObject({ reason: 'too-few-copies', messageEn: '设备布局和工艺流程: 2 copies required, 1 received' });
  });

  it('unreadable: a scan or copy the front desk marked illegible', () => {
    const blurred = { ...soundPaper(itemOf(food, foodSafetyRules)), readable: false };
    expect(one(withSubmission(food, foodSafetyRules, blurred))).toMatchObject({ reason: 'unreadable', materialId: foodSafetyRules });
  });

  it('invalid-id-number: absent, mistyped or born in the future', () => {
    const { idNumber: _, ...noId } = person;
    expect(one({ ...trader, applicant: noId })).toMatchObject({ reason: 'invalid-id-number', field: 'idNumber', message: '未填写居民身份证号码' });
    expect(one({ ...trader, applicant: { ...person, idNumber: '110105194912310021' } })).toMatchObject({ message: '居民身份证号码校验位不正确' });
    const unborn = '33010920270101001' + computeResidentIdCheck('33010920270101001');
    expect(one({ ...trader, applicant: { ...person, idNumber: unborn } })).toMatchObject({ message: '居民身份证号码中的出生日期无效' });
  });

  it('invalid-id-number also for an organisation’s representative ID when one is given', () => {
    expect(one({ ...food, applicant: { ...company, idNumber: '123' } })).toMatchObject({ reason: 'invalid-id-number' });
  });

  it('invalid-credit-code: absent or failing its check', () => {
    expect(one({ ...food, applicant: { ...company, creditCode: ' ' } })).toMatchObject({ reason: 'invalid-credit-code', field: 'creditCode' });
    expect(one({ ...food, applicant: { ...company, creditCode: '91370200264574251F' } })).toMatchObject({ message: '统一社会信用代码校验位不正确' });
  });

  it('invalid-phone: a phone given but not a mobile or landline', () => {
    expect(one({ ...trader, applicant: { ...person, phone: '1381234567' } })).toMatchObject({ reason: 'invalid-phone', field: 'phone' });
  });

  it('applicant-kind-not-served: a person applying for a matter only organisations may', () => {
    const input = { ...food, applicant: person };
    expect(one(input)).toMatchObject({ reason: 'applicant-kind-not-served', matterCode: foodLicence.code, message: `事项${foodLicence.code}不面向自然人办理`, fix: '请以法人身份申请，或咨询导办人员选择适用的事项' });
  });

  it('not-this-hall: a matter outside the hall’s accepted set, or unknown to the catalog', () => {
    expect(one({ ...food, acceptedHere: new Set(['some-other-code']) })).toMatchObject({ reason: 'not-this-hall', matterCode: foodLicence.code });
    expect(reviewCase({ ...food, acceptedHere: new Set([foodLicence.code]) })).toEqual({ status: 'accepted' });
    expect(one({ ...food, matterCodes: [...food.matterCodes, 'NO-SUCH-MATTER'] })).toMatchObject({ reason: 'not-this-hall', matterCode: 'NO-SUCH-MATTER' });
  });

  it('gives every defect a Chinese message and fix first, and English ones', () => {
    const chinese = /[\u4e00-\u9fff]/;
    const notice = intakeWithEveryProblem();
    for (const d of defectsOf(reviewCase(notice))) {
      expect(d.message).toMatch(chinese);
      expect(d.fix).toMatch(chinese);
      expect(d.messageEn).toMatch(/^[A-Z]|^[\u4e00-\u9fff]/);
      expect(d.fixEn).toMatch(/^[A-Z]/);
    }
  });
});

/** A person applying for the food licence at a hall that does not take it, with a bad phone and flawed materials. */
const intakeWithEveryProblem = (): ReviewInput => {
  const input = withSubmission(food, applicationForm, undefined);
  return {
    ...withSubmission(input, layout, { materialId: layout, form: 'paper', originals: 0, copies: 0, validUntil: '2025-01-01', readable: false }),
    applicant: { kind: 'person', name: '王五', idNumber: '110105194912310021', phone: '12345' },
    acceptedHere: new Set(),
  };
};

describe('reviewCase gives every defect at once (一次性告知)', () => {
  it('lists applicant, matter and material problems together, applicant first, then the checklist order', () => {
    expect(reasonsOf(intakeWithEveryProblem())).toEqual([
      'invalid-id-number',
      'invalid-phone',
      'not-this-hall',
      'applicant-kind-not-served',
      'missing',
      'too-few-originals',
      'expired',
      'unreadable',
    ]);
  });

  it('reports the same defects on every run (the order is part of the contract)', () => {
    expect(reviewCase(intakeWithEveryProblem())).toEqual(reviewCase(intakeWithEveryProblem()));
  });

  it('reports exactly the 必要 materials left out, whichever they are', () => {
    const ids = food.checklist.items.map((i) => i.material.id);
    fc.assert(
      fc.property(fc.subarray(ids), (omitted) => {
        const input = { ...food, submitted: food.submitted.filter((s) => !omitted.includes(s.materialId)) };
        const missing = defectsOf(reviewCase(input)).map((d) => d.materialId);
        expect(missing).toEqual(ids.filter((id) => omitted.includes(id)));
      }),
    );
  });

  it('names no single matter on a material several matters of a bundle share', () => {
    const signboard = matterNamed('户外招牌设施设置');
    const bundle = intakeFor(company, foodLicence, signboard);
    const [defect] = defectsOf(reviewCase(withSubmission(bundle, 'business-licence', undefined)));
    expect(defect).toMatchObject({ reason: 'missing', materialId: 'business-licence' });
    expect(defect).not.toHaveProperty('matterCode');
  });
});

describe('reviewCase and 容缺后补 (materials that may follow)', () => {
  const lenient = { ...food, checklist: adjustItem(food.checklist, layout, { necessity: '3' }) };

  it('accepts with the 容缺后补 material pending when it is missing', () => {
    expect(reviewCase(withSubmission(lenient, layout, undefined))).toEqual({ status: 'accepted-pending', pending: [itemOf(lenient, layout)] });
  });

  it('puts a flawed 容缺后补 material in pending instead of the notice', () => {
    const flawed = { ...soundPaper(itemOf(lenient, layout)), readable: false };
    expect(reviewCase(withSubmission(lenient, layout, flawed))).toMatchObject({ status: 'accepted-pending' });
  });

  it('accepts outright when the 容缺后补 material is handed in sound', () => {
    expect(reviewCase(lenient)).toEqual({ status: 'accepted' });
  });

  it('still gives a notice for a missing 必要 material, without the pending one as a defect', () => {
    const input = withSubmission(withSubmission(lenient, layout, undefined), applicationForm, undefined);
    expect(reasonsOf(input)).toEqual(['missing']);
  });

  it('never holds up a case over a 非必要 material, missing or flawed', () => {
    const optional = { ...food, checklist: adjustItem(food.checklist, layout, { necessity: '2' }) };
    expect(reviewCase(withSubmission(optional, layout, undefined))).toEqual({ status: 'accepted' });
    expect(reviewCase(withSubmission(optional, layout, { ...soundPaper(itemOf(food, layout)), readable: false }))).toEqual({ status: 'accepted' });
  });
});
