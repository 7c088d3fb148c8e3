/** The five "one thing" bundles (一件事) of required-matters.md, with the dependencies exactly as listed. */
import type { SeedBundle } from '../../core/catalog/seed-types.ts';

export const BUNDLES: readonly SeedBundle[] = [
  {
    id: 'open-restaurant',
    name: '开办餐饮店一件事',
    description:
      '开办餐饮店所需的营业执照、食品经营许可、户外招牌设置、消防安全检查和烟草专卖零售许可一次申请、并联办理；需现场核查的事项联合踏勘一次完成。',
    members: [
      { key: 'business-licence', matters: ['个体工商户设立登记', '有限责任公司设立登记'] },
      { key: 'food-licence', matters: ['食品经营许可（新办）'] },
      { key: 'signboard', matters: ['户外招牌设施设置'] },
      { key: 'fire-safety', matters: ['公众聚集场所投入使用、营业前消防安全检查'] },
      { key: 'tobacco-retail', matters: ['烟草专卖零售许可证核发'], optional: true },
    ],
    dependencies: [
      ['business-licence', 'food-licence'],
      ['business-licence', 'signboard'],
      ['business-licence', 'tobacco-retail'],
    ],
    joint: [{ name: '餐饮店消防和烟草零售联合踏勘', members: ['fire-safety', 'tobacco-retail'] }],
  },
  {
    id: 'start-company',
    name: '企业开办一件事',
    description: '有限责任公司设立登记后，印章刻制、发票申领、员工参保登记和住房公积金缴存登记同步办理，1个工作日内全部办结。',
    members: [
      { key: 'registration', matters: ['有限责任公司设立登记'] },
      { key: 'seal', matters: ['印章刻制备案'] },
      { key: 'invoice', matters: ['发票申领'] },
      { key: 'social-insurance', matters: ['员工参保登记'] },
      { key: 'housing-fund', matters: ['住房公积金缴存登记'] },
    ],
    dependencies: [
      ['registration', 'seal'],
      ['registration', 'invoice'],
      ['registration', 'social-insurance'],
      ['registration', 'housing-fund'],
    ],
    joint: [],
    limit: '1',
  },
  {
    id: 'birth',
    name: '出生一件事',
    description: '新生儿出生医学证明、预防接种证、出生登记（落户）、城乡居民医保参保和社会保障卡申领一次申请，依次联动办理。',
    members: [
      { key: 'birth-certificate', matters: ['出生医学证明签发'] },
      { key: 'vaccination', matters: ['预防接种证办理'] },
      { key: 'household', matters: ['出生登记'] },
      { key: 'medical-insurance', matters: ['城乡居民医保参保登记'] },
      { key: 'social-security-card', matters: ['社会保障卡申领'] },
    ],
    dependencies: [
      ['birth-certificate', 'vaccination'],
      ['birth-certificate', 'household'],
      ['household', 'medical-insurance'],
      ['medical-insurance', 'social-security-card'],
    ],
    joint: [],
  },
  {
    id: 'civil-defence-works',
    name: '人防工程联合办理',
    description: '人防工程竣工验收备案和平时使用登记一次提交、并联审查，比全省承诺时限提速3个工作日。',
    members: [
      { key: 'completion-filing', matters: ['人防工程竣工验收备案'] },
      { key: 'peacetime-use', matters: ['人防工程平时使用登记'] },
    ],
    dependencies: [],
    joint: [],
  },
  {
    id: 'second-hand-house',
    name: '二手房买卖一件事',
    description: '二手房转移登记一窗受理，交易税费缴纳和水、电、气、网络联动过户作为后续事项由窗口推送办理。',
    members: [{ key: 'transfer', matters: ['二手房转移登记'] }],
    dependencies: [],
    joint: [],
  },
];
