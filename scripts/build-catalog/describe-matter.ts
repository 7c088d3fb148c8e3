/**
 * Guide essentials for a reference-list matter that has no hand-written data: template, limits, visits,
 * site inspection, service objects, result, legal basis and materials, from its name, type and department.
 * Deterministic: where real catalogs vary (promised limits), a hash of the name picks among realistic values.
 */
import type { MatterTypeCode, ResultTypeCode } from '../../core/catalog/types.ts';
import type { SeedMaterialRef, SeedMatter, SeedObjects } from '../../core/catalog/seed-types.ts';
import { TEMPLATES, TEMPLATE_BY_TYPE } from './guide-templates.ts';
import { LAW_KEYWORDS } from './laws.ts';

/** 注销, 补办 …: a small business item, usually decided on the spot. */
export const MINOR_VARIANT = /注销|补办|补发|补证|补领|补换|遗失|挂失|解挂|停业|歇业|恢复营业|复业|密码|查询|打印|激活|启用|封存|解封/;
const CHANGE_VARIANT = /变更|更正|更名|换发|换证|换领|延续|延期|转入|转出|过户|迁移|转移|复查|复审|校验/;
const INSPECTION = new RegExp(
  [
    '经营许可', '卫生许可', '执业许可', '执业登记', '执业审批', '医疗机构', '诊疗', '娱乐', '互联网上网', '危险化学品',
    '烟花爆竹', '特种行业', '动物防疫', '种畜禽', '兽药', '农药', '药品', '生产经营许可', '办学', '幼儿园设立',
    '学校设立', '燃气经营', '客运站经营', '供水单位', '高危险性体育', '游泳', '滑雪', '潜水', '攀岩', '收购站', '旅馆业',
  ].join('|'),
);
const ORG = /企业|公司|单位|机构|经营|场所|工程|项目|建设|社会团体|合作社|学校|幼儿园|医院|开发|施工|纳税人|扣缴义务人|发包|站|厂|协会|团体/;
const PERSON = /个人|集会|游行|个体演|经纪人|居民|公民|儿童|少年|老年|残疾|退役|失业|职工|学生|毕业生|户口|身份证|护照|居住证|婚|收养|驾驶证|医师|护士|教师|乡村医生|演员|运动员|参保人员|就业困难|灵活就业|自然人|家庭|遗属|亲属|伤残|预备役|养蜂|犬|驾驶员|工作者|公证员|兽医|人员/;
const SUBSIDY = /补贴|津贴|资助|救助|补助|贴息|抚恤|待遇|给付|奖励|退费|支取|报销|支付/;
/** Setting up a body: there is no business licence yet to show. */
const ESTABLISH = /设立|成立|筹设|筹建|筹备|开办/;
const CERTIFICATE = /(许可证|合格证|执照|证书|驾驶证|运输证|准印证|准养证|通行证|养殖证|资格证|登记证|创业证|接种证|残疾人证|居住证|身份证|护照|使用证|养蜂证|准运证明|保障卡|检验合格标志)(?!明)/;

/** FNV-1a, so the same name always picks the same value. */
const hashName = (name: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
};
const pick = <T>(name: string, options: readonly T[]): T => options[hashName(name) % options.length]!;

export interface MatterInput {
  readonly name: string;
  readonly dept: string;
  readonly type: MatterTypeCode;
}

const chooseTemplate = ({ name, dept, type }: MatterInput): string => {
  if (dept === 'swj') return 'tax';
  if (dept === 'gjj') return 'housing-fund';
  if ((dept === 'rsj' || dept === 'ybj') && type === '20') return 'social-insurance';
  if (dept === 'scjg' && /登记|备案/.test(name) && /企业|公司|个体|合伙|独资|合作社|分支机构|市场主体/.test(name)) {
    return 'market-registration';
  }
  if (dept === 'gaj' && /户口|身份证|居住证|民族成份/.test(name)) return 'household';
  if (type === '10' && /备案/.test(name)) return 'filing';
  return TEMPLATE_BY_TYPE[type] ?? 'other';
};

