/**
 * A few matters the reference lists lack but Xiaoshan's thinnest windows plainly handle (科技局, 公积金),
 * written in the notation of required-matters.md. Demo data like the rest of the seed.
 */
import type { RequiredRow } from './read-reference.ts';
import type { RequiredOverlay } from './required-overlays.ts';

export const SUPPLEMENTARY_ROWS: readonly RequiredRow[] = [
  {
    name: '技术合同认定登记',
    department: '科技局',
    type: 'O',
    limit: '10 / 5',
    visits: 0,
    materials: ['技术合同认定登记表', '技术合同文本', '营业执照 (共享)'],
  },
  {
    name: '住房公积金个人住房贷款',
    department: '住房公积金萧山分中心',
    type: 'P',
    limit: '15 / 10',
    visits: 1,
    materials: ['贷款申请表', '身份证', '购房合同或不动产权证书 (共享)', '婚姻状况证明', '收入证明'],
  },
  {
    name: '住房公积金提取（离休、退休）',
    department: '住房公积金萧山分中心',
    type: 'P',
    limit: '3日 / 即办',
    visits: 0,
    materials: ['身份证', '银行卡'],
  },
];

export const SUPPLEMENTARY_OVERLAYS: Readonly<Record<string, RequiredOverlay>> = {
  技术合同认定登记: { tpl: 'filing', result: ['技术合同认定登记证明', '30'], basis: ['civil-code'], objects: 'o' },
  住房公积金个人住房贷款: {
    tpl: 'housing-fund',
    result: ['住房公积金个人住房借款合同', '30'],
    basis: ['housing-fund'],
    objects: 'p',
    review: ['借款人还款能力和贷款额度测算'],
  },
  '住房公积金提取（离休、退休）': {
    tpl: 'housing-fund',
    result: ['提取款转入本人银行账户', '30'],
    basis: ['housing-fund'],
    objects: 'p',
  },
};
