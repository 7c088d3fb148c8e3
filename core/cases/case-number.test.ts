import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeDammDigit,
  formatCaseNumber,
  formatQueryCode,
  isQueryCode,
  parseCaseNumber,
  QUERY_CODE_DRAW_LIMIT,
} from './case-number.ts';
import type { CaseNumberParts } from './types.ts';

const parts = fc.record({
  hallCode: fc.stringMatching(/^[A-Z]{2,4}$/),
  date: fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  sequence: fc.oneof(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 999_999_999 })),
});

const digitPartOf = (text: string): string => text.replace(/^[A-Z]+/, '').replace(/-/g, '');

/** Rebuilds a case number text from its hall code and a (possibly altered) digit string, hyphens as formatted. */
const withDigits = (hallCode: string, digits: string): string =>
  `${hallCode}-${digits.slice(0, 6)}-${digits.slice(6, -1)}-${digits.slice(-1)}`;

describe('Damm check digit', () => {
  it('matches the published example (572 → 4)', () => {
    expect(computeDammDigit('572')).toBe(4);
    expect(computeDammDigit('5724')).toBe(0);
  });

  // Exhaustive over the table, so it holds for numbers of any length: a changed digit gives a different
  // interim (rows are permutations), a different interim stays different (columns are permutations), and a
  // swapped pair gives a different interim (weak total anti-symmetry). Every interim 0-9 is reached by one digit.
  it('detects every single-digit error and adjacent transposition, from every interim state', () => {
    const prefixes = ['', ...'0123456789'];
    expect(new Set(prefixes.slice(1).map(computeDammDigit)).size).toBe(10);
    for (const p of prefixes) {
      for (const x of '0123456789') {
        for (const y of '0123456789') {
          if (x === y) continue;
          expect(computeDammDigit(p + x)).not.toBe(computeDammDigit(p + y));
          expect(computeDammDigit(p + x + y)).not.toBe(computeDammDigit(p + y + x));
        }
      }
    }
    for (const d of '0123456789') {
      const interims = prefixes.slice(1).map((p) => computeDammDigit(p + d));
      expect(new Set(interims).size).toBe(10);
    }
  });
});

describe('formatCaseNumber', () => {
  it('writes hall code, yymmdd, a sequence padded to 4 digits and the check digit', () => {
    const text = formatCaseNumber({ hallCode: 'XS', date: '2026-11-28', sequence: 42 });
    expect(text).toMatch(/^XS-261128-0042-\d$/);
    expect(computeDammDigit(digitPartOf(text))).toBe(0);
  });

  it('uses more digits past 9999', () => {
    expect(formatCaseNumber({ hallCode: 'XS', date: '2026-11-28', sequence: 12345 })).toMatch(/^XS-261128-12345-\d$/);
  });

  it('refuses parts it cannot write (a caller bug)', () => {
    expect(() => formatCaseNumber({ hallCode: 'xs', date: '2026-11-28', sequence: 1 })).toThrow(RangeError);
    expect(() => formatCaseNumber({ hallCode: 'XS', date: '1999-12-31', sequence: 1 })).toThrow(RangeError);
    expect(() => formatCaseNumber({ hallCode: 'XS', date: '2026-02-30', sequence: 1 })).toThrow(RangeError);
    expect(() => formatCaseNumber({ hallCode: 'XS', date: '2026-11-28', sequence: 0 })).toThrow(RangeError);
    expect(() => formatCaseNumber({ hallCode: 'XS', date: '2026-11-28', sequence: 1.5 })).toThrow(RangeError);
  });
});

