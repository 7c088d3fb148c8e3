/**
 * Turns reference rows into Xiaoshan candidates: clean Sichuan-specific suffixes off names, map the
 * department and type, parse the basic code, drop what the hall does not host, drop rows a required matter
 * replaces, and trim to the target size.
 */
import type { MatterTypeCode } from '../../core/catalog/types.ts';
import { MINOR_VARIANT } from './describe-matter.ts';
import { mapDepartment } from './map-department.ts';
import type { TsvRow } from './read-reference.ts';

export interface Candidate {
  readonly index: number;
  readonly name: string;
  readonly dept: string;
  readonly type: MatterTypeCode;
  readonly basic: string;
}

const TYPE_BY_TASK: Readonly<Record<string, MatterTypeCode>> = {
  '1': '01', '2': '02', '3': '03', '4': '04', '5': '05', '6': '06', '7': '07', '8': '08', '9': '09', '10': '10', '20': '20',
};

/** Level and delegation notes of another province, meaningless in Xiaoshan. */
export const cleanName = (raw: string): string =>
  raw
    .replace(/[（(](县级行使|县级权限|县级|市级|市级\/县级)[)）]/g, '')
    .replace(/[（(](据|根据)省政府[^)）]*[)）]/g, '')
    .replace(/\\/g, '/')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .trim();

/** Names made consistent with the required matters they sit next to. */
const RENAMES: Readonly<Record<string, string>> = {
  '食品（含保健食品）经营许可注销': '食品经营许可（注销）',
  '食品（含保健食品）经营许可补办': '食品经营许可（补办）',
  '食品（含保健食品）经营许可换发': '食品经营许可（换发）',
};

/** 基本编码: everything before the 12-digit area code; codes without one keep their `X-000000-000` head. */
export const parseBasicCode = (itemCode: string): string => {
  const area = /-(\d{12})-000-/.exec(itemCode);
  if (area) return itemCode.slice(0, area.index);
  const head = /^[A-Z]-\d{6}-\d{3}/.exec(itemCode);
  if (head) return head[0];
  throw new Error(`cannot parse a basic code from ${itemCode}`);
};

/** Not window business: information, consultation and guidance services; and what Zhejiang has no use for. */
const NOT_HOSTED = /咨询|查询|信息发布|投诉指引|（指引）|草原|治沙|四川省/;

export const toCandidates = (rows: readonly TsvRow[]): Candidate[] => {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const row of rows) {
    const dept = mapDepartment(row);
    const type = TYPE_BY_TASK[row.taskType];
    if (!type) throw new Error(`unknown task_type ${row.taskType} for ${row.name}`);
    const cleaned = cleanName(row.name);
    const name = RENAMES[cleaned] ?? cleaned;
    if (dept === undefined || seen.has(name)) continue;
    if (NOT_HOSTED.test(name) && (type === '20' || /草原|治沙|四川省/.test(name))) continue;
    seen.add(name);
    out.push({ index: row.index, name, dept, type, basic: parseBasicCode(row.itemCode) });
  }
  return out;
};

/** What brings people to the hall most often (社保卡, 报销, 户口 …): kept ahead of its type. */
const HIGH_VOLUME = /社会保障卡|报销|户口|身份证|无犯罪记录|婚|残疾|退休|公积金|出生|入学|驾驶证/;

/** Licences and decisions outrank filings and public services; small variants go first. */
const keepScore = (c: Candidate): number => {
  const byType: Readonly<Record<string, number>> = { '01': 5, '05': 4, '07': 4, '08': 4, '09': 4, '10': 3, '20': 2 };
  return (byType[c.type] ?? 3) - (MINOR_VARIANT.test(c.name) ? 2 : 0) + (HIGH_VOLUME.test(c.name) ? 3 : 0);
};

/** Departments this small keep every row: trimming them would leave a window with nothing to accept. */
const SMALL_DEPARTMENT = 15;

/**
 * Trims to `target` by dropping, one at a time, the least important reference row of the department that
 * still keeps the largest share of its rows (ties: the bigger department, then the id). Big departments
 * end up trimmed by the same proportion, losing their fine-grained variants and public services first.
 */
export const levelToTarget = (candidates: readonly Candidate[], requiredCount: number, target: number): Candidate[] => {
  const byDept = new Map<string, Candidate[]>();
  for (const c of candidates) byDept.set(c.dept, [...(byDept.get(c.dept) ?? []), c]);
  for (const list of byDept.values()) list.sort((a, b) => keepScore(b) - keepScore(a) || a.index - b.index);
  const original = new Map([...byDept].map(([dept, list]) => [dept, list.length]));
  const trimmable = [...byDept.keys()].filter((d) => original.get(d)! >= SMALL_DEPARTMENT).sort();
  let count = candidates.length + requiredCount;
  while (count > target) {
    let best: string | undefined;
    let bestShare = -1;
    for (const dept of trimmable) {
      const size = byDept.get(dept)!.length;
      const share = size / original.get(dept)!;
      if (share > bestShare || (share === bestShare && size > byDept.get(best!)!.length)) [best, bestShare] = [dept, share];
    }
    if (best === undefined || byDept.get(best)!.length === 0) throw new Error('cannot trim to the target');
    byDept.get(best)!.pop();
    count--;
  }
  return [...byDept.values()].flat().sort((a, b) => a.index - b.index);
};
