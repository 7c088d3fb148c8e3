import { describe, expect, it } from 'vitest';
import { expandSeed, parseLimitPair } from './expand-seed.ts';
import { makeTinySeed } from './fixtures/tiny-seed.ts';
import { validateCatalog } from './validate-catalog.ts';

describe('parseLimitPair', () => {
  it('reads legal / promised working days', () => {
    expect(parseLimitPair('20/5')).toEqual([
      { value: 20, unit: 'working_days' },
      { value: 5, unit: 'working_days' },
    ]);
  });

  it('reads 日 as calendar days and 即办 as on the spot with value 0', () => {
    expect(parseLimitPair('30日/即办')).toEqual([
      { value: 30, unit: 'calendar_days' },
      { value: 0, unit: 'on_the_spot' },
    ]);
  });

  it('uses one figure for both limits when there is no slash', () => {
    const [legal, promised] = parseLimitPair('3');
    expect(legal).toEqual({ value: 3, unit: 'working_days' });
    expect(promised).toBe(legal);
  });

  it('turns an unreadable figure into NaN, which the validator rejects', () => {
    expect(parseLimitPair('二十/5')[0].value).toBeNaN();
  });
});

describe('expandSeed', () => {
  const catalog = expandSeed(makeTinySeed());
  const [business, food, fire] = catalog.matters;

  it('expands a valid seed into a catalog with no problems', () => {
    expect(validateCatalog(catalog)).toEqual([]);
  });

  it('builds the 实施编码 from basic code, area code, credit code and item number', () => {
    expect(business!.code).toBe('511A0074300005-330109000000-000-11330109MB20201373-1-00');
    expect(fire!.code).toBe('511A0021300001-330109000000-000-11330109MB2020274K-2-00');
  });

  it('derives the case kind from the promised limit and the online depth from visits', () => {
    expect(business!.caseKind).toBe('instant');
    expect(fire!.caseKind).toBe('promised');
    expect(business!.onlineDepth).toBe('IV');
    expect(fire!.onlineDepth).toBe('III');
  });

  it('picks the commitment flow for 告知承诺 and the inspection flow for site inspections', () => {
    expect(food!.processSteps[0]!.name).toBe('承诺受理');
    expect(fire!.processSteps.map((s) => s.name)).toEqual(['受理', '审查', '现场核查', '决定', '制证', '送达']);
    expect(business!.processSteps.map((s) => s.name)).toEqual(['受理', '审查', '决定', '制证', '送达']);
  });

  it('appends matter conditions to the template and resolves legal bases by id', () => {
    expect(food!.acceptanceConditions).toEqual(['主体合法', '已取得营业执照']);
    expect(food!.legalBasis).toEqual(['《中华人民共和国食品安全法》', '《中华人民共和国行政许可法》']);
    expect(business!.result).toEqual({ name: '营业执照', type: '10' });
    expect(fire!.result).toEqual({ name: '准予行政许可决定书', type: '20' });
  });

  it('shares one material object for a shared id, and keeps a per-matter note apart', () => {
    const plain = food!.materials.find((m) => m.id === 'business-licence')!;
    const noted = fire!.materials.find((m) => m.id === 'business-licence')!;
    expect(plain.source).toBe('20');
    expect(plain.instructions).toBeUndefined();
    expect(noted.instructions).toBe('场所经营者的营业执照');
    expect(noted.name).toBe(plain.name);
  });

  it('gives matter-specific materials ids unique to their matter, with type and necessity from the ref', () => {
    expect(food!.materials.map((m) => m.id)).toEqual(['511a0005200004-1-1', 'business-licence', '511a0005200004-1-3']);
    const rules = food!.materials[2]!;
    expect(rules).toMatchObject({ name: '食品安全管理制度', type: '3', necessity: '3', source: '10' });
    expect(food!.materials[0]!.sampleNote).toBeDefined();
  });

  it('resolves bundle members by name and reads the bundle limit', () => {
    const bundle = catalog.bundles[0]!;
    expect(bundle.members[0]!.matterCodes).toEqual([business!.code]);
    expect(bundle.members[2]!.optional).toBe(true);
    expect(bundle.dependencies).toEqual([{ from: 'licence', to: 'food' }]);
    expect(bundle.promisedLimit).toEqual({ value: 1, unit: 'working_days' });
  });

  it('attaches the aliases it is given', () => {
    const aliases = [{ phrase: '开店', matterNames: ['个体工商户设立登记'] }];
    expect(expandSeed(makeTinySeed(), aliases).aliases).toBe(aliases);
  });

  it('expands a broken seed into a catalog whose faults the validator names', () => {
    const seed = makeTinySeed();
    const broken = {
      ...seed,
      matters: [
        { ...seed.matters[0]!, dept: 'nowhere' },
        { ...seed.matters[1]!, tpl: 'no-template', materials: ['@no-such-material', 'bad ref'] },
        seed.matters[2]!,
      ],
      bundles: [{ ...seed.bundles[0]!, members: [{ key: 'x', matters: ['不存在的事项'] }], dependencies: [] }],
    };
    const codes = validateCatalog(expandSeed(broken)).map((p) => `${p.path} ${p.code}`);
    expect(codes).toContain('matters[0].departmentId UNKNOWN_DEPARTMENT');
    expect(codes).toContain('matters[1].reviewPoints NO_REVIEW_POINTS');
    expect(codes).toContain('matters[1].processSteps NO_PROCESS_STEPS');
    expect(codes).toContain('matters[1].materials[0].type INVALID_CODE');
    expect(codes).toContain('matters[1].materials[1].source INVALID_CODE');
    expect(codes).toContain('bundles[0].members[0].matterCodes[0] UNKNOWN_MATTER_CODE');
  });
});
