import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCreditCodeCheck } from '../review/credit-code.ts';
import { KNOWN_GOOD_IDENTIFIER } from './certificate-fixture.ts';
import { formatCertificateIdentifier, formatCertificateSerial, parseCertificateIdentifier } from './identifier.ts';
import { computeMod3736Check } from './mod-37-36.ts';

const KNOWN_PARTS = { typeCode: '11100000000013338W009', issuerCode: '11330105002500287C', serial: '2025052201', version: 2 };
const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.';

const reasonOf = (text: string): unknown => {
  const parsed = parseCertificateIdentifier(text);
  return parsed.ok ? 'ok' : parsed.error.details?.['reason'];
};

describe('the check character coverage', () => {
  it('is type + issuer + serial + version without dots: the only candidate that gives the printed 0', () => {
    const [, , , , , type, issuer, serial, version] = KNOWN_GOOD_IDENTIFIER.split('.') as string[];
    const prefix = '1215630052';
    const candidates: Record<string, string> = {
      'type+issuer+serial+version': `${type}${issuer}${serial}${version}`,
      'prefix+type+issuer+serial+version': `${prefix}${type}${issuer}${serial}${version}`,
      'prefix+type+issuer+serial': `${prefix}${type}${issuer}${serial}`,
      'type+issuer+serial': `${type}${issuer}${serial}`,
      'prefix+type+issuer': `${prefix}${type}${issuer}`,
      'issuer+serial+version': `${issuer}${serial}${version}`,
      prefix,
      '1 2 156 3005': '121563005',
    };
    const matching = Object.entries(candidates).filter(([, text]) => computeMod3736Check(text) === '0').map(([name]) => name);
    expect(matching).toEqual(['type+issuer+serial+version']);
  });
});

describe('parseCertificateIdentifier', () => {
  it('accepts the known-good identifier and reads its parts', () => {
    expect(parseCertificateIdentifier(KNOWN_GOOD_IDENTIFIER)).toEqual({ ok: true, value: KNOWN_PARTS });
  });

  it('refuses every single-character substitution of the known-good identifier', () => {
    let tried = 0;
    for (let i = 0; i < KNOWN_GOOD_IDENTIFIER.length; i++) {
      for (const c of ID_ALPHABET) {
        if (c === KNOWN_GOOD_IDENTIFIER[i]) continue;
        const changed = KNOWN_GOOD_IDENTIFIER.slice(0, i) + c + KNOWN_GOOD_IDENTIFIER.slice(i + 1);
        expect(parseCertificateIdentifier(changed).ok, changed).toBe(false);
        tried++;
      }
    }
    expect(tried).toBe(KNOWN_GOOD_IDENTIFIER.length * (ID_ALPHABET.length - 1));
  });

  it('reads a substitution inside a code or the serial as a check failure, not a format one', () => {
    expect(reasonOf(KNOWN_GOOD_IDENTIFIER.replace('287C', '288C'))).toBe('check');
    expect(reasonOf(KNOWN_GOOD_IDENTIFIER.replace('2025052201', '2025052202'))).toBe('check');
    expect(reasonOf(KNOWN_GOOD_IDENTIFIER.replace(/\.0$/, '.1'))).toBe('check');
    expect(reasonOf(KNOWN_GOOD_IDENTIFIER.replace('1.2.156.3005.2', '1.2.156.3005.3'))).toBe('format');
  });

  it('refuses every adjacent transposition of the known-good identifier (MOD 37,36 misses a few elsewhere)', () => {
    for (let i = 0; i + 1 < KNOWN_GOOD_IDENTIFIER.length; i++) {
      const a = KNOWN_GOOD_IDENTIFIER[i]!;
      const b = KNOWN_GOOD_IDENTIFIER[i + 1]!;
      if (a === b) continue;
      const swapped = KNOWN_GOOD_IDENTIFIER.slice(0, i) + b + a + KNOWN_GOOD_IDENTIFIER.slice(i + 2);
      expect(parseCertificateIdentifier(swapped).ok, swapped).toBe(false);
    }
  });

  it('tolerates blanks, lowercase and full-width characters as pasted or typed', () => {
    const fullWidth = KNOWN_GOOD_IDENTIFIER.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    for (const typed of [` ${KNOWN_GOOD_IDENTIFIER}\n`, KNOWN_GOOD_IDENTIFIER.toLowerCase(), fullWidth]) {
      expect(parseCertificateIdentifier(typed)).toEqual({ ok: true, value: KNOWN_PARTS });
    }
  });

  it('refuses version 000 and codes that are not credit codes, even with a matching check character', () => {
    const withCheck = (body: string) => `${body}.${computeMod3736Check(body.slice(15).replaceAll('.', ''))}`;
    const v0 = withCheck('1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.000');
    expect(parseCertificateIdentifier(v0)).toEqual({ ok: false, error: { code: 'CERTIFICATE_IDENTIFIER_INVALID', details: { reason: 'format', segment: 'version' } } });
    const badIssuer = withCheck('1.2.156.3005.2.11100000000013338W009.11330105002500287D.2025052201.002');
    expect(parseCertificateIdentifier(badIssuer)).toMatchObject({ ok: false, error: { details: { reason: 'format', segment: 'issuerCode' } } });
    const badType = withCheck('1.2.156.3005.2.11100000000013338WA09.11330105002500287C.2025052201.002');
    expect(parseCertificateIdentifier(badType)).toMatchObject({ ok: false, error: { details: { reason: 'format', segment: 'typeCode' } } });
  });

  it('refuses text of the wrong shape', () => {
    for (const text of ['', '1.2.156.3005.2', KNOWN_GOOD_IDENTIFIER + '.0', KNOWN_GOOD_IDENTIFIER.replaceAll('.', ''), 'x'.repeat(200)]) {
      expect(reasonOf(text)).toBe('format');
    }
  });
});

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditCode = fc
  .array(fc.constantFrom(...CREDIT_ALPHABET.split('')), { minLength: 17, maxLength: 17 })
  .map((chars) => chars.join('') + computeCreditCodeCheck(chars.join('')));
