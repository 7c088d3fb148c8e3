/** 统一社会信用代码 (GB 32100-2015): the check character over the first 17 characters. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export const computeCreditCheckChar = (first17: string): string => {
  if (first17.length !== 17) throw new Error(`credit code body must be 17 chars: ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]!);
    if (value < 0) throw new Error(`character not allowed in a credit code: ${first17[i]}`);
    sum += value * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
};

/** A demo code for a government body (1 机构编制, 1 机关) in Xiaoshan (330109); the serial is made up. */
export const makeDemoCreditCode = (serial: number): string => {
  const body = `11330109MB${String(2_020_000 + serial * 137).padStart(7, '0')}`;
  return body + computeCreditCheckChar(body);
};
