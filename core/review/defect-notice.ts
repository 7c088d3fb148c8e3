/**
 * The wording of the one-time notice (一次性告知书): one builder per defect reason, each saying what is wrong and
 * what fixes it, in Chinese first and English. Built only when a defect is found, so the clean path allocates
 * nothing here. Messages never quote the applicant's numbers: notices end up in logs and on screens.
 */
import { MATERIAL_FORM_LABELS, SERVICE_OBJECT_LABELS } from '../catalog/labels.ts';
import type { ServiceObject } from '../catalog/types.ts';
import type { CreditCodeProblem } from './credit-code.ts';
import type { ResidentIdProblem } from './resident-id.ts';
import type { ChecklistItem, Defect } from './types.ts';

const FORM_EN = { '1': 'on paper', '2': 'electronically', '3': 'on paper or electronically' } as const;
const KIND_EN: Readonly<Record<ServiceObject, string>> = { person: 'natural persons', organisation: 'organisations' };

/** The material fields every material defect carries; `matterCode` only when one matter alone asks for it. */
const about = (item: ChecklistItem) => ({
  materialId: item.material.id,
  materialName: item.material.name,
  ...(item.matterCodes.length === 1 ? { matterCode: item.matterCodes[0] } : {}),
});

/** `原件1份、复印件2份` / `1 original, 2 copies`, for the fix text. */
const describeCounts = (item: ChecklistItem): [zh: string, en: string] => {
  const zh: string[] = [];
  const en: string[] = [];
  if (item.originals > 0) {
    zh.push(`原件${item.originals}份`);
    en.push(`${item.originals} original${item.originals > 1 ? 's' : ''}`);
  }
  if (item.copies > 0) {
    zh.push(`复印件${item.copies}份`);
    en.push(`${item.copies} cop${item.copies > 1 ? 'ies' : 'y'}`);
  }
  return [zh.length > 0 ? `（${zh.join('、')}）` : '', en.length > 0 ? ` (${en.join(', ')})` : ''];
};

export const noticeMissing = (item: ChecklistItem): Defect => {
  const name = item.material.name;
  const [countsZh, countsEn] = describeCounts(item);
  return {
    reason: 'missing',
    ...about(item),
    message: `缺少必要材料《${name}》`,
    messageEn: `Required material missing: ${name}`,
    fix: `请提交${MATERIAL_FORM_LABELS[item.form]}《${name}》${countsZh}`,
    fixEn: `Hand in ${name} ${FORM_EN[item.form]}${countsEn}`,
  };
};

export const noticeExpired = (item: ChecklistItem, validUntil: string): Defect => {
  const name = item.material.name;
  return {
    reason: 'expired',
    ...about(item),
    message: `《${name}》已超过有效期（有效期至${validUntil}）`,
    messageEn: `${name} expired on ${validUntil}`,
    fix: `请提交在有效期内的《${name}》`,
    fixEn: `Hand in a ${name} that is still valid`,
  };
};

export const noticeWrongForm = (item: ChecklistItem, given: 'paper' | 'electronic'): Defect => {
  const name = item.material.name;
  const givenZh = given === 'paper' ? '纸质' : '电子';
  return {
    reason: 'wrong-form',
    ...about(item),
    message: `《${name}》须提交${MATERIAL_FORM_LABELS[item.form]}材料，收到的是${givenZh}材料`,
    messageEn: `${name} must be handed in ${FORM_EN[item.form]}; it was received ${given === 'paper' ? 'on paper' : 'electronically'}`,
    fix: `请提交${MATERIAL_FORM_LABELS[item.form]}《${name}》`,
    fixEn: `Hand in ${name} ${FORM_EN[item.form]}`,
  };
};

export const noticeTooFew = (item: ChecklistItem, what: 'originals' | 'copies', received: number): Defect => {
  const name = item.material.name;
  const originals = what === 'originals';
  const required = originals ? item.originals : item.copies;
  const zh = originals ? '原件' : '复印件';
  const en = originals ? 'originals' : 'copies';
  return {
    reason: originals ? 'too-few-originals' : 'too-few-copies',
    ...about(item),
    message: `《${name}》${zh}应为${required}份，收到${received}份`,
    messageEn: `${name}: ${required} ${en} required, ${received} received`,
    fix: `请补交《${name}》${zh}${required - received}份`,
    fixEn: `Hand in ${required - received} more ${en} of ${name}`,
  };
};

export const noticeUnreadable = (item: ChecklistItem): Defect => {
  const name = item.material.name;
  return {
    reason: 'unreadable',
    ...about(item),
    message: `《${name}》无法辨认（模糊、残缺或扫描不全）`,
    messageEn: `${name} cannot be read (blurred, damaged or incompletely scanned)`,
    fix: `请重新提交清晰、完整的《${name}》`,
    fixEn: `Hand in a clear, complete ${name}`,
  };
};

