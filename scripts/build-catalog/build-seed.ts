/** Assembles the Xiaoshan seed from the reference lists. Pure given its inputs: same lists, same seed. */
import type { CatalogSeed, SeedMatter } from '../../core/catalog/seed-types.ts';
import { absorbedNames, buildRequiredMatters } from './build-required.ts';
import { BUNDLES } from './bundles.ts';
import { DEPARTMENTS } from './departments.ts';
import { describeMatter } from './describe-matter.ts';
import { FLOWS, TEMPLATES } from './guide-templates.ts';
import { LAWS } from './laws.ts';
import type { RequiredRow, TsvRow } from './read-reference.ts';
import { levelToTarget, toCandidates } from './select-matters.ts';
import { REQUIRED_OVERLAYS } from './required-overlays.ts';
import { SHARED_MATERIALS } from './shared-materials.ts';
import { SUPPLEMENTARY_OVERLAYS, SUPPLEMENTARY_ROWS } from './supplementary-matters.ts';

/** Xiaoshan's hall counts 836 matters; the seed aims a little above so every required one fits. */
export const TARGET_MATTERS = 880;

const NOTICE =
  '演示目录：本目录依据公开资料和另一地区的真实事项清单编制，用于系统演示和测试，并非萧山区官方事项清单。' +
  '事项名称和基本编码参照国家基本目录；实施编码、统一社会信用代码、电话、地址等均为演示数据，' +
  '办理时限、材料和依据请以浙江政务服务网公布的官方办事指南为准。';

export const buildSeed = (tsv: readonly TsvRow[], required: readonly RequiredRow[]): CatalogSeed => {
  const candidates = toCandidates(tsv);
  const requiredMatters = buildRequiredMatters([...required, ...SUPPLEMENTARY_ROWS], candidates, {
    ...REQUIRED_OVERLAYS,
    ...SUPPLEMENTARY_OVERLAYS,
  });
  const absorbed = absorbedNames();
  const requiredNames = new Set(requiredMatters.map((m) => m.name));
  const pool = candidates.filter((c) => !absorbed.has(c.name));
  const clash = pool.find((c) => requiredNames.has(c.name));
  if (clash) throw new Error(`reference row ${clash.name} duplicates a required matter; add it to absorb`);
  const kept = levelToTarget(pool, requiredMatters.length, TARGET_MATTERS);
  const described: SeedMatter[] = kept.map((c) => ({ name: c.name, dept: c.dept, type: c.type, basic: c.basic, ...describeMatter(c) }));
  const order = new Map(DEPARTMENTS.map((d, i) => [d.id, i]));
  // Hall order of departments; within one, the required matters first, then the reference list's order.
  const matters = [...requiredMatters, ...described]
    .map((m, i) => ({ m, i }))
    .sort((a, b) => order.get(a.m.dept)! - order.get(b.m.dept)! || a.i - b.i)
    .map(({ m }) => m);
  return {
    format: 1,
    id: 'xiaoshan',
    version: '2025.1-demo',
    region: { code: '330109', name: '浙江省杭州市萧山区' },
    areaCode: '330109000000',
    notice: NOTICE,
    service: {
      location: '萧山区行政服务中心综合受理窗口（杭州市萧山区市心中路，演示地址）',
      hours: '周一至周五（法定节假日除外）冬令时 8:30-11:45、13:00-16:45；夏令时 8:30-11:45、13:30-17:15',
      complaintPhone: '12345',
    },
    departments: DEPARTMENTS,
    laws: LAWS,
    flows: FLOWS,
    materials: SHARED_MATERIALS,
    templates: TEMPLATES,
    matters: numberItems(matters),
    bundles: BUNDLES,
  };
};

/** Item numbers keep 实施编码 unique where matters of one department share a basic code. */
const numberItems = (matters: readonly SeedMatter[]): SeedMatter[] => {
  const used = new Map<string, number>();
  return matters.map((m) => {
    const key = `${m.basic}|${m.dept}`;
    const item = (used.get(key) ?? 0) + 1;
    used.set(key, item);
    return item === 1 ? m : { ...m, item };
  });
};
