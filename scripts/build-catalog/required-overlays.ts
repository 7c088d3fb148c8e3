/**
 * What required-matters.md does not say about each required matter: which reference rows it takes the place
 * of (`absorb`: the first lends its basic code; all are dropped so no near-duplicate remains), its result,
 * legal basis, template and the few conditions a guide states for it. Keyed by exact matter name.
 */
import type { ResultTypeCode } from '../../core/catalog/types.ts';
import type { SeedMaterialRef, SeedObjects } from '../../core/catalog/seed-types.ts';

export interface RequiredOverlay {
  readonly absorb?: readonly string[];
  readonly tpl?: string;
  readonly result: readonly [string, ResultTypeCode];
  readonly basis: readonly string[];
  readonly objects?: SeedObjects;
  readonly inspect?: boolean;
  readonly fee?: string;
  readonly legalNote?: string;
  readonly promisedNote?: string;
  readonly accept?: readonly string[];
  readonly review?: readonly string[];
  /** Replaces the materials a phrase of the list would give. */
  readonly phrases?: Readonly<Record<string, readonly SeedMaterialRef[]>>;
}

const REAL_ESTATE_FEE = '不动产登记费按国家规定标准收取（住宅每件80元，演示数据，以官方目录为准）';

export const REQUIRED_OVERLAYS: Readonly<Record<string, RequiredOverlay>> = {
  个体工商户设立登记: {
    absorb: ['个体工商户设立登记'],
    tpl: 'market-registration',
    result: ['营业执照', '10'],
    basis: ['market-entity', 'individual-business'],
    objects: 'p',
  },
  有限责任公司设立登记: {
    absorb: ['公司设立登记'],
    tpl: 'market-registration',
    result: ['营业执照', '10'],
    basis: ['company', 'market-entity'],
    objects: 'o',
  },
  '食品经营许可（新办）': {
    absorb: ['食品（含保健食品）经营许可核发'],
    result: ['食品经营许可证', '10'],
    basis: ['food', 'licensing'],
    accept: ['已取得营业执照等合法主体资格', '具有与经营的食品品种、数量相适应的经营场所和设备设施'],
    review: ['经营场所布局和设备设施是否满足食品安全要求', '食品安全管理制度和管理人员是否健全'],
  },
  '食品经营许可（变更）': {
    absorb: [
      '食品（含保健食品）经营许可变更经营项目',
      '食品（含保健食品）经营许可变更主体业态',
      '食品（含保健食品）经营许可变更经营场所（同址变更）',
      '食品（含保健食品）经营许可变更法定代表人（负责人）',
      '食品（含保健食品）经营许可变更经营者名称',
      '食品（含保健食品）经营许可变更住所',
    ],
    result: ['食品经营许可证', '10'],
    basis: ['food', 'licensing'],
  },
  '食品经营许可（延续）': {
    absorb: ['食品（含保健食品）经营许可延续'],
    result: ['食品经营许可证', '10'],
    basis: ['food', 'licensing'],
    accept: ['在食品经营许可证有效期届满30个工作日前提出申请'],
  },
  药品零售企业经营许可: {
    result: ['药品经营许可证', '10'],
    basis: ['drug', 'licensing'],
    inspect: true,
    accept: ['配备依法经过资格认定的药师或者其他药学技术人员', '具有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境'],
  },
  第二类医疗器械经营备案: { result: ['第二类医疗器械经营备案凭证', '30'], basis: ['medical-device'], tpl: 'filing' },
  '公众聚集场所投入使用、营业前消防安全检查': {
    absorb: ['公众聚集场所投入使用、营业前消防安全检查'],
    result: ['公众聚集场所投入使用、营业前消防安全检查合格证', '10'],
    basis: ['fire', 'licensing'],
    inspect: true,
    review: ['消防安全制度、应急预案和消防设施是否符合要求', '承诺制办理的，在规定期限内开展现场核查'],
  },
  烟草专卖零售许可证核发: {
    absorb: ['烟草专卖零售许可证新办'],
    result: ['烟草专卖零售许可证', '10'],
    basis: ['tobacco', 'licensing'],
    inspect: true,
    objects: 'po',
    review: ['经营场所是否符合当地烟草制品零售点合理布局要求'],
  },
  户外招牌设施设置: {
    absorb: ['规范户外招牌设施设置'],
    tpl: 'other',
    result: ['户外招牌设施设置审核意见', '30'],
    basis: ['city-appearance'],
    objects: 'o',
  },
  城市建筑垃圾处置核准: { result: ['城市建筑垃圾处置核准文件', '20'], basis: ['construction-waste', 'licensing'] },
  企业投资项目备案: {
    absorb: ['企业投资项目备案'],
    tpl: 'filing',
    result: ['企业投资项目备案信息表（项目代码）', '30'],
    basis: ['investment'],
  },
  建设项目环境影响报告表审批: {
    absorb: ['一般建设项目环境影响报告表审批'],
    result: ['建设项目环境影响报告表审批意见', '20'],
    basis: ['eia', 'licensing'],
  },
  排污许可证核发: { result: ['排污许可证', '10'], basis: ['pollutant-permit', 'licensing'] },
  建筑工程施工许可证核发: {
    absorb: ['建筑工程施工许可证核发'],
    result: ['建筑工程施工许可证', '10'],
    basis: ['building', 'licensing'],
  },
  建设工程竣工验收备案: {
    absorb: ['建设工程竣工验收备案'],
    tpl: 'filing',
    result: ['建设工程竣工验收备案表', '30'],
    basis: ['construction-quality'],
  },
  人防工程竣工验收备案: {
    absorb: ['建设项目人防工程竣工验收'],
    tpl: 'filing',
    result: ['人民防空工程竣工验收备案证明', '30'],
    basis: ['civil-defence'],
  },
  人防工程平时使用登记: {
    absorb: ['人民防空工程平时使用备案'],
    tpl: 'filing',
    result: ['人民防空工程平时使用证', '10'],
    basis: ['civil-defence'],
  },
  商品房预售许可: {
    absorb: ['商品房预售许可'],
    result: ['商品房预售许可证', '10'],
    basis: ['real-estate-admin', 'licensing'],
    inspect: true,
    review: ['工程形象进度是否达到预售条件'],
  },
  建设工程规划许可证核发: {
    absorb: ['建设工程（含临时建设）规划许可证核发'],
    result: ['建设工程规划许可证', '10'],
    basis: ['urban-planning', 'licensing'],
  },
  二手房转移登记: {
    tpl: 'real-estate',
    result: ['不动产权证书', '10'],
    basis: ['real-estate-registration', 'civil-code'],
    fee: REAL_ESTATE_FEE,
    promisedNote: '税费缴清、材料齐全的当场办结',
  },
  不动产抵押权登记: {
    tpl: 'real-estate',
    result: ['不动产登记证明（抵押权）', '10'],
    basis: ['real-estate-registration', 'civil-code'],
    fee: REAL_ESTATE_FEE,
  },
  不动产首次登记: {
    tpl: 'real-estate',
    result: ['不动产权证书', '10'],
    basis: ['real-estate-registration'],
    fee: REAL_ESTATE_FEE,
  },
  居民身份证申领: {
    absorb: ['居民身份证办理（包括临时）'],
    tpl: 'household',
    result: ['中华人民共和国居民身份证', '10'],
    basis: ['id-card'],
    fee: '居民身份证工本费按国家规定标准收取（演示数据，以官方目录为准）',
  },
  出生登记: {
    tpl: 'household',
    result: ['居民户口簿（新生儿登记页）', '10'],
    basis: ['household'],
    accept: ['新生儿出生后一个月内由监护人申报'],
  },
  居住证申领: {
    absorb: ['居住证办理'],
    tpl: 'household',
    result: ['浙江省居住证', '10'],
    basis: ['residence-permit'],
    accept: ['在萧山区居住半年以上，有合法稳定就业、合法稳定住所或连续就读之一'],
  },
  印章刻制备案: { tpl: 'filing', result: ['印章刻制备案回执', '30'], basis: ['generic'] },
  出生医学证明签发: {
    absorb: ['《出生医学证明》首次签发'],
    result: ['出生医学证明', '10'],
    basis: ['maternal'],
    objects: 'p',
  },
  预防接种证办理: { absorb: ['《预防接种证》办理'], result: ['预防接种证', '10'], basis: ['vaccine'], objects: 'p' },
  公共场所卫生许可: {
    absorb: ['公共场所卫生许可新办审批'],
    result: ['公共场所卫生许可证', '10'],
    basis: ['public-hygiene', 'licensing'],
  },
  诊所备案: { tpl: 'filing', result: ['诊所备案凭证', '30'], basis: ['medical-institution', 'physician'] },
  医师执业注册: {
    absorb: ['医师新办执业注册'],
    result: ['医师执业证书', '10'],
    basis: ['physician', 'licensing'],
    objects: 'p',
  },
  结婚登记: {
    absorb: ['中国内地公民婚姻登记'],
    tpl: 'marriage',
    result: ['结婚证', '10'],
    basis: ['civil-code', 'marriage'],
    accept: ['男年满22周岁、女年满20周岁', '双方均无配偶，且没有直系血亲和三代以内旁系血亲关系', '男女双方完全自愿'],
    phrases: { 照片: ['3:男女双方近期半身免冠合影照片'] },
  },
  离婚登记: {
    tpl: 'marriage',
    result: ['离婚证', '10'],
    basis: ['civil-code', 'marriage'],
    legalNote: '提交申请之日起30日为离婚冷静期；期满后30日内双方亲自到场申请发给离婚证',
    promisedNote: '冷静期届满、双方到场且材料齐全的，当场登记',
    accept: ['双方自愿离婚，并对子女抚养、财产及债务处理等事项协商一致', '双方在冷静期届满后亲自到场'],
  },
  最低生活保障审核确认: {
    absorb: ['最低生活保障'],
    result: ['最低生活保障审核确认决定', '30'],
    basis: ['social-assistance'],
    objects: 'p',
    review: ['家庭收入、财产状况核对结果是否符合当地低保标准'],
  },
  养老机构备案: { absorb: ['养老机构设立备案'], tpl: 'filing', result: ['养老机构备案回执', '30'], basis: ['elderly'] },
  残疾人证核发: {
    absorb: ['残疾人证新办'],
    result: ['中华人民共和国残疾人证', '10'],
    basis: ['disabled'],
    objects: 'p',
  },
  困难残疾人生活补贴和重度残疾人护理补贴: {
    absorb: ['困难残疾人生活补贴', '重度残疾人护理补贴'],
    result: ['补贴资格认定及发放决定', '30'],
    basis: ['disabled'],
  },
  社会保障卡申领: { absorb: ['社会保障卡申领'], tpl: 'social-insurance', result: ['社会保障卡', '10'], basis: ['social-insurance'] },
  失业保险金申领: {
    absorb: ['失业保险金申领'],
    result: ['失业保险金核定结果（按月发放）', '30'],
    basis: ['unemployment', 'social-insurance'],
  },
  职工退休待遇核定: {
    absorb: ['企业职工基本养老保险正常退休申请'],
    result: ['基本养老金核定表', '30'],
    basis: ['social-insurance'],
    objects: 'p',
  },
  灵活就业人员参保登记: {
    absorb: ['灵活就业人员企业职工基本养老保险参保登记'],
    tpl: 'social-insurance',
    result: ['参保登记结果', '30'],
    basis: ['social-insurance'],
    objects: 'p',
  },
  就业创业证申领: { tpl: 'social-insurance', result: ['就业创业证', '10'], basis: ['employment'], objects: 'p' },
  员工参保登记: {
    absorb: ['企业职工参保登记'],
    tpl: 'social-insurance',
    result: ['参保登记结果', '30'],
    basis: ['social-insurance'],
    objects: 'o',
  },
  城乡居民医保参保登记: {
    absorb: ['城乡居民参保登记'],
    tpl: 'social-insurance',
    result: ['参保登记结果', '30'],
    basis: ['social-insurance'],
    objects: 'p',
  },
  异地就医备案: {
    absorb: ['异地长期居住人员备案', '常驻异地工作人员备案', '异地安置退休人员备案', '其他临时外出就医人员备案', '异地转诊人员备案'],
    tpl: 'social-insurance',
    result: ['异地就医备案结果', '30'],
    basis: ['social-insurance'],
    objects: 'p',
  },
  生育保险待遇核定: {
    absorb: ['生育津贴支付', '生育医疗费支付'],
    result: ['生育保险待遇核定结果', '30'],
    basis: ['social-insurance'],
    objects: 'p',
  },
  '住房公积金提取（购房）': { tpl: 'housing-fund', result: ['提取款转入本人银行账户', '30'], basis: ['housing-fund'], objects: 'p' },
  '住房公积金提取（租房）': { tpl: 'housing-fund', result: ['提取款转入本人银行账户', '30'], basis: ['housing-fund'], objects: 'p' },
  住房公积金缴存登记: { tpl: 'housing-fund', result: ['住房公积金单位缴存登记结果', '30'], basis: ['housing-fund'], objects: 'o' },
  教师资格认定: {
    absorb: ['教师资格认定'],
    result: ['教师资格证书', '10'],
    basis: ['teacher', 'teacher-qualification', 'licensing'],
    objects: 'p',
  },
  民办学校办学许可: {
    result: ['民办学校办学许可证', '10'],
    basis: ['private-education', 'licensing'],
    inspect: true,
  },
  道路货物运输经营许可: {
    absorb: ['道路货物运输经营许可'],
    result: ['道路运输经营许可证', '10'],
    basis: ['road-transport', 'licensing'],
  },
  网络预约出租汽车驾驶员证核发: {
    result: ['网络预约出租汽车驾驶员证', '10'],
    basis: ['ride-hailing', 'licensing'],
    objects: 'p',
    accept: ['取得相应准驾车型机动车驾驶证并具有3年以上驾驶经历', '通过网约车驾驶员从业资格考试'],
  },
  娱乐场所经营许可: {
    absorb: ['设立歌舞娱乐场所《娱乐经营许可证》核发', '设立游艺娱乐场所《娱乐经营许可证》核发'],
    result: ['娱乐经营许可证', '10'],
    basis: ['entertainment', 'licensing'],
    inspect: true,
  },
  互联网上网服务营业场所经营单位设立审批: {
    absorb: ['内资设立互联网上网服务营业场所经营活动终审审批', '内资设立互联网上网服务营业场所筹建审批'],
    result: ['网络文化经营许可证', '10'],
    basis: ['internet-cafe', 'licensing'],
    inspect: true,
  },
  营业性演出审批: {
    absorb: ['举办营业性演出审批'],
    result: ['营业性演出批准文件', '20'],
    basis: ['performance', 'licensing'],
  },
  危险化学品经营许可证核发: {
    absorb: [
      '除从事剧毒、易制爆、汽油加油站、专用危化品仓储的企业外，除中央企业所属省级、设区的市级公司（分公司）从事危险化学品经营活动的企业，不带有储存设施经营除剧毒化学品、易制爆危险化学品以外的其他危险化学品企业经营许可证核发',
    ],
    result: ['危险化学品经营许可证', '10'],
    basis: ['hazardous-chemicals', 'licensing'],
    inspect: true,
  },
  '烟花爆竹经营（零售）许可证核发': {
    absorb: ['烟花爆竹经营（零售）许可证核发'],
    result: ['烟花爆竹经营（零售）许可证', '10'],
    basis: ['fireworks', 'licensing'],
    inspect: true,
  },
  取水许可: { absorb: ['取水许可证新办审批'], result: ['取水许可证', '10'], basis: ['water-permit', 'water', 'licensing'] },
  林木采伐许可证核发: { absorb: ['林木采伐许可证核发'], result: ['林木采伐许可证', '10'], basis: ['forest', 'licensing'] },
  动物防疫条件合格证核发: {
    absorb: ['动物防疫条件合格证核发（动物饲养场、养殖小区和动物屠宰加工场）'],
    result: ['动物防疫条件合格证', '10'],
    basis: ['animal-epidemic', 'licensing'],
    inspect: true,
  },
  农药经营许可证核发: {
    absorb: ['农药经营许可证核发（其他农药）'],
    result: ['农药经营许可证', '10'],
    basis: ['pesticide', 'licensing'],
    inspect: true,
  },
  对外贸易经营者备案登记: { tpl: 'filing', result: ['对外贸易经营者备案登记表', '30'], basis: ['foreign-trade'] },
  代理记账机构执业审批: {
    absorb: ['中介机构从事代理记账业务审批'],
    result: ['代理记账许可证书', '10'],
    basis: ['accounting', 'accounting-agency', 'licensing'],
  },
  法律援助申请: {
    absorb: ['对公民法律援助申请的审批'],
    result: ['给予法律援助决定书', '20'],
    basis: ['legal-aid'],
    objects: 'p',
  },
  退役士兵自主就业一次性经济补助金给付: {
    absorb: ['退役士兵自主就业一次性经济补助金的给付'],
    result: ['一次性经济补助金发放到账', '30'],
    basis: ['veterans'],
    objects: 'p',
  },
  科技型中小企业评价: { tpl: 'other', result: ['科技型中小企业入库登记编号', '30'], basis: ['tech-sme'], objects: 'o' },
  发票申领: { absorb: ['发票领用'], tpl: 'tax', result: ['发票领用结果（电子发票额度）', '30'], basis: ['invoice', 'tax-admin'], objects: 'po' },
  新办纳税人涉税事项: { tpl: 'tax', result: ['涉税事项办理结果', '30'], basis: ['tax-admin'], objects: 'po' },
};