const parts = fc.record({
  typeCode: fc.tuple(creditCode, fc.integer({ min: 0, max: 999 })).map(([c, n]) => c + String(n).padStart(3, '0')),
  issuerCode: creditCode,
  serial: fc.stringMatching(/^[0-9A-Z]{1,32}$/),
  version: fc.integer({ min: 1, max: 999 }),
});

describe('formatCertificateIdentifier', () => {
  it('writes the known-good identifier from its parts', () => {
    expect(formatCertificateIdentifier(KNOWN_PARTS)).toBe(KNOWN_GOOD_IDENTIFIER);
  });

  it('round-trips through parseCertificateIdentifier', () => {
    fc.assert(
      fc.property(parts, (p) => {
        expect(parseCertificateIdentifier(formatCertificateIdentifier(p))).toEqual({ ok: true, value: p });
      }),
      { numRuns: 500 },
    );
  });

  it('throws RangeError on parts only a bug produces', () => {
    expect(() => formatCertificateIdentifier({ ...KNOWN_PARTS, version: 0 })).toThrow(RangeError);
    expect(() => formatCertificateIdentifier({ ...KNOWN_PARTS, version: 1000 })).toThrow(RangeError);
    expect(() => formatCertificateIdentifier({ ...KNOWN_PARTS, issuerCode: '11330105002500287D' })).toThrow(RangeError);
    expect(() => formatCertificateIdentifier({ ...KNOWN_PARTS, typeCode: '11100000000013338W00' })).toThrow(RangeError);
    expect(() => formatCertificateIdentifier({ ...KNOWN_PARTS, serial: '2025-05' })).toThrow(RangeError);
  });
});

describe('formatCertificateSerial', () => {
  it('writes yyyymmdd and the day sequence, padded to two digits and no further', () => {
    expect(formatCertificateSerial('2025-05-22', 1)).toBe('2025052201');
    expect(formatCertificateSerial('2025-05-22', 99)).toBe('2025052299');
    expect(formatCertificateSerial('2025-05-22', 100)).toBe('20250522100');
  });

  it('never gives two (date, sequence) pairs the same serial', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 1, max: 999_999 }), (a, b) => {
        fc.pre(a !== b);
        expect(formatCertificateSerial('2025-05-22', a)).not.toBe(formatCertificateSerial('2025-05-22', b));
      }),
    );
  });

  it('throws RangeError on a bad date or sequence', () => {
    expect(() => formatCertificateSerial('2025-02-29', 1)).toThrow(RangeError);
    expect(() => formatCertificateSerial('2025-05-22', 0)).toThrow(RangeError);
    expect(() => formatCertificateSerial('2025-05-22', 1.5)).toThrow(RangeError);
  });
});
