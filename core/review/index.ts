/** Formal review (形式审查), the one-time notice (一次性告知), intake validators and personal-data masking. */
export { checkCreditCode, computeCreditCodeCheck, type CreditCode, type CreditCodeProblem } from './credit-code.ts';
export { maskCreditCode, maskIdNumber, maskName, maskPhone } from './mask.ts';
export { checkPhoneNumber, type PhoneNumber } from './phone-number.ts';
export { checkResidentIdNumber, computeResidentIdCheck, type ResidentId, type ResidentIdProblem } from './resident-id.ts';
export { reviewCase } from './review-case.ts';
export type * from './types.ts';
