/**
 * 形式审查: the front desk's formal review of a case against its checklist. Every defect is found in one pass
 * and returned together (一次性告知, 行政许可法 Art. 32), in a fixed order: the applicant, the matters, then
 * the checklist in its own order. Pure and allocation-light on the clean path: it runs on every intake.
 */
import type { IsoDate } from '../clock/types.ts';
import { readCreditCode } from './credit-code.ts';
import {
  noticeCreditCode,
  noticeExpired,
  noticeIdNumber,
  noticeKindNotServed,
  noticeMissing,
  noticeNotThisHall,
  noticePhone,
  noticeTooFew,
  noticeUnknownReference,
  noticeUnreadable,
  noticeWrongForm,
} from './defect-notice.ts';
import { checkPhoneNumber } from './phone-number.ts';
import { readResidentId } from './resident-id.ts';
import type {
  Applicant,
  ChecklistItem,
  Defect,
  LibraryItem,
  ReviewInput,
  ReviewOutcome,
  SubmittedMaterial,
} from './types.ts';

const isGiven = (text: string | undefined): text is string => text !== undefined && text.trim() !== '';

/**
 * A person needs a valid resident ID, an organisation a valid credit code. Numbers given beyond that (a legal
 * representative's ID, a phone) are checked too: a wrong one would reach the certificate or the SMS gateway.
 */
const reviewApplicant = (applicant: Applicant, today: IsoDate, defects: Defect[]): void => {
  const { kind, idNumber, creditCode, phone } = applicant;
  if (isGiven(idNumber)) {
    const read = readResidentId(idNumber, today);
    if (typeof read === 'string') defects.push(noticeIdNumber(read));
  } else if (kind === 'person') {
    defects.push(noticeIdNumber('absent'));
  }
  if (isGiven(creditCode)) {
    const read = readCreditCode(creditCode);
    if (typeof read === 'string') defects.push(noticeCreditCode(read));
  } else if (kind === 'organisation') {
    defects.push(noticeCreditCode('absent'));
  }
  if (isGiven(phone) && !checkPhoneNumber(phone).ok) defects.push(noticePhone());
};

/** A matter unknown to `servedBy` is not in this hall's catalog at all: reported as not accepted here. */
const reviewMatters = (input: ReviewInput, defects: Defect[]): void => {
  const { acceptedHere, servedBy, applicant } = input;
  for (const code of input.matterCodes) {
    const served = servedBy.get(code);
    if ((acceptedHere !== null && !acceptedHere.has(code)) || served === undefined) {
      defects.push(noticeNotThisHall(code));
    }
    if (served !== undefined && !served.includes(applicant.kind)) {
      defects.push(noticeKindNotServed(code, applicant.kind, served));
    }
  }
};

/** Expiry is judged on the review day: valid through `validUntil` inclusive. */
const isExpired = (validUntil: IsoDate | undefined, today: IsoDate): validUntil is IsoDate =>
  validUntil !== undefined && validUntil < today;

/**
 * A reference stands in for the document: it must name a library item (or a certificate held in the library)
 * of this material kind. Form and counts do not apply to it; expiry does, on the library item.
 */
const reviewReference = (
  item: ChecklistItem,
  reference: NonNullable<SubmittedMaterial['reference']>,
  library: readonly LibraryItem[],
  today: IsoDate,
  defects: Defect[],
): void => {
  // Linear: an applicant's library holds tens of items and a case references a few of them.
  const byLibraryId = 'libraryItemId' in reference;
  const held = byLibraryId
    ? library.find((entry) => entry.id === reference.libraryItemId)
    : library.find((entry) => entry.certificateId === reference.certificateId);
  if (held === undefined || held.materialId !== item.material.id) {
    defects.push(noticeUnknownReference(item, byLibraryId ? 'libraryItemId' : 'certificateId'));
  } else if (isExpired(held.validUntil, today)) {
    defects.push(noticeExpired(item, held.validUntil));
  }
};

/**
 * A document handed in: form, counts, validity, legibility, each reported on its own. Counts (份数) describe
 * paper, so an electronic submission is not held to them: one upload is the document.
 */
const reviewSubmission = (item: ChecklistItem, submitted: SubmittedMaterial, today: IsoDate, defects: Defect[]): void => {
  const { form } = submitted;
  if ((item.form === '1' && form === 'electronic') || (item.form === '2' && form === 'paper')) {
    defects.push(noticeWrongForm(item, form));
  }
  if (form === 'paper') {
    if (submitted.originals < item.originals) defects.push(noticeTooFew(item, 'originals', submitted.originals));
    if (submitted.copies < item.copies) defects.push(noticeTooFew(item, 'copies', submitted.copies));
  }
  if (isExpired(submitted.validUntil, today)) defects.push(noticeExpired(item, submitted.validUntil));
  if (submitted.readable === false) defects.push(noticeUnreadable(item));
};

/**
 * Walks the checklist. Items reused from the library or produced inside the bundle (`producedBy`) are
 * satisfied: never a defect, never pending. 必要 (1) materials must be present and sound. 容缺后补 (3) ones,
 * missing or flawed, do not stop acceptance: they are returned as pending. 非必要 (2) ones never block, submitted or not.
 * The first submission for a material counts; submissions for materials not on the checklist are ignored.
 */
const reviewChecklist = (input: ReviewInput, defects: Defect[]): ChecklistItem[] => {
  const { today, library } = input;
  const byMaterial = new Map<string, SubmittedMaterial>();
  for (const submitted of input.submitted) {
    if (!byMaterial.has(submitted.materialId)) byMaterial.set(submitted.materialId, submitted);
  }
  const pending: ChecklistItem[] = [];
  for (const item of input.checklist.items) {
    // Held in the library or issued inside the bundle: satisfied without asking.
    if (item.reusedFrom !== undefined || item.producedBy !== undefined || item.necessity === '2') continue;
    const submitted = byMaterial.get(item.material.id);
    if (submitted === undefined) {
      if (item.necessity === '1') defects.push(noticeMissing(item));
      else pending.push(item);
      continue;
    }
    const before = defects.length;
    if (submitted.reference !== undefined) reviewReference(item, submitted.reference, library, today, defects);
    else reviewSubmission(item, submitted, today, defects);
    // A flawed 容缺后补 material may follow after acceptance, like a missing one.
    if (item.necessity === '3' && defects.length > before) {
      defects.length = before;
      pending.push(item);
    }
  }
  return pending;
};

/** Formal review: accepted, accepted with 容缺后补 materials to follow, or one notice listing every defect. */
export const reviewCase = (input: ReviewInput): ReviewOutcome => {
  const defects: Defect[] = [];
  reviewApplicant(input.applicant, input.today, defects);
  reviewMatters(input, defects);
  const pending = reviewChecklist(input, defects);
  if (defects.length > 0) return { status: 'notice', defects };
  if (pending.length > 0) return { status: 'accepted-pending', pending };
  return { status: 'accepted' };
};
