/**
 * Masking for public case tracking (办件公示) and logs: enough left to recognise one's own case, not enough to
 * identify a person. Each function accepts anything (a mistyped value must be masked too) and never throws.
 */
import { checkCreditCode } from './credit-code.ts';
import { checkPhoneNumber } from './phone-number.ts';

const stars = (n: number): string => '*'.repeat(Math.max(0, n));

/** Name separators kept so the masked name keeps its shape: spaces, 间隔号 (少数民族/外文姓名), hyphens, dots. */
const SEPARATORS = new Set([' ', '·', '•', '・', '-', '.']);

/**
 * Keeps the first character (the surname for Chinese names, the first letter for Latin ones) and one `*` per
 * other character: `张三丰` → `张**`, `张三` → `张*`, `John Smith` → `J*** *****`. A one-character name is
 * masked whole, since its first character is all of it.
 */
export const maskName = (name: string): string => {
  // Array.from splits by code point: names may use CJK Extension B characters (surrogate pairs).
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return stars(chars.length);
  let out = chars[0]!;
  for (let i = 1; i < chars.length; i++) out += SEPARATORS.has(chars[i]!) ? chars[i]! : '*';
  return out;
};

/** Keeps the first `head` and last `tail` characters when the text is long enough to hide something; else all `*`. */
const maskMiddle = (text: string, head: number, tail: number, minLength: number): string =>
  text.length >= minLength ? text.slice(0, head) + stars(text.length - head - tail) + text.slice(-tail) : stars(text.length);

/**
 * Resident ID: keeps the area code (first 6) and the last 4, hiding the birth date:
 * `11010519491231002X` → `110105********002X`. Anything shorter than an old 15-digit number is masked whole.
 */
export const maskIdNumber = (idNumber: string): string => maskMiddle(idNumber.trim().toUpperCase(), 6, 4, 15);

/** Landline area codes: 010 and 02X are three digits, every other one four (GB/T 2260 telephone plan). */
const areaCodeLength = (digits: string): number => (digits.startsWith('010') || digits.startsWith('02') ? 3 : 4);

/**
 * Mobile: `13812345678` → `138****5678` (a +86 prefix is dropped first). Landline: keeps the area code and the
 * last 4: `0571-82888888` → `0571-****8888`. Not a phone number: all but the last 4 hidden (all when short).
 */
export const maskPhone = (phone: string): string => {
  const checked = checkPhoneNumber(phone);
  if (!checked.ok) return maskMiddle(phone.trim(), 0, 4, 8);
  const { value, kind } = checked.value;
  if (kind === 'mobile') return maskMiddle(value, 3, 4, 11);
  const dash = value.indexOf('-');
  const area = dash >= 0 ? dash + 1 : areaCodeLength(value);
  return maskMiddle(value, area, 4, 0);
};

/**
 * Credit codes of organisations (individual businesses included) are public: printed on the business licence
 * and published in 国家企业信用信息公示系统. A valid code is returned readable (normalised); anything else may
 * be a personal ID typed into the wrong field, so it is masked like one.
 */
export const maskCreditCode = (creditCode: string): string => {
  const checked = checkCreditCode(creditCode);
  return checked.ok ? checked.value.value : maskIdNumber(creditCode);
};
