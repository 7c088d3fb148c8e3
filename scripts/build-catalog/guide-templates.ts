/**
 * Guide text shared by many matters: the process flows (受理 → 审查 → 决定 → 制证 → 送达, shaped by case kind)
 * and one template per matter type or department family. Matters append their own conditions.
 */
import type { ProcessStep } from '../../core/catalog/types.ts';
import type { SeedFlowChoice, SeedTemplate } from '../../core/catalog/seed-types.ts';

const ACCEPT = { name: '受理', description: '综合受理窗口核验申请人身份和申请材料；材料不齐全或不符合法定形式的，当场一次性告知需要补正的全部内容' };
const DELIVER = { name: '送达', description: '统一出证窗口送达，或按申请人选择邮寄送达、电子送达' };
const PRODUCE = { name: '制证', description: '统一出证窗口制作证照、批文或办理结果，电子证照同步归集' };

export const FLOWS: Readonly<Record<string, readonly ProcessStep[]>> = {
  instant: [
    { name: '受理', description: '综合受理窗口核验申请人身份和申请材料，材料齐全、符合法定形式的当场受理' },
    { name: '审查', description: '窗口当场审查申请材料' },
    { name: '决定', description: '符合条件的当场作出办理决定；不符合的当场说明理由' },
    { name: '制证', description: '当场制作证照或出具办理结果' },
    { name: '送达', description: '窗口当场送达，也可选择邮寄送达或电子送达' },
  ],
  promised: [
    ACCEPT,
    { name: '审查', description: '后台审批人员对申请材料的实质内容进行审查' },
    { name: '决定', description: '在承诺时限内作出决定；不予办理的说明理由，并告知申请行政复议或提起行政诉讼的权利' },
    PRODUCE,
    DELIVER,
  ],
  'promised-inspection': [
    ACCEPT,
    { name: '审查', description: '后台审批人员对申请材料的实质内容进行审查' },
    { name: '现场核查', description: '组织现场核查（多个事项需核查的，联合踏勘一次完成）；核查所需时间不计入办理时限' },
    { name: '决定', description: '根据审查和核查结果，在承诺时限内作出决定；不予办理的说明理由，并告知救济途径' },
    PRODUCE,
    DELIVER,
  ],
  commitment: [
    { name: '受理', description: '综合受理窗口接收申请材料，申请人签署告知承诺书' },
    { name: '审查', description: '对申请材料进行形式审查，以申请人的书面承诺代替相关证明' },
    { name: '决定', description: '申请人承诺符合条件且材料齐全的，当场或在承诺时限内作出准予决定' },
    PRODUCE,
    { name: '送达', description: '送达审批结果；作出决定后在规定期限内开展现场核查，发现与承诺不符的依法处理' },
  ],
};

const FLOW_CHOICE: SeedFlowChoice = {
  instant: 'instant',
  promised: 'promised',
  inspected: 'promised-inspection',
  commitment: 'commitment',
};

const MATERIALS_COMPLETE = '申请材料齐全、符合法定形式';

const template = (t: Omit<SeedTemplate, 'flows'>): SeedTemplate => ({ ...t, flows: FLOW_CHOICE });

