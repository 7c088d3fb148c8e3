import { describe, expect, it } from 'vitest';
import { company, foodLicence, intakeFor, withSubmission } from './fixtures/intake.ts';
import { reviewCase } from './review-case.ts';
import type { LibraryItem, ReviewInput, SubmittedMaterial } from './types.ts';

const CERTIFICATE = '1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0';
const licence: LibraryItem = { id: 'lib-licence', materialId: 'business-licence', name: '营业执照', certificateId: CERTIFICATE, validUntil: '2045-05-21' };
const lease: LibraryItem = { id: 'lib-lease', materialId: 'premises-lease', name: '租赁合同' };

const food: ReviewInput = { ...intakeFor(company, foodLicence), library: [licence, lease] };
const referring = (reference: SubmittedMaterial['reference']): SubmittedMaterial =>
  // Counts and form of a reference do not matter: the library holds the document.
  ({ materialId: 'business-licence', form: 'electronic', originals: 0, copies: 0, reference });
const refer = (reference: SubmittedMaterial['reference'], input = food) =>
  reviewCase(withSubmission(input, 'business-licence', referring(reference)));

describe('reviewCase with materials referenced instead of handed in', () => {
  it('accepts a reference to a library item of the right kind', () => {
    expect(refer({ libraryItemId: 'lib-licence' })).toEqual({ status: 'accepted' });
  });

  it('accepts an electronic certificate identifier held in the library', () => {
    expect(refer({ certificateId: CERTIFICATE })).toEqual({ status: 'accepted' });
  });

  it('refuses a library item that does not exist as unknown-reference', () => {
    expect(refer({ libraryItemId: 'lib-nowhere' })).toMatchObject({
      status: 'notice',
      defects: [{ reason: 'unknown-reference', materialId: 'business-licence', message: '引用的材料库条目不存在或不是《营业执照》' }],
    });
  });

  it('refuses a library item of another material kind as unknown-reference', () => {
    expect(refer({ libraryItemId: 'lib-lease' })).toMatchObject({ status: 'notice', defects: [{ reason: 'unknown-reference' }] });
  });

  it('refuses a certificate identifier not in the library as unknown-reference', () => {
    expect(refer({ certificateId: CERTIFICATE.replace(/0$/, '1') })).toMatchObject({
      status: 'notice',
      defects: [{ reason: 'unknown-reference', message: '引用的电子证照不存在或不是《营业执照》' }],
    });
  });

  it('reports an expired library item as expired, judged on the review day', () => {
    const lapsed = { ...food, library: [{ ...licence, validUntil: '2026-03-01' }] };
    expect(refer({ libraryItemId: 'lib-licence' }, lapsed)).toMatchObject({
      status: 'notice',
      defects: [{ reason: 'expired', message: '《营业执照》已超过有效期（有效期至2026-03-01）' }],
    });
    expect(refer({ certificateId: CERTIFICATE }, { ...lapsed, today: '2026-03-01' })).toEqual({ status: 'accepted' });
  });
});
