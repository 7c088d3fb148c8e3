/**
 * The catalog's shapes, after the national element set for matters (国发〔2022〕5号, GB/T 39554.1).
 * Coded fields keep the national codes so partner systems exchange them unchanged; labels live in labels.ts.
 */

/** 事项类型: 01 行政许可 … 10 其他行政权力, 20 公共服务. */
export type MatterTypeCode = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '20';

/** 服务对象: 自然人 or 法人 (organisations, including individual businesses). */
export type ServiceObject = 'person' | 'organisation';

/** 办件类型: 即办件 (decided on the spot) or 承诺件 (decided within the promised limit). */
export type CaseKind = 'instant' | 'promised';

/** A time limit with its unit. `on_the_spot` (即办) has value 0. */
export interface TimeLimit {
  readonly value: number;
  readonly unit: 'working_days' | 'calendar_days' | 'on_the_spot';
  /** Anything the number cannot say, e.g. "30日冷静期后即办". */
  readonly note?: string;
}

/** 网上办理深度: I guide online … IV fully online. */
export type OnlineDepth = 'I' | 'II' | 'III' | 'IV';

/** 审批结果类型: 10 证照, 20 批文, 30 其他. */
export type ResultTypeCode = '10' | '20' | '30';

/** 材料类型: 1 证件证书证明, 2 申请表格文书, 3 其他. */
export type MaterialTypeCode = '1' | '2' | '3';
/** 来源渠道: 10 申请人自备, 20 政府部门核发 (reusable: 多报合一), 99 其他. */
export type MaterialSourceCode = '10' | '20' | '99';
/** 必要性: 1 必要, 2 非必要, 3 容缺后补 (may follow after acceptance). */
export type MaterialNecessityCode = '1' | '2' | '3';
/** 形式: 1 纸质, 2 电子, 3 纸质或电子. */
export type MaterialFormCode = '1' | '2' | '3';

export interface Department {
  /** Stable short id, e.g. `scjg` for 市场监管局. */
  readonly id: string;
  /** Short name as the hall shows it, e.g. 市场监管局. */
  readonly name: string;
  /** Full legal name, e.g. 杭州市萧山区市场监督管理局. */
  readonly fullName: string;
  /** 统一社会信用代码 of the implementing body (demo codes carry a valid check character). */
  readonly creditCode: string;
  readonly phone: string;
}

export interface Material {
  /**
   * Catalog-wide id of the document kind (`business-licence`, `resident-id-card`), so a bundle asks
   * for a shared material once; matter-specific documents get ids unique to their matter.
   */
  readonly id: string;
  readonly name: string;
  readonly type: MaterialTypeCode;
  readonly source: MaterialSourceCode;
  readonly necessity: MaterialNecessityCode;
  readonly form: MaterialFormCode;
  readonly originals: number;
  readonly copies: number;
  /** 受理标准: what makes the material acceptable. */
  readonly acceptanceStandard: string;
  /** 示例样表: a note on the sample filled form ("看图填写"), where one exists. */
  readonly sampleNote?: string;
  /** 填报须知. */
  readonly instructions?: string;
}

export interface ProcessStep {
  /** 受理, 审查, 决定, 制证, 送达 (or the matter's own step names). */
  readonly name: string;
  readonly description: string;
}

export interface Matter {
  /** 实施编码: basic code - 12-digit area code - 000 - implementing body's credit code - item number. */
  readonly code: string;
  /** 基本编码, shared by every region that implements the matter. */
  readonly basicCode: string;
  /** 业务办理项编码, where the matter is a 业务办理项 of a wider matter. */
  readonly itemCode?: string;
  readonly version: number;
  readonly name: string;
  readonly type: MatterTypeCode;
  /** 实施主体. */
  readonly departmentId: string;
  readonly serviceObjects: readonly ServiceObject[];
  readonly acceptanceConditions: readonly string[];
  readonly processSteps: readonly ProcessStep[];
  readonly caseKind: CaseKind;
  /** 法定办结时限. */
  readonly legalLimit: TimeLimit;
  /** 承诺办结时限. */
  readonly promisedLimit: TimeLimit;
  /** 到办事现场次数. */
  readonly visits: 0 | 1 | 2;
  readonly onlineDepth: OnlineDepth;
  readonly fee: { readonly charged: boolean; readonly basis?: string };
  /** 告知承诺制: decided on the applicant's written commitment, checked afterwards. */
  readonly byCommitment: boolean;
  /** Needs a site inspection (现场核查) before the decision; bundles merge these into joint inspections. */
  readonly siteInspection: boolean;
  readonly location: string;
  readonly hours: string;
  readonly consultationPhone: string;
  readonly complaintPhone: string;
  readonly result: { readonly name: string; readonly type: ResultTypeCode };
  /** 设定依据. */
  readonly legalBasis: readonly string[];
  /** 审查要点. */
  readonly reviewPoints: readonly string[];
  readonly materials: readonly Material[];
}

/** One slot of a bundle; `matterCodes` lists alternatives, of which an application picks one. */
export interface BundleMember {
  readonly key: string;
  readonly matterCodes: readonly string[];
  readonly optional?: boolean;
}

/** `to` is released only after `from` is approved. */
export interface BundleDependency {
  readonly from: string;
  readonly to: string;
}

/** Members whose site inspections are done in one joint visit (联合踏勘). */
export interface JointInspection {
  readonly name: string;
  readonly members: readonly string[];
}

/** 一件事: matters the hall runs as one application. */
export interface Bundle {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly members: readonly BundleMember[];
  readonly dependencies: readonly BundleDependency[];
  readonly jointInspections: readonly JointInspection[];
  /** The bundle's own promised limit, where the hall promises one (企业开办 ≤ 1 working day). */
  readonly promisedLimit?: TimeLimit;
}

/** A colloquial phrase people type, mapped to the official matters it means (开饭店 → 食品经营许可（新办）). */
export interface Alias {
  readonly phrase: string;
  /** Matter names (exact), so one alias list serves every region implementing the same matters. */
  readonly matterNames: readonly string[];
}

/** A whole published catalog: what `onewindow catalog validate` checks and what a tenant publishes. */
export interface CatalogDocument {
  readonly id: string;
  readonly version: string;
  readonly region: { readonly code: string; readonly name: string };
  /** Shown with the data: the Xiaoshan seed is a realistic demo catalog, not an official list. */
  readonly notice: string;
  readonly departments: readonly Department[];
  readonly matters: readonly Matter[];
  readonly bundles: readonly Bundle[];
  readonly aliases: readonly Alias[];
}
