import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandSeed } from './expand-seed.ts';
import { makeTinySeed } from './fixtures/tiny-seed.ts';
import { CATALOG_PROBLEM_MESSAGES, validateCatalog, type CatalogProblem } from './validate-catalog.ts';
import { loadXiaoshanCatalog } from './xiaoshan-catalog.ts';

/** A deep, mutable copy to break by hand. */
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const copyOf = (value: unknown): Json => structuredClone(value);
const found = (problems: readonly CatalogProblem[]) => problems.map((p) => `${p.path} ${p.code}`);

describe('validateCatalog on the Xiaoshan catalog', () => {
  it('finds no problem in the shipped catalog', () => {
    expect(validateCatalog(loadXiaoshanCatalog())).toEqual([]);
  });

  it('reports every injected problem at once, each with its path and code', () => {
    const doc = copyOf(loadXiaoshanCatalog());
    doc.matters[1].code = doc.matters[0].code;
    doc.matters[2].name = doc.matters[0].name;
    doc.matters[3].departmentId = 'no-such-department';
    doc.matters[4].materials = [];
    doc.matters[5].acceptanceConditions = [];
    doc.matters[5].reviewPoints = [];
    doc.matters[5].processSteps = [];
    doc.matters[6].materials[0].source = '30';
    doc.matters[6].materials.push({ ...doc.matters[6].materials[0], source: '10' });
    doc.matters[7].legalLimit = { value: 5, unit: 'working_days' };
    doc.matters[7].promisedLimit = { value: 8, unit: 'working_days' };
    doc.matters[7].caseKind = 'promised';
    doc.matters[8].promisedLimit = { value: 2, unit: 'on_the_spot' };
    doc.matters[9].legalLimit = { value: -1, unit: 'weeks' };
    doc.matters[10].legalLimit = { value: 2.5, unit: 'working_days' };
    doc.departments.push({ ...doc.departments[0] });
    doc.bundles.push(copyOf(doc.bundles[0]));
    doc.bundles[5].members[1].matterCodes = ['NO-SUCH-CODE'];
    doc.bundles[5].dependencies.push({ from: 'nobody', to: 'food-licence' });
    doc.bundles[0].jointInspections = [{ name: '踏勘', members: ['fire-safety', 'ghost'] }];
    doc.aliases = [{ phrase: '开饭店', matterNames: ['不存在的事项'] }];

    const problems = found(validateCatalog(doc));
    const n = doc.matters[6].materials.length - 1;
    expect(problems).toEqual(
      expect.arrayContaining([
        'matters[1].code DUPLICATE_MATTER_CODE',
        'matters[2].name DUPLICATE_MATTER_NAME',
        'matters[3].departmentId UNKNOWN_DEPARTMENT',
        'matters[4].materials NO_MATERIALS',
        'matters[5].acceptanceConditions NO_ACCEPTANCE_CONDITIONS',
        'matters[5].reviewPoints NO_REVIEW_POINTS',
        'matters[5].processSteps NO_PROCESS_STEPS',
        'matters[6].materials[0].source INVALID_CODE',
        `matters[6].materials[${n}].id DUPLICATE_MATERIAL_ID`,
        'matters[7].promisedLimit PROMISED_EXCEEDS_LEGAL',
        'matters[8].promisedLimit.value LIMIT_ON_THE_SPOT_NONZERO',
        'matters[9].legalLimit.unit LIMIT_INVALID_UNIT',
        'matters[9].legalLimit.value LIMIT_INVALID_VALUE',
        'matters[10].legalLimit.value LIMIT_INVALID_VALUE',
        'departments[28].id DUPLICATE_DEPARTMENT_ID',
        'bundles[5].id DUPLICATE_BUNDLE_ID',
        'bundles[5].members[1].matterCodes[0] UNKNOWN_MATTER_CODE',
        `bundles[5].dependencies[${doc.bundles[5].dependencies.length - 1}].from UNKNOWN_MEMBER`,
        'bundles[0].jointInspections[0].members[1] UNKNOWN_MEMBER',
        'aliases[0].matterNames[0] UNKNOWN_ALIAS_TARGET',
      ]),
    );
  });

  it('does not compare limits of different units', () => {
    const doc = copyOf(loadXiaoshanCatalog());
    doc.matters[0].legalLimit = { value: 10, unit: 'calendar_days' };
    doc.matters[0].promisedLimit = { value: 9, unit: 'working_days' };
    doc.matters[0].caseKind = 'promised';
    expect(found(validateCatalog(doc))).toEqual([]);
  });

  it('flags a 即办件 whose promised limit is a period', () => {
    const doc = copyOf(loadXiaoshanCatalog());
    const i = doc.matters.findIndex((m: Json) => m.caseKind === 'instant');
    doc.matters[i].promisedLimit = { value: 0, unit: 'working_days' };
    expect(found(validateCatalog(doc))).toEqual([`matters[${i}].caseKind CASE_KIND_MISMATCH`]);
  });

  it('checks the departments credit codes', () => {
    const doc = copyOf(loadXiaoshanCatalog());
    doc.departments[3].creditCode = doc.departments[3].creditCode.slice(0, 17) + (doc.departments[3].creditCode.endsWith('0') ? '1' : '0');
    expect(found(validateCatalog(doc))).toEqual(['departments[3].creditCode INVALID_CREDIT_CODE']);
  });

  it('writes the message in Chinese, then English, then the detail', () => {
    const doc = copyOf(loadXiaoshanCatalog());
    doc.matters[1].code = doc.matters[0].code;
    const problem = validateCatalog(doc).find((p) => p.code === 'DUPLICATE_MATTER_CODE')!;
    expect(problem.message).toBe(`重复的实施编码 / duplicate matter code: ${doc.matters[0].code}`);
  });
});

