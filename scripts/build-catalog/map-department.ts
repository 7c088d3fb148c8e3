/**
 * Maps a Guang'an department (and, for its 行政审批局, the matter's name) to the Xiaoshan department that
 * implements the matter. Returns undefined for bodies Xiaoshan's hall does not host (区委办, religious affairs …).
 */
import type { TsvRow } from './read-reference.ts';

/** Departments whose every matter maps to one Xiaoshan department. */
const DIRECT: Readonly<Record<string, string>> = {
  区人社局: 'rsj',
  区交通运输局: 'jtj',
  广安区税务局: 'swj',
  区住建局: 'zjj',
  区公安分局: 'gaj',
  区医疗保障局: 'ybj',
  区文广旅局: 'wglt',
  区农业农村局: 'nync',
  区司法局: 'sfj',
  区卫健局: 'wjj',
  区民政局: 'mzj',
  区市监局: 'scjg',
  区林业局: 'lysl',
  区水务局: 'lysl',
  区生态环境局: 'sthj',
  区残联: 'cl',
  区应急管理局: 'yjj',
  区烟草专卖局: 'ycj',
  区退役军人事务局: 'tyjr',
  区财政局: 'czj',
  区综合执法局: 'zfj',
  区发改局: 'fgj',
  区商务局: 'swuj',
  区经信局: 'jxj',
  区消防大队: 'xfj',
  // 人防 (civil air defence) sits in Xiaoshan's 住建局.
  区政府办: 'zjj',
};

/** Ordered keyword rules: the first whose pattern matches `main_item + name` wins. */
type Rule = readonly [RegExp, string | null];

/** null = not hosted in the Xiaoshan hall (religious affairs sit with the 统战部, outside the 28). */
const APPROVAL_BUREAU_RULES: readonly Rule[] = [
  [/宗教|寺院|教职人员/, null],
  [/文旅类/, 'wglt'],
  [/义务教育/, 'jyj'],
  [/民办职业培训学校|劳务派遣|人力资源服务|工作制|工时/, 'rsj'],
  [/公民民族成份/, 'gaj'],
  [/代理记账/, 'czj'],
  [/公证员/, 'sfj'],
  [/危险化学品|烟花爆竹/, 'yjj'],
  [/企业技术改造项目）|电力设施/, 'jxj'],
  [/节能审查/, 'fgj'],
  [/夜间建筑施工/, 'sthj'],
  [/占用、挖掘城市道路/, 'zjj'],
  [/垃圾|环卫|户外广告|宣传品|临时性建筑物/, 'zfj'],
  [/公路|超限运输|护路林|设计变更核备/, 'jtj'],
  [/社会团体|民办非企业|慈善|墓地/, 'mzj'],
  [/文旅类|娱乐|互联网上网|演出|文物|广播|电视|出版物|电影|艺术|体育|游泳|滑雪|潜水|攀岩|健身气功|卫星/, 'wglt'],
  [/毒性药品/, 'scjg'],
  [/医疗|医师|护士|母婴|放射|卫生许可|诊所|乡村医生|健康体检/, 'wjj'],
  [/学校|幼儿园|教育|校车|校（园）长|培训机构/, 'jyj'],
  [/渔业|水产|水生野生动物|鱼类|水域滩涂|拖拉机|联合收割机|农药|兽药|种子|菌种|种畜禽|动物|生鲜乳|蚕种|野生植物/, 'nync'],
  [/水利|河道|取水|大坝|灌溉|洪水|行洪|提灌站|水库|水土保持|初步设计文件/, 'lysl'],
  [/企业|公司|个体工商户|合伙|个人独资|股权出质|市场主体|证照|农民专业合作社|食品|计量|特种设备/, 'scjg'],
];

/** Matters of the 教科体局 and 自然资源和规划局 that Xiaoshan splits across departments. */
const SPLIT_RULES: Readonly<Record<string, readonly Rule[]>> = {
  区教科体局: [
    [/科技/, 'kjj'],
    [/体育|运动员|赛事/, 'wglt'],
    [/./, 'jyj'],
  ],
  区自然资源和规划局: [
    [/草原/, null],
    [/森林|林木|林草|古树名木|伐区|陆生野生动物|种子/, 'lysl'],
    [/./, 'ghzy'],
  ],
  // Lightning protection of buildings moved into construction drawing review (住建); the rest is 气象.
  区气象局: [
    [/雷电防护装置/, 'zjj'],
    [/./, null],
  ],
};

const UNHOSTED = new Set(['区委办', '区委统战部', '区统计局', '区公管办']);

export const mapDepartment = (row: TsvRow): string | undefined => {
  if (UNHOSTED.has(row.department)) return undefined;
  const direct = DIRECT[row.department];
  if (direct) return direct;
  const rules = row.department === '区行政审批局' ? APPROVAL_BUREAU_RULES : SPLIT_RULES[row.department];
  if (!rules) throw new Error(`no department mapping for ${row.department}`);
  const text = `${row.mainItem} ${row.name}`;
  for (const [pattern, id] of rules) if (pattern.test(text)) return id ?? undefined;
  throw new Error(`no keyword maps ${row.department} matter: ${row.name}`);
};