const chooseLimit = ({ name, type, dept }: MatterInput, inspect: boolean, tpl: string): string => {
  const minor = MINOR_VARIANT.test(name);
  // Tax offices settle reports, registrations and changes at the counter.
  if (dept === 'swj' && type !== '01') return minor ? '即办' : pick(name, ['即办', '即办', '即办', '10/5']);
  switch (type) {
    case '01':
      if (minor) return '20/即办';
      if (CHANGE_VARIANT.test(name)) return `20/${pick(name, [1, 3, 5])}`;
      return `20/${inspect ? pick(name, [7, 10, 15]) : pick(name, [3, 5, 7, 10])}`;
    case '05':
      return `20/${pick(name, [5, 10, 15])}`;
    case '07':
      return minor ? '即办' : `20/${pick(name, ['即办', 3, 5, 10])}`;
    case '08':
      return '60日/30';
    case '09':
      return '60日/30';
    case '10':
      return tpl === 'filing' || minor ? pick(name, ['即办', '即办', '5/3']) : `20/${pick(name, [5, 10])}`;
    default:
      if (SUBSIDY.test(name)) return pick(name, ['20/10', '15/5', '10/5']);
      return minor ? '即办' : pick(name, ['即办', '即办', '即办', '3', '5']);
  }
};

const chooseObjects = (name: string, tplObjects: SeedObjects): SeedObjects => {
  const org = ORG.test(name);
  const person = PERSON.test(name);
  return org && person ? 'po' : org ? 'o' : person ? 'p' : tplObjects;
};

const chooseResult = (name: string, tpl: string, type: MatterTypeCode): readonly [string, ResultTypeCode] | undefined => {
  if (/注销/.test(name)) return ['准予注销通知书', '30'];
  if (/停业|歇业|恢复营业|复业|挂失|解挂|密码|查询|打印|封存|解封/.test(name)) return ['办理结果告知单', '30'];
  if (tpl === 'market-registration') return /备案/.test(name) ? ['备案通知书', '30'] : ['营业执照', '10'];
  const quoted = /《([^》]+(?:证|证书|证明))》/.exec(name)?.[1];
  if (quoted) return [quoted, '10'];
  const cert = CERTIFICATE.exec(name);
  if (cert) {
    const phrase = name.slice(0, cert.index + cert[0].length).replace(/^(申领|办理|核发|开具|出具|设立|首次|新办|申请)/, '');
    return [phrase, '10'];
  }
  if (type === '20' && /证明$/.test(name)) return [name.replace(/^(开具|出具)/, ''), '30'];
  if (type === '01' && /备案/.test(name)) return ['备案回执', '30'];
  return undefined;
};

const chooseBasis = ({ name, dept, type }: MatterInput, tplBasis: readonly string[]): readonly string[] | undefined => {
  let laws: readonly string[] | undefined;
  if (dept === 'ybj') laws = ['social-insurance', 'medical-fund'];
  else if (dept === 'swj') laws = /发票/.test(name) ? ['invoice', 'tax-admin'] : ['tax-admin'];
  // Registration laws describe 市场监管's own matters; elsewhere a 个体工商户 in the name is only the applicant.
  else laws = LAW_KEYWORDS.find(([pattern, ids]) => pattern.test(name) && (dept === 'scjg' || !ids.includes('market-entity')))?.[1];
  if (!laws) return undefined;
  const withLicensing = type === '01' && !laws.includes('licensing') ? [...laws, 'licensing'] : laws;
  return sameList(withLicensing, tplBasis) ? undefined : withLicensing;
};

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

const formFor = (name: string, tpl: string): string => {
  if (/注销/.test(name)) return '2:注销申请书';
  if (/遗失|补办|补发|补领|补证|补换/.test(name)) return '2:补办申请书';
  if (/变更|更正/.test(name)) return '2:变更申请书';
  if (/延续|换发|换证/.test(name)) return '2:延续（换证）申请书';
  if (tpl === 'filing' || (/备案/.test(name) && tpl !== 'market-registration')) return '2:备案表';
  if (tpl === 'market-registration') return '2:登记申请书';
  if (tpl === 'tax') return '2:涉税事项申请表';
  return tpl === 'licence' ? '2:申请书' : '2:申请表';
};

