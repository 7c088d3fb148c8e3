import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Matter, TimeLimit } from './types.ts';
import { loadXiaoshanCatalog } from './xiaoshan-catalog.ts';

const catalog = loadXiaoshanCatalog();
const byName = new Map(catalog.matters.map((m) => [m.name, m]));
const departmentName = new Map(catalog.departments.map((d) => [d.id, d.name]));

const FIXTURE = fileURLToPath(new URL('./fixtures/required-matters.md', import.meta.url));
const SOURCE = fileURLToPath(new URL('../../../shared/reference/required-matters.md', import.meta.url));
const TSV = fileURLToPath(new URL('../../../shared/reference/sichuan-guangan-district-catalog.tsv', import.meta.url));

interface RequiredRow {
  name: string;
  department: string;
  type: string;
  limit: string;
  visits: number;
  materials: string[];
}

/** The table of required-matters.md, read independently of the generator's parser. */
const requiredRows = (): RequiredRow[] => {
  const text = readFileSync(FIXTURE, 'utf8');
  const table = text.slice(text.indexOf('| name |'), text.indexOf('## Bundles'));
  return table
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| name'))
    .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()))
    .map(([name, department, type, limit, visits, materials]) => ({
      name: name!,
      department: department!,
      type: type!,
      limit: limit!,
      visits: Number(visits),
      materials: materials!.split(';').map((m) => m.trim()),
    }));
};

const TYPE: Record<string, string> = { L: '01', Q: '07', G: '05', P: '20', O: '10' };

/** '30日' → calendar days, '20' → working days, '即办' → on the spot. */
const expectedLimit = (text: string): Pick<TimeLimit, 'value' | 'unit'> => {
  const t = text.trim();
  if (t.startsWith('即办')) return { value: 0, unit: 'on_the_spot' };
  const days = /^(\d+)(日)?/.exec(t)!;
  return { value: Number(days[1]), unit: days[2] ? 'calendar_days' : 'working_days' };
};

const limitsOf = (text: string) => {
  const bare = text.replace(/\(.*?\)/g, '').replace('冷静期后即办', '/ 即办');
  const [legal, promised = legal] = bare.split('/');
  return { legal: expectedLimit(legal!), promised: expectedLimit(promised!) };
};

const plain = (limit: TimeLimit) => ({ value: limit.value, unit: limit.unit });

describe('the Xiaoshan catalog', () => {
  it('has exactly the 28 departments of the hall', () => {
    expect(catalog.departments.map((d) => d.name)).toEqual(
      '市场监管局, 发改局, 经信局, 科技局, 教育局, 公安分局, 民政局, 司法局, 财政局, 人力社保局, 规划和自然资源分局, 生态环境分局, 住建局, 交通运输局, 林业水利局, 农业农村局, 商务局, 文广旅体局, 卫健局, 退役军人事务局, 应急管理局, 医保分局, 综合行政执法局, 残联, 税务局, 住房公积金萧山分中心, 消防救援大队, 烟草专卖局'.split(
        ', ',
      ),
    );
  });

  it('gives every department a demo credit code of a Xiaoshan government body and a landline', () => {
    for (const d of catalog.departments) {
      expect(d.creditCode).toMatch(/^11330109[0-9A-HJ-NPQRTUWXY]{10}$/);
      expect(d.phone).toMatch(/^0571-\d{8}$/);
      expect(d.fullName).toContain('萧山');
    }
  });

  it('has at least the 836 matters of the hall, with unique names and codes', () => {
    expect(catalog.matters.length).toBeGreaterThanOrEqual(836);
    expect(catalog.matters.length).toBeLessThanOrEqual(900);
    expect(new Set(catalog.matters.map((m) => m.name)).size).toBe(catalog.matters.length);
    expect(new Set(catalog.matters.map((m) => m.code)).size).toBe(catalog.matters.length);
  });

  it('gives every department at least one matter', () => {
    const used = new Set(catalog.matters.map((m) => m.departmentId));
    expect(catalog.departments.filter((d) => !used.has(d.id))).toEqual([]);
  });

  it('writes 实施编码 in the national shape with the Xiaoshan area code and the department credit code', () => {
    const credit = new Map(catalog.departments.map((d) => [d.id, d.creditCode]));
    for (const m of catalog.matters) {
      expect(m.code).toBe(`${m.basicCode}-330109000000-000-${credit.get(m.departmentId)}-${m.code.split('-').at(-2)}-00`);
      expect(m.code).toBe(m.code.toUpperCase());
    }
  });

  it('says it is a demo catalog, not an official list', () => {
    expect(catalog.notice).toContain('演示目录');
    expect(catalog.notice).toContain('非萧山区官方事项清单');
  });

  it('is expanded once and then reused', () => {
    expect(loadXiaoshanCatalog()).toBe(catalog);
  });

  it('keeps the required-matters fixture identical to the shared reference', () => {
    if (!existsSync(SOURCE)) return; // outside the workspace only the fixture exists
    expect(readFileSync(FIXTURE, 'utf8')).toBe(readFileSync(SOURCE, 'utf8'));
  });
});

