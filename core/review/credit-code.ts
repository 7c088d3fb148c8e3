/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I O S V Z): registering
 * authority, organisation type, 6-digit area code, 9-character organisation code, and a MOD 31 check character.
 */
import { err, ok, type Result } from '../result.ts';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const BODY = /^[0-9A-HJ-NPQRTUWXY]{17}$/;

/** Why a credit code was refused (stable: callers branch on it). */
export type CreditCodeProblem = 'format' | 'checksum';

export interface CreditCode {
  /** The normalised code (trimmed, upper-cased). */
  readonly value: string;
  /** 登记管理部门码, char 1: 1 机构编制, 5 民政, 9 市场监管 (工商), … */
  readonly authority: string;
  /** 机构类别码, char 2, read under the authority (9-1 企业, 9-2 个体工商户, …). */
  readonly orgType: string;
  /** 登记管理机关行政区划码, chars 3-8. */
  readonly areaCode: string;
}

/** `body` must already be 17 alphabet characters. */
const checkCharOf = (body: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(body[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
};

/**
 * The check character for the first 17 characters (test fixtures, demo data). Throws RangeError on a body that
 * is not 17 alphabet characters: callers pass constants, so that is a programming error, not a domain failure.
 */
export const computeCreditCodeCheck = (first17: string): string => {
  if (!BODY.test(first17)) throw new RangeError(`a credit code body is 17 characters of ${ALPHABET}: ${first17}`);
  return checkCharOf(first17);
};

/** The parsed code, or why it is refused: a plain union, so callers read the reason without casts. */
export const readCreditCode = (text: string): CreditCode | CreditCodeProblem => {
  const value = text.trim().toUpperCase();
  if (!SHAPE.test(value)) return 'format';
  if (checkCharOf(value) !== value[17]) return 'checksum';
  return { value, authority: value[0]!, orgType: value[1]!, areaCode: value.slice(2, 8) };
};

/** Checks a credit code as typed: surrounding spaces dropped, lowercase accepted and upper-cased. */
export const checkCreditCode = (text: string): Result<CreditCode> => {
  const read = readCreditCode(text);
  return typeof read === 'string' ? err('INVALID_INPUT', { reason: read }) : ok(read);
};
