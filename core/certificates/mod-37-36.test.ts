import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMod3736Check } from './mod-37-36.ts';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const alnum = fc.constantFrom(...ALPHABET.split(''));

describe('computeMod3736Check', () => {
  it('gives M for the ISO/IEC 7064 worked example A12425GABC1234002', () => {
    expect(computeMod3736Check('A12425GABC1234002')).toBe('M');
  });

  it("gives '0' for the known-good identifier's four data segments", () => {
    expect(computeMod3736Check('11100000000013338W009' + '11330105002500287C' + '2025052201' + '002')).toBe('0');
  });

  it('refuses characters outside 0-9A-Z (dots and lowercase included)', () => {
    expect(() => computeMod3736Check('1.2')).toThrow(RangeError);
    expect(() => computeMod3736Check('abc')).toThrow(RangeError);
  });

  it('changes whenever any single character is substituted', () => {
    fc.assert(
      fc.property(fc.array(alnum, { minLength: 1, maxLength: 60 }), fc.nat(), alnum, (chars, at, replacement) => {
        const i = at % chars.length;
        fc.pre(chars[i] !== replacement);
        const changed = [...chars];
        changed[i] = replacement;
        expect(computeMod3736Check(changed.join(''))).not.toBe(computeMod3736Check(chars.join('')));
      }),
      { numRuns: 2000 },
    );
  });
});