describe('every required matter', () => {
  const rows = requiredRows();

  it('is read from the list (70 rows)', () => {
    expect(rows).toHaveLength(70);
  });

  it.each(rows.map((r) => [r.name, r] as const))('%s is present with its department, type, limits and visits', (_, row) => {
    const matter = byName.get(row.name);
    expect(matter, row.name).toBeDefined();
    const m = matter as Matter;
    expect(departmentName.get(m.departmentId)).toBe(row.department);
    expect(m.type).toBe(TYPE[row.type]);
    const { legal, promised } = limitsOf(row.limit);
    expect(plain(m.legalLimit)).toEqual(legal);
    expect(plain(m.promisedLimit)).toEqual(promised);
    expect(m.caseKind).toBe(promised.unit === 'on_the_spot' ? 'instant' : 'promised');
    expect(m.visits).toBe(row.visits);
    expect(m.byCommitment).toBe(/告知承诺|承诺制/.test(row.limit));
    const shared = row.materials.filter((t) => t.includes('(共享'));
    expect(m.materials.filter((x) => x.source === '20').length).toBeGreaterThanOrEqual(shared.length);
  });
});

describe('guides', () => {
  it('are complete for every matter', () => {
    for (const m of catalog.matters) {
      expect(m.materials.length, m.name).toBeGreaterThan(0);
      expect(m.acceptanceConditions.length, m.name).toBeGreaterThan(0);
      expect(m.reviewPoints.length, m.name).toBeGreaterThan(0);
      expect(m.legalBasis.length, m.name).toBeGreaterThan(0);
      expect(m.result.name, m.name).not.toBe('');
      const steps = m.processSteps.map((s) => s.name);
      expect(steps.filter((s) => ['受理', '审查', '决定', '制证', '送达'].includes(s)), m.name).toEqual([
        '受理',
        '审查',
        '决定',
        '制证',
        '送达',
      ]);
    }
  });

  it('need a site inspection for the inspection-type licences that ask for a visit', () => {
    for (const name of ['药品零售企业经营许可', '公众聚集场所投入使用、营业前消防安全检查', '烟草专卖零售许可证核发', '娱乐场所经营许可']) {
      expect(byName.get(name)!.siteInspection, name).toBe(true);
      expect(byName.get(name)!.processSteps.map((s) => s.description).join(), name).toContain('现场核查');
    }
    expect(byName.get('个体工商户设立登记')!.siteInspection).toBe(false);
    expect(byName.get('结婚登记')!.siteInspection).toBe(false);
  });

  it('use one id for one shared document across matters', () => {
    const licence = ['食品经营许可（新办）', '烟草专卖零售许可证核发', '户外招牌设施设置', '排污许可证核发'].map(
      (n) => byName.get(n)!.materials.find((x) => x.name === '营业执照')!,
    );
    expect(new Set(licence.map((x) => x.id))).toEqual(new Set(['business-licence']));
    const definitions = new Map<string, string>();
    for (const m of catalog.matters) {
      for (const x of m.materials) {
        const signature = `${x.name}|${x.type}|${x.source}`;
        expect(definitions.get(x.id) ?? signature, `${m.name}: ${x.id}`).toBe(signature);
        definitions.set(x.id, signature);
      }
    }
  });

  it('mark government-issued documents as 政府部门核发 so they can be reused', () => {
    const birth = byName.get('出生登记')!.materials.find((x) => x.id === 'birth-medical-certificate');
    expect(birth?.source).toBe('20');
    const deed = byName.get('二手房转移登记')!.materials.map((x) => x.id);
    expect(deed).toEqual(expect.arrayContaining(['real-estate-certificate', 'tax-payment-certificate', 'resident-id-card']));
  });

  it('carry names and basic codes of the national catalog for matters from the reference list', () => {
    expect(byName.get('旅馆业特种行业许可证核发')?.basicCode).toBe('511A0146000000');
    expect(byName.get('公众聚集场所投入使用、营业前消防安全检查')?.basicCode).toBe('511A0021300001');
  });

  it('keep the basic code of every reference row they take their exact name from', () => {
    if (!existsSync(TSV)) return; // outside the workspace the reference list is not there
    const rows = readFileSync(TSV, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    const codesByName = new Map<string, string[]>();
    for (const [, , name, itemCode] of rows) codesByName.set(name!, [...(codesByName.get(name!) ?? []), itemCode!]);
    let checked = 0;
    for (const [name, itemCodes] of codesByName) {
      const matter = byName.get(name);
      if (!matter) continue;
      // A name listed twice in the reference list keeps the first row's code.
      expect(itemCodes.some((c) => c.startsWith(`${matter.basicCode}-`)), name).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(500);
  });
});

describe('bundles', () => {
  const bundle = (id: string) => catalog.bundles.find((b) => b.id === id)!;
  const codeOf = (name: string) => byName.get(name)!.code;
  const edges = (id: string) => bundle(id).dependencies.map((d) => `${d.from}>${d.to}`).sort();

  it('are the five bundles of the list', () => {
    expect(catalog.bundles.map((b) => b.id)).toEqual(['open-restaurant', 'start-company', 'birth', 'civil-defence-works', 'second-hand-house']);
  });

  it('let a restaurant start as an individual business or a limited company', () => {
    const slot = bundle('open-restaurant').members.find((m) => m.key === 'business-licence')!;
    expect(slot.matterCodes).toEqual([codeOf('个体工商户设立登记'), codeOf('有限责任公司设立登记')]);
    expect(edges('open-restaurant')).toEqual(['business-licence>food-licence', 'business-licence>signboard', 'business-licence>tobacco-retail']);
  });

  it('inspect jointly the restaurant members that need a site inspection', () => {
    const restaurant = bundle('open-restaurant');
    const [joint] = restaurant.jointInspections;
    const inspected = restaurant.members.filter((m) => m.matterCodes.some((c) => catalog.matters.find((x) => x.code === c)!.siteInspection));
    expect(joint!.members.slice().sort()).toEqual(inspected.map((m) => m.key).sort());
    expect(joint!.members.length).toBeGreaterThanOrEqual(2);
  });

  it('start a company in one working day, everything after the registration', () => {
    expect(bundle('start-company').promisedLimit).toEqual({ value: 1, unit: 'working_days' });
    expect(edges('start-company')).toEqual(['registration>housing-fund', 'registration>invoice', 'registration>seal', 'registration>social-insurance']);
  });

  it('chain the birth matters as listed', () => {
    expect(edges('birth')).toEqual([
      'birth-certificate>household',
      'birth-certificate>vaccination',
      'household>medical-insurance',
      'medical-insurance>social-security-card',
    ]);
  });

  it('file the civil defence works jointly, in parallel', () => {
    expect(bundle('civil-defence-works').members).toHaveLength(2);
    expect(edges('civil-defence-works')).toEqual([]);
  });
});