describe('validateCatalog on dependency cycles', () => {
  const withDependencies = (deps: [string, string][]) => {
    const doc = copyOf(expandSeed(makeTinySeed()));
    doc.bundles[0].dependencies = deps.map(([from, to]) => ({ from, to }));
    return validateCatalog(doc);
  };

  it('reports a cycle with its path', () => {
    const problems = withDependencies([
      ['licence', 'food'],
      ['food', 'fire'],
      ['fire', 'licence'],
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'bundles[0].dependencies', code: 'DEPENDENCY_CYCLE' });
    expect(problems[0]!.message).toContain('fire → licence → food → fire');
  });

  it('reports a member that waits for itself', () => {
    expect(found(withDependencies([['food', 'food']]))).toEqual(['bundles[0].dependencies DEPENDENCY_CYCLE']);
  });

  it('accepts a diamond, which has no cycle', () => {
    expect(
      withDependencies([
        ['licence', 'food'],
        ['licence', 'fire'],
        ['food', 'fire'],
      ]),
    ).toEqual([]);
  });
});

describe('validateCatalog on garbage', () => {
  it.each([null, undefined, 42, 'catalog', [], true])('reports %j as not a catalog', (value) => {
    const problems = validateCatalog(value);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe('$');
  });

  it('reports every missing section of an empty object', () => {
    const paths = found(validateCatalog({}));
    for (const key of ['id', 'version', 'notice', 'region', 'departments', 'matters', 'bundles', 'aliases']) {
      expect(paths).toContain(`${key} FIELD_MISSING`);
    }
  });

  it('reports wrong shapes inside the arrays without stopping', () => {
    const problems = found(
      validateCatalog({
        ...expandSeed(makeTinySeed()),
        departments: 'none',
        matters: [null, 7, { name: 3, materials: 'x', legalLimit: [] }],
        bundles: [{ id: 'b', members: [{ key: 'k', matterCodes: 'x' }], dependencies: [null], jointInspections: 'x' }],
        aliases: [{}],
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'departments FIELD_WRONG_TYPE',
        'matters[0] FIELD_MISSING',
        'matters[1] NOT_AN_OBJECT',
        'matters[2].name FIELD_WRONG_TYPE',
        'matters[2].materials FIELD_WRONG_TYPE',
        'matters[2].legalLimit NOT_AN_OBJECT',
        'matters[2].code FIELD_MISSING',
        'bundles[0].members[0].matterCodes FIELD_WRONG_TYPE',
        'bundles[0].dependencies[0] FIELD_MISSING',
        'bundles[0].jointInspections FIELD_WRONG_TYPE',
        'aliases[0].phrase FIELD_MISSING',
      ]),
    );
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(Array.isArray(validateCatalog(value))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when any one field of a valid catalog is replaced by arbitrary JSON', () => {
    const base = expandSeed(makeTinySeed());
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) walk(v, [...path, Array.isArray(value) ? Number(k) : k]);
      }
    };
    walk(base, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue(), (path, replacement) => {
        const doc = copyOf(base);
        let target = doc;
        for (const key of path.slice(0, -1)) target = target[key];
        target[path.at(-1)!] = replacement;
        expect(() => validateCatalog(doc)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('uses only codes that have messages', () => {
    const doc = { matters: [{ materials: [{}] }], bundles: [{ members: [] }], aliases: [{ matterNames: [] }] };
    for (const p of validateCatalog(doc)) expect(Object.keys(CATALOG_PROBLEM_MESSAGES)).toContain(p.code);
  });
});