export const noticeUnknownReference = (item: ChecklistItem, kind: 'libraryItemId' | 'certificateId'): Defect => {
  const name = item.material.name;
  const certificate = kind === 'certificateId';
  return {
    reason: 'unknown-reference',
    ...about(item),
    message: certificate
      ? `引用的电子证照不存在或不是《${name}》`
      : `引用的材料库条目不存在或不是《${name}》`,
    messageEn: certificate
      ? `The referenced electronic certificate does not exist or is not a ${name}`
      : `The referenced library item does not exist or is not a ${name}`,
    fix: `请提交《${name}》，或选择材料库中有效的《${name}》`,
    fixEn: `Hand in ${name}, or pick a valid ${name} from the material library`,
  };
};

const ID_PROBLEM_ZH: Readonly<Record<ResidentIdProblem | 'absent', string>> = {
  absent: '未填写居民身份证号码',
  format: '居民身份证号码格式不正确（应为18位，末位可为X）',
  checksum: '居民身份证号码校验位不正确',
  'birth-date': '居民身份证号码中的出生日期无效',
};
const ID_PROBLEM_EN: Readonly<Record<ResidentIdProblem | 'absent', string>> = {
  absent: 'No resident ID number was given',
  format: 'The resident ID number is malformed (18 characters, the last may be X)',
  checksum: 'The resident ID number fails its check character',
  'birth-date': 'The birth date inside the resident ID number is not a real past date',
};

export const noticeIdNumber = (problem: ResidentIdProblem | 'absent'): Defect => ({
  reason: 'invalid-id-number',
  field: 'idNumber',
  message: ID_PROBLEM_ZH[problem],
  messageEn: ID_PROBLEM_EN[problem],
  fix: '请对照居民身份证核对并重新填写身份证号码',
  fixEn: 'Check the number against the ID card and enter it again',
});

const CREDIT_PROBLEM_ZH: Readonly<Record<CreditCodeProblem | 'absent', string>> = {
  absent: '未填写统一社会信用代码',
  format: '统一社会信用代码格式不正确（应为18位数字或大写字母，不含I、O、S、V、Z）',
  checksum: '统一社会信用代码校验位不正确',
};
const CREDIT_PROBLEM_EN: Readonly<Record<CreditCodeProblem | 'absent', string>> = {
  absent: 'No unified social credit code was given',
  format: 'The unified social credit code is malformed (18 digits or capitals, no I, O, S, V, Z)',
  checksum: 'The unified social credit code fails its check character',
};

export const noticeCreditCode = (problem: CreditCodeProblem | 'absent'): Defect => ({
  reason: 'invalid-credit-code',
  field: 'creditCode',
  message: CREDIT_PROBLEM_ZH[problem],
  messageEn: CREDIT_PROBLEM_EN[problem],
  fix: '请对照营业执照或登记证书核对并重新填写统一社会信用代码',
  fixEn: 'Check the code against the business licence or registration certificate and enter it again',
});

export const noticePhone = (): Defect => ({
  reason: 'invalid-phone',
  field: 'phone',
  message: '联系电话格式不正确',
  messageEn: 'The phone number is malformed',
  fix: '请填写11位手机号码，或带区号的固定电话（如0571-82888888）',
  fixEn: 'Enter an 11-digit mobile number, or a landline with its area code (e.g. 0571-82888888)',
});

export const noticeNotThisHall = (matterCode: string): Defect => ({
  reason: 'not-this-hall',
  matterCode,
  message: `事项${matterCode}不在本大厅受理范围`,
  messageEn: `Matter ${matterCode} is not accepted at this hall`,
  fix: '请到该事项办事指南所列的办理地点申请，或咨询导办人员',
  fixEn: "Apply at the place named in the matter's service guide, or ask the hall's guide desk",
});

export const noticeKindNotServed = (matterCode: string, kind: ServiceObject, served: readonly ServiceObject[]): Defect => {
  const servedZh = served.map((s) => SERVICE_OBJECT_LABELS[s]).join('或');
  const servedEn = served.map((s) => KIND_EN[s]).join(' or ');
  return {
    reason: 'applicant-kind-not-served',
    matterCode,
    message: `事项${matterCode}不面向${SERVICE_OBJECT_LABELS[kind]}办理`,
    messageEn: `Matter ${matterCode} is not open to ${KIND_EN[kind]}`,
    fix: servedZh === '' ? '请咨询导办人员选择适用的事项' : `请以${servedZh}身份申请，或咨询导办人员选择适用的事项`,
    fixEn: servedEn === '' ? 'Ask the guide desk for the matter that applies' : `Apply as one of: ${servedEn}; or ask the guide desk for the matter that applies`,
  };
};
