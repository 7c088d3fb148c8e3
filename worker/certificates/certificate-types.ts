/**
 * 证照类型: what a certificate result of the catalog becomes — its GB/T 36904 type code and its default validity.
 *
 * Type codes. 营业执照 carries the national type code the domain notes give (`11100000000013338W009`: the
 * defining body's credit code + 009). The national 电子证照目录 codes of the other 87 certificate results of
 * the Xiaoshan catalog are not in our data, so they get demo codes: the issuing department's own credit code
 * (as the defining body) + a 3-digit number, the result's place (from 001) among that department's certificate
 * result names in code-point order, computed once per isolate from the catalog. A deployment with the real
 * codes lists them in TYPE_CODES. A stored certificate keeps the code it was signed with whatever changes here
 * (reissue copies it), and serials are counted per issuer and type code, so identifiers never repeat.
 *
 * Validity (有效期). 长期 (no end) unless the decision gives `validTo`, or the result has a statutory term
 * below: VALIDITY_YEARS, with the rule it follows. The last valid day is the day before the anniversary of the
 * first (a licence from 2026-11-27 for 5 years runs to 2031-11-26).
 */
import { addCalendarDays, type IsoDate } from '../../core/index.ts';
import { getCatalogStore } from '../catalog-store.ts';

/** National type codes known to this deployment, by certificate name (审批结果名称). */
const TYPE_CODES: Readonly<Record<string, string>> = {
  营业执照: '11100000000013338W009',
};

/** Statutory terms in years; every result not listed is 长期 by default. */
const VALIDITY_YEARS: Readonly<Record<string, number>> = {
  /** 食品经营许可管理办法 第二十二条: 5 years. */
  食品经营许可证: 5,
  /** 烟草专卖法实施条例: 零售许可证 5 years. */
  烟草专卖零售许可证: 5,
  /** 药品经营许可证管理办法: 5 years. */
  药品经营许可证: 5,
  /** 排污许可管理条例 第十四条: 5 years. */
  排污许可证: 5,
  /** 危险化学品经营许可证管理办法: 3 years. */
  危险化学品经营许可证: 3,
  /** 公共场所卫生管理条例实施细则: 4 years. */
  公共场所卫生许可证: 4,
  /** 营业性演出管理条例实施细则: 2 years. */
  营业性演出许可证: 2,
  /** 劳务派遣行政许可实施办法: 3 years. */
  劳务派遣经营许可证: 3,
};

let demoCodes: ReadonlyMap<string, string> | undefined;

/** `departmentId|result name` → demo type code, for every certificate result of the catalog. */
const indexDemoCodes = (): ReadonlyMap<string, string> => {
  const { catalog, index } = getCatalogStore();
  const names = new Map<string, Set<string>>();
  for (const matter of catalog.matters) {
    if (matter.result.type !== '10') continue;
    const set = names.get(matter.departmentId) ?? new Set<string>();
    set.add(matter.result.name);
    names.set(matter.departmentId, set);
  }
  const codes = new Map<string, string>();
  for (const [departmentId, set] of names) {
    const department = index.departments.get(departmentId);
    if (department === undefined) continue;
    [...set].sort().forEach((name, i) => codes.set(`${departmentId}|${name}`, department.creditCode + String(i + 1).padStart(3, '0')));
  }
  return codes;
};

/** The type code of a certificate result issued by a department; undefined for a result the catalog does not list. */
export const findCertificateTypeCode = (departmentId: string, resultName: string): string | undefined => {
  const national = TYPE_CODES[resultName];
  if (national !== undefined) return national;
  demoCodes ??= indexDemoCodes();
  return demoCodes.get(`${departmentId}|${resultName}`);
};

/** The default last valid day of a certificate first valid on `validFrom`; null is 长期. */
export const findDefaultValidTo = (resultName: string, validFrom: IsoDate): IsoDate | null => {
  const years = VALIDITY_YEARS[resultName];
  if (years === undefined) return null;
  const [y, m, d] = validFrom.split('-').map(Number) as [number, number, number];
  // The anniversary; 29 February rolls to 1 March in a common year (Date's overflow), then one day back.
  const anniversary = new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
  return addCalendarDays(anniversary, -1);
};
