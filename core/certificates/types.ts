/**
 * Electronic certificates' shapes (电子证照): the identifier (GB/T 36904), the metadata (GB/T 36903), lifecycle
 * events and the verification verdict. The worker stores and signs these; every rule about them lives here.
 */
import type { IsoDate } from '../clock/types.ts';

/** The parts of a GB/T 36904 identifier; the OID prefix `1.2.156.3005.2` and the check character are derived. */
export interface CertificateIdentifierParts {
  /** 证照类型代码: the defining body's 18-character credit code + 3 digits, e.g. `11100000000013338W009`. */
  readonly typeCode: string;
  /** 颁发机构代码: the issuer's 18-character credit code. */
  readonly issuerCode: string;
  /** 顺序号: unique per type and issuer; this system mints `yyyymmdd` + a daily sequence (see formatCertificateSerial). */
  readonly serial: string;
  /** 版本号: 1..999, written as three digits (`001`). */
  readonly version: number;
}

/** 证照状态 codes (GB/T 36903) this system uses; see CERTIFICATE_STATUS_LABELS. */
export type CertificateStatusCode = '01' | '03' | '04' | '05' | '07';

/** 持证主体代码类型: `111` 居民身份证 (resident ID), `001` 统一社会信用代码 (credit code). */
export type HolderCodeType = '111' | '001';

/** The only signature scheme: ECDSA over P-256 with SHA-256 (WebCrypto), signatures in IEEE P1363 form (r‖s, 64 bytes). */
export type CertificateAlgorithm = 'ECDSA-P256-SHA256';

/** Matter-specific data (经营范围, 住所, …): plain JSON, so it has one canonical text. */
export type CertificateFieldValue =
  | string
  | number
  | boolean
  | null
  | readonly CertificateFieldValue[]
  | { readonly [key: string]: CertificateFieldValue };

/** A certificate as built, before the worker signs it: every field the signature covers, plus the status. */
export interface UnsignedCertificate {
  /** 电子证照标识 (GB/T 36904). */
  readonly identifier: string;
  /** 证照名称, e.g. 营业执照. */
  readonly name: string;
  readonly typeCode: string;
  /** 证照编号 as printed on the certificate. */
  readonly number: string;
  /** 持证主体. */
  readonly holderName: string;
  readonly holderCode: string;
  readonly holderCodeType: HolderCodeType;
  /** 颁证单位 (full legal name) and its credit code. */
  readonly issuerName: string;
  readonly issuerCode: string;
  /** 颁证日期. */
  readonly issuedOn: IsoDate;
  /** 有效期起始: first valid day. */
  readonly validFrom: IsoDate;
  /** 有效期截止: last valid day (inclusive); null means 长期 (no end). */
  readonly validTo: IsoDate | null;
  /** Not signed: a status change must not invalidate the signature. */
  readonly status: CertificateStatusCode;
  /** Equals the identifier's version. */
  readonly version: number;
  /** 实施编码 of the matter whose approval issued this version. */
  readonly matterCode: string;
  /** 办件编号 of that case. */
  readonly caseNumber: string;
  readonly algorithm: CertificateAlgorithm;
  readonly fields: { readonly [key: string]: CertificateFieldValue };
  /** Not signed: set when a newer version replaced this one (status 07). */
  readonly replacedBy?: string;
}

/**
 * A signed certificate. `signature` covers describeCertificateForSigning (the whole record); `sealSignature`
 * covers describeCertificateSeal (the printed essentials carried by the QR code, checkable offline). Both base64url.
 */
export interface Certificate extends UnsignedCertificate {
  readonly signature: string;
  readonly sealSignature: string;
}

/** What an approved case supplies to issue a certificate (出证). */
export interface CertificateIssueInput {
  /** The approved matter: its 实施编码 and its result (must be 证照, type `10`). */
  readonly matter: { readonly code: string; readonly result: { readonly name: string; readonly type: string } };
  readonly caseNumber: string;
  readonly holder: { readonly name: string; readonly code: string; readonly codeType: HolderCodeType };
  /** The issuing department (颁证单位): full legal name and credit code. */
  readonly issuer: { readonly fullName: string; readonly creditCode: string };
  readonly typeCode: string;
  readonly issuedOn: IsoDate;
  /** The issuer's sequence for this type on `issuedOn`, from 1: the serial is `yyyymmdd` + this. */
  readonly sequence: number;
  /** Defaults to 1. */
  readonly version?: number;
  /** 证照编号; defaults to the serial. */
  readonly number?: string;
  /** Defaults to `issuedOn`. */
  readonly validFrom?: IsoDate;
  /** null (长期) when the certificate has no end date. */
  readonly validTo: IsoDate | null;
  readonly fields?: { readonly [key: string]: CertificateFieldValue };
}

/** The signed fields a change (变更) may alter when a new version is issued; identity fields never change. */
export interface CertificateChanges {
  readonly name?: string;
  readonly number?: string;
  readonly holderName?: string;
  readonly validFrom?: IsoDate;
  readonly validTo?: IsoDate | null;
  /** Replaces the whole record (not merged), so a removed field is gone from the new version. */
  readonly fields?: { readonly [key: string]: CertificateFieldValue };
}

/** What happened to a certificate. `reissued`: a new version replaced it (换发). */
export type CertificateEventType = 'issued' | 'revoked' | 'cancelled' | 'reissued' | 'expired';

/** One status change, for the worker to store beside the certificate row. */
export interface CertificateEvent {
  readonly type: CertificateEventType;
  /** The certificate whose status changed. */
  readonly identifier: string;
  readonly on: IsoDate;
  /** null for `issued`. */
  readonly from: CertificateStatusCode | null;
  readonly to: CertificateStatusCode;
  /** The decision's stated reason (revoke, cancel, reissue). */
  readonly reason?: string;
  /** `reissued`: the new version's identifier. */
  readonly replacedBy?: string;
}

/** Why a certificate does not verify as valid; stable codes that callers branch on. */
export type CertificateReasonCode = 'signature-invalid' | 'revoked' | 'cancelled' | 'expired' | 'withdrawn' | 'not-yet-valid';

export interface CertificateReason {
  readonly code: CertificateReasonCode;
  readonly message: string;
  readonly messageEn: string;
}

/** The answer of a verification (核验). */
export interface CertificateVerdict {
  readonly valid: boolean;
  /** The status as of `today`: a valid certificate past its last day reads `05` even before the sweep marks it. */
  readonly status: { readonly code: CertificateStatusCode; readonly label: string; readonly labelEn: string };
  readonly reasons: readonly CertificateReason[];
}

/** A decoded QR code: the seal's fields (holder code masked for residents), the signature and the exact signed text. */
export interface CertificateQr {
  readonly identifier: string;
  readonly signature: string;
  /** The UTF-8 text the seal signature covers: verify `signature` over exactly this with the public key. */
  readonly signedText: string;
  readonly name: string;
  readonly number: string;
  readonly holderName: string;
  readonly holderCodeType: HolderCodeType;
  /** Masked for `111` (resident ID); a credit code is public and stays whole. */
  readonly holderCode: string;
  readonly issuerName: string;
  readonly issuedOn: IsoDate;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
}