const identityFor = (name: string, objects: SeedObjects): SeedMaterialRef[] => {
  if (objects === 'p') return ['@resident-id-card'];
  if (/社会团体|民办非企业|慈善组织/.test(name) && !/成立|设立|筹备|筹设/.test(name)) {
    return ['1:社会组织登记证书', { ref: 'resident-id-card', note: '法定代表人或经办人的居民身份证' }];
  }
  if (objects === 'o' && ESTABLISH.test(name)) {
    return [{ ref: 'resident-id-card', note: '投资人（举办者）或其委托代理人的居民身份证' }];
  }
  if (objects === 'o') return ['@business-licence', { ref: 'resident-id-card', note: '法定代表人或经办人的居民身份证' }];
  return [{ ref: 'resident-id-card', note: '个人申请的提供本人身份证；单位申请的提供经办人身份证' }];
};

const EXTRAS: readonly (readonly [RegExp, SeedMaterialRef])[] = [
  [/遗失|补办|补发|补领|补证/, '2:遗失（损毁）声明'],
  [/变更|更正/, '3:变更事项相关证明材料'],
  [/延续|换发|换证|注销/, '3:原证照（遗失的提供书面说明）'],
  [/经营许可|场所|营业/, '1:经营场所使用证明（产权证明或租赁合同）'],
  [/医疗机构|诊疗|诊所|卫生许可|供水单位/, '3:卫生管理制度和场所平面布局图'],
  [/执业|从业资格|资格认定|资格证|医师|护士|教师资格|兽医|驾驶员/, '1:相关资格证书或学历证明'],
  [/建设|工程|设计|施工|管线|设施/, '3:设计图纸及相关技术资料'],
  [/车辆|道路运输证|教练车|客车租赁/, '@vehicle-licence'],
  [/驾驶员/, '@driving-licence'],
  [/补贴|津贴|救助|资助|补助|给付|抚恤|报销|支取|待遇/, '3:本人银行账户信息'],
  [/危险|烟花|爆破|剧毒|易制|民用爆炸/, '3:安全管理制度和操作规程'],
  [/采伐|林木|林地/, '@forest-right-certificate'],
  [/退役|伤残证件|预备役/, '@discharge-certificate'],
  [/残疾/, '@disability-certificate'],
  [/出生|新生儿/, '@birth-medical-certificate'],
  [/户口|户籍/, '@household-register'],
  [/结婚证|婚姻/, '@marriage-certificate'],
];

const refKey = (ref: SeedMaterialRef): string => (typeof ref === 'string' ? ref : `@${ref.ref}`);

const chooseMaterials = (name: string, tpl: string, objects: SeedObjects): SeedMaterialRef[] => {
  const refs: SeedMaterialRef[] = [formFor(name, tpl), ...identityFor(name, objects)];
  const seen = new Set(refs.map(refKey));
  for (const [pattern, ref] of EXTRAS) {
    if (refs.length >= 5) break;
    if (pattern.test(name) && !seen.has(refKey(ref))) {
      refs.push(ref);
      seen.add(refKey(ref));
    }
  }
  return refs;
};

export type DescribedMatter = Omit<SeedMatter, 'name' | 'dept' | 'type' | 'basic' | 'item'>;

export const describeMatter = (input: MatterInput): DescribedMatter => {
  const { name, type } = input;
  const tpl = chooseTemplate(input);
  const template = TEMPLATES[tpl]!;
  const inspect = type === '01' && INSPECTION.test(name) && !MINOR_VARIANT.test(name) && !CHANGE_VARIANT.test(name);
  const objects = chooseObjects(name, template.objects);
  const visits = inspect || /身份证(?!明)|护照|指纹/.test(name) ? 1 : 0;
  const result = chooseResult(name, tpl, type);
  const basis = chooseBasis(input, template.basis);
  const fee = /护照/.test(name) ? '普通护照收费按国家规定标准收取（演示数据，以官方目录为准）' : undefined;
  return {
    tpl,
    limit: chooseLimit(input, inspect, tpl),
    ...(visits === 0 ? {} : { visits }),
    ...(inspect ? { inspect } : {}),
    ...(objects === template.objects ? {} : { objects }),
    ...(result === undefined || sameList(result, template.result) ? {} : { result }),
    ...(basis === undefined ? {} : { basis }),
    ...(fee === undefined ? {} : { fee }),
    materials: chooseMaterials(name, tpl, objects),
  };
};
