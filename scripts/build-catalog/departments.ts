/** The 28 departments of the Xiaoshan hall (domain.md), with demo credit codes and phone numbers. */
import type { Department } from '../../core/catalog/types.ts';
import { makeDemoCreditCode } from './credit-code.ts';

/** [id, name as the hall shows it, full legal name]; the order is the hall's. */
const ROWS: readonly (readonly [string, string, string])[] = [
  ['scjg', '市场监管局', '杭州市萧山区市场监督管理局'],
  ['fgj', '发改局', '杭州市萧山区发展和改革局'],
  ['jxj', '经信局', '杭州市萧山区经济和信息化局'],
  ['kjj', '科技局', '杭州市萧山区科学技术局'],
  ['jyj', '教育局', '杭州市萧山区教育局'],
  ['gaj', '公安分局', '杭州市公安局萧山区分局'],
  ['mzj', '民政局', '杭州市萧山区民政局'],
  ['sfj', '司法局', '杭州市萧山区司法局'],
  ['czj', '财政局', '杭州市萧山区财政局'],
  ['rsj', '人力社保局', '杭州市萧山区人力资源和社会保障局'],
  ['ghzy', '规划和自然资源分局', '杭州市规划和自然资源局萧山分局'],
  ['sthj', '生态环境分局', '杭州市生态环境局萧山分局'],
  ['zjj', '住建局', '杭州市萧山区住房和城乡建设局'],
  ['jtj', '交通运输局', '杭州市萧山区交通运输局'],
  ['lysl', '林业水利局', '杭州市萧山区林业水利局'],
  ['nync', '农业农村局', '杭州市萧山区农业农村局'],
  ['swuj', '商务局', '杭州市萧山区商务局'],
  ['wglt', '文广旅体局', '杭州市萧山区文化和广电旅游体育局'],
  ['wjj', '卫健局', '杭州市萧山区卫生健康局'],
  ['tyjr', '退役军人事务局', '杭州市萧山区退役军人事务局'],
  ['yjj', '应急管理局', '杭州市萧山区应急管理局'],
  ['ybj', '医保分局', '杭州市医疗保障局萧山分局'],
  ['zfj', '综合行政执法局', '杭州市萧山区综合行政执法局'],
  ['cl', '残联', '杭州市萧山区残疾人联合会'],
  ['swj', '税务局', '国家税务总局杭州市萧山区税务局'],
  ['gjj', '住房公积金萧山分中心', '杭州住房公积金管理中心萧山分中心'],
  ['xfj', '消防救援大队', '杭州市萧山区消防救援大队'],
  ['ycj', '烟草专卖局', '杭州市萧山区烟草专卖局'],
];

export const DEPARTMENTS: readonly Department[] = ROWS.map(([id, name, fullName], i) => ({
  id,
  name,
  fullName,
  creditCode: makeDemoCreditCode(i + 1),
  // Demo numbers in Hangzhou's 0571 landline shape, not the departments' real lines.
  phone: `0571-8289${String(1001 + i * 7).padStart(4, '0')}`,
}));

export const DEPARTMENT_ID_BY_NAME: ReadonlyMap<string, string> = new Map(ROWS.map(([id, name]) => [name, id]));