export const TEMPLATES: Readonly<Record<string, SeedTemplate>> = {
  licence: template({
    acceptanceConditions: ['申请人具备法律、法规规定的主体资格', '申请事项属于萧山区有关部门的许可权限', MATERIALS_COMPLETE],
    reviewPoints: ['申请人主体资格是否合法有效', '申请材料是否齐全，内容是否真实、前后一致', '是否符合法定的许可条件和标准'],
    basis: ['licensing', 'generic'],
    result: ['准予行政许可决定书', '20'],
    objects: 'o',
  }),
  'market-registration': template({
    acceptanceConditions: [
      '申请人具有相应的民事行为能力或主体资格',
      '名称、住所（经营场所）和经营范围符合市场主体登记管理规定',
      MATERIALS_COMPLETE,
    ],
    reviewPoints: [
      '名称是否已自主申报且不与他人名称冲突',
      '住所（经营场所）信息是否真实',
      '投资人、法定代表人等人员身份是否核验一致',
      '经营范围是否按规范目录表述',
    ],
    basis: ['market-entity'],
    result: ['营业执照', '10'],
    objects: 'po',
  }),
  confirmation: template({
    acceptanceConditions: ['申请人是需确认事项的当事人或其法定代理人', MATERIALS_COMPLETE],
    reviewPoints: ['申请人身份是否核验一致', '申请确认的事实是否有相应证明材料', '是否符合确认的条件'],
    basis: ['generic'],
    result: ['确认结果通知书', '30'],
    objects: 'po',
  }),
  payment: template({
    acceptanceConditions: ['申请人属于给付对象范围', '申请材料齐全，所报情况真实'],
    reviewPoints: ['申请人身份及资格条件是否符合', '给付标准和金额计算是否准确', '是否存在重复享受同类待遇'],
    basis: ['generic'],
    result: ['给付决定（资金发放到账）', '30'],
    objects: 'p',
  }),
  award: template({
    acceptanceConditions: ['推荐（申报）对象符合奖励条件', '推荐（申报）材料齐全'],
    reviewPoints: ['事迹是否真实', '是否符合奖励条件和评审程序', '是否按规定公示'],
    basis: ['generic'],
    result: ['奖励决定', '20'],
    objects: 'po',
  }),
  ruling: template({
    acceptanceConditions: [
      '申请人是纠纷的当事人',
      '有明确的被申请人、具体的裁决请求和事实理由',
      '属于本部门的裁决范围',
    ],
    reviewPoints: ['纠纷事实是否清楚、证据是否充分', '适用的依据是否正确', '程序是否合法，是否听取双方意见'],
    basis: ['generic'],
    result: ['行政裁决书', '20'],
    objects: 'po',
  }),
  filing: template({
    acceptanceConditions: ['备案主体符合备案条件', '备案材料齐全、符合法定形式'],
    reviewPoints: ['备案材料是否齐全', '备案信息是否真实，与实际情况一致'],
    basis: ['generic'],
    result: ['备案回执', '30'],
    objects: 'o',
  }),
  other: template({
    acceptanceConditions: ['申请人符合申请条件', MATERIALS_COMPLETE],
    reviewPoints: ['申请人主体资格是否合法', '申请材料是否齐全、真实', '是否符合办理条件'],
    basis: ['generic'],
    result: ['办理结果通知书', '30'],
    objects: 'po',
  }),
  public: template({
    acceptanceConditions: ['申请人身份信息真实有效', '申请材料齐全'],
    reviewPoints: ['申请人身份核验', '申请信息是否完整准确'],
    basis: ['generic'],
    result: ['办理结果告知单', '30'],
    objects: 'p',
  }),
  'social-insurance': template({
    acceptanceConditions: ['参保单位或参保人员身份信息真实有效', '符合社会保险经办规定的办理条件', '申请材料齐全'],
    reviewPoints: ['参保身份核验', '参保、缴费记录是否一致', '业务办理或待遇享受条件是否符合规定'],
    basis: ['social-insurance'],
    result: ['社会保险业务办理结果', '30'],
    objects: 'po',
  }),
  tax: template({
    acceptanceConditions: ['纳税人（扣缴义务人）已完成税务信息确认', '办税人员已完成实名认证', '申请材料齐全'],
    reviewPoints: ['纳税人身份和办税人员实名信息', '申报或报告的内容是否完整准确', '是否存在未办结事项或风险提示'],
    basis: ['tax-admin'],
    result: ['税务事项办理结果', '30'],
    objects: 'po',
  }),
  household: template({
    acceptanceConditions: ['申请人户籍或居住地在萧山区', '申请人（或其监护人）本人到场或按规定委托代办', '申请材料齐全'],
    reviewPoints: ['申请人身份和户籍信息核验', '申请事项是否符合户籍和证件管理规定', '需采集的人像、指纹等信息是否合格'],
    basis: ['household'],
    result: ['户籍业务办理结果', '30'],
    objects: 'p',
  }),
  'real-estate': template({
    acceptanceConditions: ['申请人为不动产权利人或利害关系人', '不动产权属清晰，无查封等限制', MATERIALS_COMPLETE],
    reviewPoints: [
      '申请人身份和申请意愿核验',
      '不动产权属状况与登记簿记载是否一致',
      '申请登记事项与证明材料是否一致',
      '依法应缴纳的税费是否已缴清',
    ],
    basis: ['real-estate-registration'],
    result: ['不动产权证书', '10'],
    objects: 'po',
  }),
  'housing-fund': template({
    acceptanceConditions: ['缴存单位或缴存职工信息真实有效', '符合住房公积金缴存或提取条件', '申请材料齐全'],
    reviewPoints: ['缴存状态核验', '缴存或提取条件是否符合规定', '收款账户信息是否准确'],
    basis: ['housing-fund'],
    result: ['住房公积金业务办理结果', '30'],
    objects: 'po',
  }),
  marriage: template({
    acceptanceConditions: ['男女双方本人亲自到婚姻登记机关申请', '一方户籍在萧山区', MATERIALS_COMPLETE],
    reviewPoints: ['双方身份、户籍和婚姻状况核验', '是否符合《中华人民共和国民法典》规定的条件', '当事人意愿是否真实'],
    basis: ['civil-code', 'marriage'],
    result: ['婚姻登记证件', '10'],
    objects: 'p',
  }),
};

/** The template for a matter type when nothing more specific applies. */
export const TEMPLATE_BY_TYPE: Readonly<Record<string, string>> = {
  '01': 'licence',
  '05': 'payment',
  '07': 'confirmation',
  '08': 'award',
  '09': 'ruling',
  '10': 'other',
  '20': 'public',
};
