/**
 * Formal review's shapes (形式审查): what an applicant hands in, the checklist it is held against, and the
 * outcome — accepted, accepted with materials to follow (容缺后补), or one notice listing every defect (一次性告知).
 */
import type { IsoDate } from '../clock/types.ts';
import type { Material, ServiceObject } from '../catalog/types.ts';

/** The applicant: a person (resident ID) or an organisation (unified social credit code). */
export interface Applicant {
  readonly kind: ServiceObject;
  readonly name: string;
  /** 居民身份证号码, for a person (or an organisation's legal representative / agent where given). */
  readonly idNumber?: string;
  /** 统一社会信用代码, for an organisation. */
  readonly creditCode?: string;
  readonly phone?: string;
}

/** 申请人材料库 item: a document the applicant already gave us, or a certificate we issued (来源渠道 20). */
export interface LibraryItem {
  /** Stable id of this stored item. */
  readonly id: string;
  /** The catalog material kind it satisfies (`business-licence`). */
  readonly materialId: string;
  readonly name: string;
  /** An electronic certificate identifier (GB/T 36904), when the item is a certificate. */
  readonly certificateId?: string;
  readonly validUntil?: IsoDate;
}

/** One material as handed in at the window or uploaded online. */
export interface SubmittedMaterial {
  readonly materialId: string;
  readonly form: 'paper' | 'electronic';
  readonly originals: number;
  readonly copies: number;
  readonly validUntil?: IsoDate;
  /** Set false by the front desk when a scan or copy cannot be read. Default true. */
  readonly readable?: boolean;
  /** Instead of handing the document in: a library item or a certificate identifier. */
  readonly reference?: { readonly libraryItemId: string } | { readonly certificateId: string };
}

/** One line of a case's checklist: a material asked for once even when several matters need it. */
export interface ChecklistItem {
  readonly material: Material;
  /** The matters (实施编码) that ask for it. */
  readonly matterCodes: readonly string[];
  /** The strictest of the matters' demands. */
  readonly necessity: Material['necessity'];
  readonly form: Material['form'];
  readonly originals: number;
  readonly copies: number;
  /** Satisfied from the library without asking (来源渠道 20 already held): not requested again. */
  readonly reusedFrom?: LibraryItem;
  /**
   * Issued inside the bundle (一件事内证照复用): the key of the task whose approved result is this document.
   * Every matter asking for it comes after that task, so it is not requested; the dependent back offices
   * receive it from the approved predecessor. Absent when `reusedFrom` is set (the library's copy wins).
   */
  readonly producedBy?: string;
}

export interface Checklist {
  readonly items: readonly ChecklistItem[];
  /** How many material lines the matters ask for before deduplication (to report what sharing saved). */
  readonly requestedBeforeDedup: number;
}

/** 一次性告知 reason codes: stable, partner systems branch on them. */
export type DefectReason =
  | 'missing'
  | 'expired'
  | 'wrong-form'
  | 'too-few-originals'
  | 'too-few-copies'
  | 'unreadable'
  | 'invalid-id-number'
  | 'invalid-credit-code'
  | 'invalid-phone'
  | 'applicant-kind-not-served'
  | 'not-this-hall'
  | 'unknown-reference';

/** One defect with what fixes it, in Chinese first and English. */
export interface Defect {
  readonly reason: DefectReason;
  /** The material concerned, when the defect is about a material. */
  readonly materialId?: string;
  readonly materialName?: string;
  /** The applicant field concerned (`idNumber`, `creditCode`, `phone`), when about the applicant. */
  readonly field?: string;
  /** The matter concerned, when only one matter is. */
  readonly matterCode?: string;
  readonly message: string;
  readonly messageEn: string;
  readonly fix: string;
  readonly fixEn: string;
}

export interface ReviewInput {
  readonly checklist: Checklist;
  /** The matters applied for (one, or a bundle's chosen members). */
  readonly matterCodes: readonly string[];
  /** Which of them this hall accepts (`null`: all of the catalog's). */
  readonly acceptedHere: ReadonlySet<string> | null;
  /** Service objects per matter code, to check the applicant kind. */
  readonly servedBy: ReadonlyMap<string, readonly ServiceObject[]>;
  readonly applicant: Applicant;
  readonly submitted: readonly SubmittedMaterial[];
  readonly library: readonly LibraryItem[];
  /** The review day: validity dates and ID birth dates are judged against it. */
  readonly today: IsoDate;
}

export type ReviewOutcome =
  | { readonly status: 'accepted' }
  /** Accepted; these 容缺后补 materials must follow (they do not stop the clock). */
  | { readonly status: 'accepted-pending'; readonly pending: readonly ChecklistItem[] }
  /** Not accepted: every defect at once. */
  | { readonly status: 'notice'; readonly defects: readonly Defect[] };
