import type { Bundle, CatalogDocument, Department, Matter } from '../core/index.ts';

/**
 * A synthetic national catalog: the Xiaoshan catalog implemented again by `regions` regions. Region 0 is
 * Xiaoshan itself; every other region gets its own area code, department ids, implementing bodies' credit
 * codes and so its own 实施编码, while names and 基本编码 stay shared, as they are nationally (one matter
 * name and basic code, implemented by every county). Aliases target names, so one list serves all regions.
 */
export interface NationalCatalog {
  readonly catalog: CatalogDocument;
  readonly regions: number;
  /** The department id a Xiaoshan department id becomes in region `region`. */
  mapDepartmentId(departmentId: string, region: number): string;
}

/** Distinct, well-formed 6-digit area codes (province 11-…, city 01-12, district 02), never Xiaoshan's. */
const makeAreaCode = (region: number): string => {
  const province = 11 + Math.floor((region - 1) / 12);
  const city = ((region - 1) % 12) + 1;
  return `${province}${String(city).padStart(2, '0')}02`;
};

const implementationCodePattern = /-(\d{12})-000-([0-9A-Z]{18})-/;

/** 实施编码 = basic code - 12-digit area code - 000 - credit code - item: swap in the region's area. */
const remapCode = (code: string, area6: string): string => {
  const match = implementationCodePattern.exec(code);
  if (!match) return `${code}-R${area6}`;
  const credit = match[2] as string;
  // Credit-code chars 3-8 are the registering area; the check character is left as is (benchmark data).
  const regionalCredit = `${credit.slice(0, 2)}${area6}${credit.slice(8)}`;
  return code.replace(implementationCodePattern, `-${area6}000000-000-${regionalCredit}-`);
};

const replicateRegion = (base: CatalogDocument, region: number) => {
  const area6 = makeAreaCode(region);
  const regionName = `示例地区${String(region).padStart(3, '0')}`;
  const departmentId = (id: string): string => `${id}-${area6}`;
  const codes = new Map<string, string>();
  const matters: Matter[] = base.matters.map((m) => {
    const code = remapCode(m.code, area6);
    codes.set(m.code, code);
    return { ...m, code, departmentId: departmentId(m.departmentId) };
  });
  const departments: Department[] = base.departments.map((d) => ({
    ...d,
    id: departmentId(d.id),
    fullName: `${regionName}${d.name}`,
    creditCode: `${d.creditCode.slice(0, 2)}${area6}${d.creditCode.slice(8)}`,
  }));
  const bundles: Bundle[] = base.bundles.map((b) => ({
    ...b,
    id: `${b.id}-${area6}`,
    members: b.members.map((member) => ({
      ...member,
      matterCodes: member.matterCodes.map((c) => codes.get(c) ?? c),
    })),
  }));
  return { matters, departments, bundles, departmentId };
};

export const replicateCatalog = (base: CatalogDocument, regions: number): NationalCatalog => {
  const matters: Matter[] = [...base.matters];
  const departments: Department[] = [...base.departments];
  const bundles: Bundle[] = [...base.bundles];
  const departmentIds: ((id: string) => string)[] = [(id) => id];
  for (let region = 1; region < regions; region++) {
    const copy = replicateRegion(base, region);
    matters.push(...copy.matters);
    departments.push(...copy.departments);
    bundles.push(...copy.bundles);
    departmentIds.push(copy.departmentId);
  }
  return {
    catalog: {
      ...base,
      id: `${base.id}-national-x${regions}`,
      region: { code: '100000', name: `全国（合成：${regions} 个地区）` },
      notice: `Synthetic: ${base.notice}`,
      matters,
      departments,
      bundles,
    },
    regions,
    mapDepartmentId: (id, region) => (departmentIds[region] ?? departmentIds[0] ?? ((x: string) => x))(id),
  };
};

/** Regions needed for about `target` matters (120 for Xiaoshan's 836 and 100,000). */
export const countRegionsFor = (target: number, base: CatalogDocument): number =>
  Math.max(1, Math.ceil(target / Math.max(1, base.matters.length)));
