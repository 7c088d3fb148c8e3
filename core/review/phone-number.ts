/** Contact numbers as the hall takes them: a mainland mobile or a landline with its area code. */
import { err, ok, type Result } from '../result.ts';

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;
/** Country code as people copy it from contact cards: `+86`, `86`, optionally followed by `-`. */
const COUNTRY_PREFIX = /^\+?86-?(?=1\d{10}$)/;
const SPACES = /\s+/g;

export interface PhoneNumber {
  /** Mobiles: the bare 11 digits. Landlines: as typed without spaces (`0571-82888888`). */
  readonly value: string;
  readonly kind: 'mobile' | 'landline';
}

/**
 * Checks a phone number: spaces anywhere are dropped (`138 1234 5678`); a mobile may carry the +86 / 86
 * country code, which is removed so SMS gateways and masking see one shape. Landlines keep their optional `-`.
 */
export const checkPhoneNumber = (text: string): Result<PhoneNumber> => {
  const compact = text.replace(SPACES, '');
  const mobile = compact.replace(COUNTRY_PREFIX, '');
  if (MOBILE.test(mobile)) return ok({ value: mobile, kind: 'mobile' });
  if (LANDLINE.test(compact)) return ok({ value: compact, kind: 'landline' });
  return err('INVALID_INPUT', { reason: 'format' });
};
