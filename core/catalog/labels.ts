/**
 * Chinese labels for every coded field of the catalog. The tables double as the list of valid codes:
 * the validator checks enums against their keys, so a new code needs a label before it can be used.
 */
import type {
  CaseKind,
  MaterialFormCode,
  MaterialNecessityCode,
  MaterialSourceCode,
  MaterialTypeCode,
  MatterTypeCode,
  OnlineDepth,
  ResultTypeCode,
  ServiceObject,
  TimeLimit,
} from './types.ts';

/** 事项类型. */
export const MATTER_TYPE_LABELS: Readonly<Record<MatterTypeCode, string>> = {
  '01': '行政许可',
  '02': '行政处罚',
  '03': '行政强制',
  '04': '行政征收',
  '05': '行政给付',
  '06': '行政检查',
  '07': '行政确认',
  '08': '行政奖励',
  '09': '行政裁决',
  '10': '其他行政权力',
  '20': '公共服务',
};

export const SERVICE_OBJECT_LABELS: Readonly<Record<ServiceObject, string>> = {
  person: '自然人',
  organisation: '法人',
};

/** 办件类型. */
export const CASE_KIND_LABELS: Readonly<Record<CaseKind, string>> = {
  instant: '即办件',
  promised: '承诺件',
};

/** 网上办理深度. */
export const ONLINE_DEPTH_LABELS: Readonly<Record<OnlineDepth, string>> = {
  I: '一级：网上提供办事指南',
  II: '二级：网上预审',
  III: '三级：网上受理，到现场一次',
  IV: '四级：全程网办',
};

/** 审批结果类型. */
export const RESULT_TYPE_LABELS: Readonly<Record<ResultTypeCode, string>> = {
  '10': '证照',
  '20': '批文',
  '30': '其他',
};

/** 材料类型. */
export const MATERIAL_TYPE_LABELS: Readonly<Record<MaterialTypeCode, string>> = {
  '1': '证件证书证明',
  '2': '申请表格文书',
  '3': '其他',
};

/** 来源渠道. */
export const MATERIAL_SOURCE_LABELS: Readonly<Record<MaterialSourceCode, string>> = {
  '10': '申请人自备',
  '20': '政府部门核发',
  '99': '其他',
};

/** 必要性. */
export const MATERIAL_NECESSITY_LABELS: Readonly<Record<MaterialNecessityCode, string>> = {
  '1': '必要',
  '2': '非必要',
  '3': '容缺后补',
};

/** 材料形式. */
export const MATERIAL_FORM_LABELS: Readonly<Record<MaterialFormCode, string>> = {
  '1': '纸质',
  '2': '电子',
  '3': '纸质或电子',
};

export const TIME_LIMIT_UNIT_LABELS: Readonly<Record<TimeLimit['unit'], string>> = {
  working_days: '工作日',
  calendar_days: '日',
  on_the_spot: '即办',
};

/**
 * '20个工作日', '30日' (calendar days, as statutes write them), '即办'.
 * With `withNote`, the note follows in full-width brackets.
 */
export const formatTimeLimit = (limit: TimeLimit, options: { readonly withNote?: boolean } = {}): string => {
  const base =
    limit.unit === 'on_the_spot' ? '即办' : limit.unit === 'working_days' ? `${limit.value}个工作日` : `${limit.value}日`;
  return options.withNote && limit.note ? `${base}（${limit.note}）` : base;
};

/** 到办事现场次数: '0次' reads as 零跑腿 in Zhejiang's "最多跑一次". */
export const formatVisits = (visits: number): string => (visits === 0 ? '0次（零跑腿）' : `${visits}次`);
