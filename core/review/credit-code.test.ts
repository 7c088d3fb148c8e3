import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadXiaoshanCatalog } from '../catalog/xiaoshan-catalog.ts';
import { checkCreditCode, computeCreditCodeCheck } from './credit-code.ts';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const validCodes = fc
  .array(fc.constantFrom(...ALPHABET), { minLength: 17, maxLength: 17 })
  .map((chars) => chars.join(''))
  .map((body) => body + computeCreditCodeCheck(body));

describe('checkCreditCode', () => {
  it('accepts the standard example and reads authority, organisation type and area', () => {
    expect(checkCreditCode('91370200264574251E')).toEqual({
      ok: true,
      value: { value: '91370200264574251E', authority: '9', orgType: '1', areaCode: '370200' },
    });
  });

  it('accepts lowercase and surrounding spaces, and normalises both', () => {
    const result = checkCreditCode(' 91370200264574251e\t');
    expect(result.ok && result.value.value).toBe('91370200264574251E');
  });

  it('accepts every department code of the Xiaoshan catalog', () => {
    for (const d of loadXiaoshanCatalog().departments) expect(checkCreditCode(d.creditCode).ok).toBe(true);
  });

  it('refuses wrong lengths and the letters I, O, S, V, Z as format errors', () => {
    for (const bad of ['', '91370200264574251', '91370200264574251E0', '91370200264574251I', '9137020026457425OE', 'S1370200264574251E', 'V1370200264574251E', 'Z1370200264574251E']) {
      expect(checkCreditCode(bad)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', details: { reason: 'format' } } });
    }
  });

  it('refuses a wrong check character as a checksum error', () => {
    expect(checkCreditCode('91370200264574251F')).toEqual({ ok: false, error: { code: 'INVALID_INPUT', details: { reason: 'checksum' } } });
  });

  it('accepts every code whose check character is computed', () => {
    fc.assert(fc.property(validCodes, (code) => checkCreditCode(code).ok));
  });

  it('refuses every single-character change of a valid code', () => {
    const changes = fc.tuple(validCodes, fc.nat(17), fc.constantFrom(...ALPHABET, ...'abcxyIOSVZ -'));
    fc.assert(
      fc.property(changes, ([code, at, char]) => {
        fc.pre(char.toUpperCase() !== code[at]);
        return !checkCreditCode(code.slice(0, at) + char + code.slice(at + 1)).ok;
      }),
    );
  });
});

describe('computeCreditCodeCheck', () => {
  it('gives E for the standard example', () => {
    expect(computeCreditCodeCheck('91370200264574251')).toBe('E');
  });

  it('throws on a body that is not 17 alphabet characters (a fixture bug, not a domain failure)', () => {
    expect(() => computeCreditCodeCheck('9137020026457425')).toThrow(RangeError);
    expect(() => computeCreditCodeCheck('9137020026457425I')).toThrow(RangeError);
  });
});
