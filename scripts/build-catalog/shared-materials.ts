/**
 * Documents defined once for the whole catalog. Government-issued ones (来源渠道 20) are fetched from the
 * electronic licence library instead of being submitted again (多报合一), so every matter that needs one
 * must use the same id: that is what lets a bundle ask for it once.
 */
import type { SeedMaterialDefinition, SeedMaterialRef } from '../../core/catalog/seed-types.ts';

const issued = (name: string, standard: string, instructions?: string): SeedMaterialDefinition => ({
  name,
  type: '1',
  source: '20',
  form: '3',
  originals: 1,
  copies: 0,
  standard,
  ...(instructions === undefined ? {} : { instructions }),
});

const SHARED_NOTE = '已由政府部门核发的，窗口通过电子证照库调取核验，申请人无需再提交';

export const SHARED_MATERIALS: Readonly<Record<string, SeedMaterialDefinition>> = {
  'business-licence': issued('营业执照', '登记状态为存续（在业），与申请主体一致', SHARED_NOTE),
  'resident-id-card': issued('居民身份证', '在有效期内，人证一致；可用居民身份证电子证照核验'),
  'household-register': issued('居民户口簿', '户主页和本人页齐全，信息与身份证一致', SHARED_NOTE),
  'birth-medical-certificate': issued('出生医学证明', '由助产机构签发，新生儿及父母信息准确', SHARED_NOTE),
  'real-estate-certificate': issued('不动产权证书', '权利人、坐落与申请一致，无查封、异议登记', SHARED_NOTE),
  'marriage-certificate': issued('结婚证', '持证人与申请人一致', SHARED_NOTE),
  'food-business-licence': issued('食品经营许可证', '在有效期内，许可事项与申请一致', SHARED_NOTE),
  'eia-approval': issued('建设项目环境影响评价批复文件', '批复的建设内容与申请一致', SHARED_NOTE),
  'construction-planning-permit': issued('建设工程规划许可证', '许可的建设内容与申请一致', SHARED_NOTE),
  'construction-permit': issued('建筑工程施工许可证', '许可的工程与申请一致', SHARED_NOTE),
  'fire-acceptance-opinion': issued('建设工程消防验收意见书（或消防验收备案凭证）', '结论为合格', SHARED_NOTE),
  'fire-safety-inspection-certificate': issued(
    '公众聚集场所投入使用、营业前消防安全检查合格证',
    '场所地址、名称与申请一致',
    SHARED_NOTE,
  ),
  'civil-defence-filing-certificate': issued('人民防空工程竣工验收备案证明', '工程名称与申请一致', SHARED_NOTE),
  'land-use-certificate': issued('建设用地批准文件或土地不动产权证书', '用地位置、面积与申请一致', SHARED_NOTE),
  'completion-filing-certificate': issued('建设工程竣工验收备案表', '已完成竣工验收备案', SHARED_NOTE),
  'tax-payment-certificate': issued('不动产交易完税凭证', '与本次交易的不动产一致', SHARED_NOTE),
  'physician-qualification-certificate': issued('医师资格证书', '与申请人一致', SHARED_NOTE),
  'physician-practice-certificate': issued('医师执业证书', '执业地点、范围与申请一致', SHARED_NOTE),
  'disability-certificate': issued('中华人民共和国残疾人证', '在有效期内', SHARED_NOTE),
  'subsistence-allowance-certificate': issued('最低生活保障证明', '在保障期内', SHARED_NOTE),
  'unemployment-registration': issued('失业登记证明', '已办理失业登记', SHARED_NOTE),
  'social-insurance-record': issued('社会保险缴费记录', '由社保经办机构系统出具', SHARED_NOTE),
  'academic-certificate': issued('学历证书', '可通过学信网核验', SHARED_NOTE),
  'no-criminal-record': issued('无犯罪记录证明', '在出具后3个月内', SHARED_NOTE),
  'forest-right-certificate': issued('林权证明（林权类不动产权证书或林权证）', '林地位置、面积与申请一致', SHARED_NOTE),
  'discharge-certificate': issued('退役证明（退出现役证明）', '与申请人一致', SHARED_NOTE),
  'social-security-card': issued('社会保障卡', '卡片状态正常；也可使用电子社保卡'),
  'driving-licence': issued('机动车驾驶证', '在有效期内，准驾车型符合要求', SHARED_NOTE),
  'vehicle-licence': issued('机动车行驶证', '车辆信息与申请一致，检验合格', SHARED_NOTE),
  'id-photo': {
    name: '近期免冠证件照片',
    type: '3',
    source: '20',
    form: '3',
    originals: 1,
    copies: 0,
    standard: '符合证件照规格',
    instructions: '可调用公安人像库中的照片，无需另行提交；也可窗口现场拍摄',
  },
};