describe('parseCaseNumber', () => {
  it('round-trips every case number', () => {
    fc.assert(
      fc.property(parts, (p: CaseNumberParts) => {
        expect(parseCaseNumber(formatCaseNumber(p))).toEqual({ ok: true, value: p });
      }),
    );
  });

  it('reads what a person types: blanks, lowercase, no or extra separators, full-width characters', () => {
    const text = formatCaseNumber({ hallCode: 'XS', date: '2026-11-28', sequence: 42 });
    const expected = { ok: true, value: { hallCode: 'XS', date: '2026-11-28', sequence: 42 } };
    const check = text.slice(-1);
    for (const typed of [
      `  ${text}\n`,
      text.toLowerCase(),
      text.replace(/-/g, ''),
      text.replace(/-/g, ' '),
      `xs 2611 28 0042 ${check}`,
      `XS—261128—0042—${check}`,
      `ＸＳ－２６１１２８－００４２－${String.fromCharCode(0xff10 + Number(check))}`,
    ]) {
      expect(parseCaseNumber(typed), typed).toEqual(expected);
    }
  });

  it('rejects every single-digit change of the digit part with the check digit', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const text = formatCaseNumber(p);
        const digits = digitPartOf(text);
        for (let i = 0; i < digits.length; i++) {
          for (let d = 0; d <= 9; d++) {
            if (String(d) === digits[i]) continue;
            const altered = digits.slice(0, i) + d + digits.slice(i + 1);
            const result = parseCaseNumber(withDigits(p.hallCode, altered));
            expect(result.ok, altered).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('rejects every adjacent transposition of the digit part, check digit included', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const digits = digitPartOf(formatCaseNumber(p));
        for (let i = 0; i + 1 < digits.length; i++) {
          if (digits[i] === digits[i + 1]) continue;
          const swapped = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
          expect(parseCaseNumber(withDigits(p.hallCode, swapped)).ok, swapped).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('says a typo is a check-digit failure, even where it also spoils the date', () => {
    const text = formatCaseNumber({ hallCode: 'XS', date: '2026-11-28', sequence: 42 });
    const typo = text.replace('261128', '261328');
    expect(parseCaseNumber(typo)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'caseNumber', reason: 'check-digit' } },
    });
  });

  it('rejects malformed text, impossible dates, sequence 0 and a second spelling of a sequence', () => {
    const reasonOf = (text: string) => {
      const r = parseCaseNumber(text);
      return r.ok ? 'ok' : r.error.details?.reason;
    };
    const withCheck = (hall: string, digits: string) => `${hall}${digits}${computeDammDigit(digits)}`;
    expect(reasonOf('')).toBe('format');
    expect(reasonOf('X-261128-0042-7')).toBe('format');
    expect(reasonOf('XS-261128-042-7')).toBe('format');
    expect(reasonOf('XS-26112A-0042-7')).toBe('format');
    expect(reasonOf('XSABC-261128-0042-7')).toBe('format');
    expect(reasonOf('XS-2611280042')).toBe('format');
    expect(reasonOf(withCheck('XS', '2602300042'))).toBe('date');
    expect(reasonOf(withCheck('XS', '2611280000'))).toBe('sequence');
    expect(reasonOf(withCheck('XS', '26112800042'))).toBe('format');
    expect(reasonOf(withCheck('XS', '26112812345'))).toBe('ok');
    expect(reasonOf('XS'.padEnd(100, '1'))).toBe('format');
  });
});

describe('query codes', () => {
  it('are six digits, leading zeros kept', () => {
    expect(formatQueryCode(0)).toBe('000000');
    expect(formatQueryCode(42)).toBe('000042');
    expect(formatQueryCode(1_000_000 + 123_456)).toBe('123456');
    expect(formatQueryCode(0xffff_ffff)).toBe('967295');
  });

  it('map each code from exactly 4294 draws below the draw limit', () => {
    expect(QUERY_CODE_DRAW_LIMIT % 1_000_000).toBe(0);
    expect(QUERY_CODE_DRAW_LIMIT / 1_000_000).toBe(Math.floor(2 ** 32 / 1_000_000));
    // Draws r and r + k·10^6 give the same code: below the limit each code has 4294 such draws.
    expect(formatQueryCode(QUERY_CODE_DRAW_LIMIT - 1)).toBe('999999');
    expect(formatQueryCode(QUERY_CODE_DRAW_LIMIT)).toBe('000000');
  });

  it('are always recognised by isQueryCode', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffff_ffff }), (r) => isQueryCode(formatQueryCode(r))));
  });

  it('refuse a draw that is not a uint32', () => {
    for (const bad of [-1, 2 ** 32, 1.5, Number.NaN]) expect(() => formatQueryCode(bad)).toThrow(RangeError);
  });

  it('isQueryCode accepts exactly six ASCII digits', () => {
    expect(isQueryCode('012345')).toBe(true);
    for (const bad of ['12345', '1234567', ' 123456', '12345a', '１２３４５６', '']) expect(isQueryCode(bad)).toBe(false);
  });
});
