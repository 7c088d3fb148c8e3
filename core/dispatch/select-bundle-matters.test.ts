import { describe, expect, it } from 'vitest';
import { bundleById, companyRegistrationCode, index, matterByCode, soleTraderRegistrationCode } from './fixtures/dispatch-fixtures.ts';
import { selectBundleMatters } from './select-bundle-matters.ts';

const restaurant = bundleById('open-restaurant');
const birth = bundleById('birth');

const refusal = (member: string, reason: string) => ({
  ok: false,
  error: { code: 'BUNDLE_CHOICE_INVALID', details: expect.objectContaining({ member, reason }) },
});

describe('selectBundleMatters', () => {
  it('takes every required member with a single alternative without any choice', () => {
    const selected = selectBundleMatters(birth, index, {});
    expect(selected.ok).toBe(true);
    if (!selected.ok) return;
    expect([...selected.value.keys()]).toEqual(['birth-certificate', 'vaccination', 'household', 'medical-insurance', 'social-security-card']);
    expect(selected.value.get('household')!.name).toBe('出生登记');
  });

  it('asks for a choice where a member offers several matters', () => {
    expect(selectBundleMatters(restaurant, index, {})).toEqual(refusal('business-licence', 'choice-required'));
  });

  it('takes the chosen alternative, by 实施编码 or by 基本编码', () => {
    const byCode = selectBundleMatters(restaurant, index, { 'business-licence': companyRegistrationCode });
    expect(byCode.ok && byCode.value.get('business-licence')!.name).toBe('有限责任公司设立登记');
    const basic = matterByCode(soleTraderRegistrationCode).basicCode;
    const byBasic = selectBundleMatters(restaurant, index, { 'business-licence': ` ${basic.toLowerCase()} ` });
    expect(byBasic.ok && byBasic.value.get('business-licence')!.name).toBe('个体工商户设立登记');
  });

  it('leaves an optional member out unless it is included or chosen', () => {
    const choices = { 'business-licence': soleTraderRegistrationCode };
    const without = selectBundleMatters(restaurant, index, choices);
    expect(without.ok && [...without.value.keys()]).toEqual(['business-licence', 'food-licence', 'signboard', 'fire-safety']);
    const included = selectBundleMatters(restaurant, index, choices, ['tobacco-retail']);
    expect(included.ok && included.value.has('tobacco-retail')).toBe(true);
    const tobacco = restaurant.members.find((m) => m.key === 'tobacco-retail')!.matterCodes[0]!;
    const chosen = selectBundleMatters(restaurant, index, { ...choices, 'tobacco-retail': tobacco });
    expect(chosen.ok && chosen.value.has('tobacco-retail')).toBe(true);
  });

  it('refuses member keys the bundle lacks, in choices and in include', () => {
    expect(selectBundleMatters(birth, index, { passport: 'X' })).toEqual(refusal('passport', 'unknown-member'));
    expect(selectBundleMatters(birth, index, {}, ['passport'])).toEqual(refusal('passport', 'unknown-member'));
  });

  it('refuses a code that names no matter, or a matter the member does not offer', () => {
    expect(selectBundleMatters(restaurant, index, { 'business-licence': 'NOPE' })).toEqual(refusal('business-licence', 'unknown-matter'));
    const foodLicence = restaurant.members.find((m) => m.key === 'food-licence')!.matterCodes[0]!;
    expect(selectBundleMatters(restaurant, index, { 'business-licence': foodLicence })).toEqual(
      refusal('business-licence', 'not-an-alternative'),
    );
    // A single-alternative member may be named, but only with its own matter.
    const vaccination = birth.members.find((m) => m.key === 'vaccination')!.matterCodes[0]!;
    expect(selectBundleMatters(birth, index, { household: vaccination })).toEqual(refusal('household', 'not-an-alternative'));
  });

  it('refuses a 基本编码 shared by two alternatives as ambiguous', () => {
    const code = companyRegistrationCode;
    const twin = { ...matterByCode(code), code: `${code}-TWIN` };
    const twinIndex = { ...index, byCode: new Map([...index.byCode, [twin.code, twin]]) };
    const bundle = { ...birth, members: [{ key: 'registration', matterCodes: [code, twin.code] }], dependencies: [] };
    expect(selectBundleMatters(bundle, twinIndex, { registration: twin.basicCode })).toEqual(refusal('registration', 'ambiguous-choice'));
    const exact = selectBundleMatters(bundle, twinIndex, { registration: twin.code });
    expect(exact.ok && exact.value.get('registration')).toBe(twin);
  });

  it('says which alternatives were offered when it refuses', () => {
    const refused = selectBundleMatters(restaurant, index, {});
    expect(!refused.ok && refused.error.details).toEqual({
      member: 'business-licence',
      reason: 'choice-required',
      alternatives: [soleTraderRegistrationCode, companyRegistrationCode],
    });
  });
});