const shared = (ref: string, note?: string): SeedMaterialRef => (note === undefined ? `@${ref}` : { ref, note });

/** Phrases of required-matters.md that name shared documents (the "(共享)" mark removed). */
export const SHARED_PHRASES: Readonly<Record<string, readonly SeedMaterialRef[]>> = {
  营业执照: [shared('business-licence')],
  '营业执照或登记证书': [shared('business-licence', '非企业机构提供事业单位法人证书或民办非企业单位登记证书')],
  身份证: [shared('resident-id-card')],
  身份证明: [shared('resident-id-card', '申请人（经营者）本人的居民身份证')],
  经营者身份证明: [shared('resident-id-card', '经营者本人的居民身份证')],
  法定代表人身份证明: [shared('resident-id-card', '法定代表人的居民身份证')],
  经办人身份证: [shared('resident-id-card', '经办人的居民身份证')],
  双方身份证明: [shared('resident-id-card', '买卖双方的居民身份证（单位提供营业执照）')],
  父母身份证: [shared('resident-id-card', '新生儿父母的居民身份证')],
  监护人身份证: [shared('resident-id-card', '监护人的居民身份证')],
  家庭成员身份证明: [shared('resident-id-card', '共同生活家庭成员的居民身份证')],
  身份证或户口簿: [shared('resident-id-card', '未满16周岁的可提供居民户口簿')],
  身份证或社保卡: [shared('resident-id-card', '也可出示社会保障卡')],
  居民户口簿: [shared('household-register')],
  父母户口簿和身份证: [shared('household-register', '新生儿父母的居民户口簿'), shared('resident-id-card', '新生儿父母的居民身份证')],
  双方身份证和户口簿: [shared('resident-id-card', '男女双方的居民身份证'), shared('household-register', '男女双方的居民户口簿')],
  出生医学证明: [shared('birth-medical-certificate')],
  '出生医学证明 (共享, for newborns)': [{ ref: 'birth-medical-certificate', note: '新生儿参保时提供', necessity: '2' }],
  不动产权证书: [shared('real-estate-certificate')],
  购房合同或不动产权证书: [shared('real-estate-certificate', '尚未取得不动产权证书的，提供已备案的购房合同')],
  结婚证: [shared('marriage-certificate')],
  食品经营许可证: [shared('food-business-licence')],
  环评批复: [shared('eia-approval')],
  建设工程规划许可证: [shared('construction-planning-permit')],
  施工许可证: [shared('construction-permit')],
  消防验收意见: [shared('fire-acceptance-opinion')],
  消防安全检查合格证明: [shared('fire-safety-inspection-certificate')],
  人防工程竣工验收备案证明: [shared('civil-defence-filing-certificate')],
  用地证明: [shared('land-use-certificate')],
  竣工验收备案: [shared('completion-filing-certificate')],
  完税凭证: [shared('tax-payment-certificate')],
  医师资格证书: [shared('physician-qualification-certificate')],
  医师执业证书: [shared('physician-practice-certificate')],
  残疾人证: [shared('disability-certificate')],
  低保证明: [shared('subsistence-allowance-certificate')],
  失业登记: [shared('unemployment-registration')],
  缴费记录: [shared('social-insurance-record')],
  学历证书: [shared('academic-certificate')],
  无犯罪记录证明: [shared('no-criminal-record')],
  林权证明: [shared('forest-right-certificate')],
  退役证明: [shared('discharge-certificate')],
  社保卡: [shared('social-security-card')],
  照片: [shared('id-photo')],
  驾驶证: [shared('driving-licence')],
};

/** 申请表格文书 by their endings; anything that certifies is 证件证书证明; the rest 其他. */
export const inferMaterialType = (name: string): '1' | '2' | '3' => {
  if (/(申请书|申请表|申请函|登记表|备案表|备案书|信息表|承诺书|协议书|授权书|声明|合同|章程|名册|申报)$/.test(name)) return '2';
  if (/(证明|证书|执照|证$|凭证|证明之一)/.test(name)) return '1';
  return '3';
};

/** A required-list phrase as seed material references. */
export const describeRequiredMaterial = (phrase: string): readonly SeedMaterialRef[] => {
  const direct = SHARED_PHRASES[phrase];
  if (direct) return direct;
  const isShared = /\(共享\)$/.test(phrase);
  const bare = phrase.replace(/\s*\(共享\)$/, '');
  const refs = SHARED_PHRASES[bare];
  if (refs) return refs;
  if (isShared) throw new Error(`shared material without an id: ${phrase}`);
  return [`${inferMaterialType(bare)}:${bare}`];
};
