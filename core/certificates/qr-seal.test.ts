import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOrThrow, KNOWN_GOOD_IDENTIFIER, licenceInput, permitInput, signedOf } from './certificate-fixture.ts';
import { decodeCertificateQr, describeCertificateSeal, encodeCertificateQr } from './qr-seal.ts';
import type { Certificate } from './types.ts';

const SIG = `${'Ab-_'.repeat(21)}Qw`;
const licence: Certificate = { ...signedOf(buildOrThrow(licenceInput)), sealSignature: SIG };
const permit: Certificate = { ...signedOf(buildOrThrow(permitInput)), sealSignature: SIG };
const utf8Length = (text: string): number => Buffer.byteLength(text, 'utf8');

describe('the QR payload', () => {
  it('is the seal, a bar, and the seal signature', () => {
    expect(encodeCertificateQr(licence)).toBe(
      `OWC1|${KNOWN_GOOD_IDENTIFIER}|营业执照|${licence.number}|杭州萧山示例餐饮有限公司|001|${licence.holderCode}|杭州市萧山区市场监督管理局|20250522|20250522|-|${SIG}`,
    );
    expect(encodeCertificateQr(licence)).toBe(`${describeCertificateSeal(licence)}|${SIG}`);
  });

  it('masks a resident ID and keeps a credit code whole', () => {
    expect(describeCertificateSeal(permit)).toContain('|111|110105********002X|');
    expect(describeCertificateSeal(permit)).not.toContain(permit.holderCode);
    expect(describeCertificateSeal(licence)).toContain(`|001|${licence.holderCode}|`);
  });

  it('fits a QR code of version 16 at error correction M (450 bytes) for a realistic licence', () => {
    expect(utf8Length(encodeCertificateQr(licence))).toBeLessThanOrEqual(450);
  });

  it('decodes back to the seal fields, the signature and the exact signed text', () => {
    const qr = encodeCertificateQr(licence);
    expect(decodeCertificateQr(`${qr}\r\n`)).toEqual({
      ok: true,
      value: {
        identifier: KNOWN_GOOD_IDENTIFIER,
        signature: SIG,
        signedText: describeCertificateSeal(licence),
        name: '营业执照',
        number: licence.number,
        holderName: licence.holderName,
        holderCodeType: '001',
        holderCode: licence.holderCode,
        issuerName: licence.issuerName,
        issuedOn: '2025-05-22',
        validFrom: '2025-05-22',
        validTo: null,
      },
    });
    expect(decodeCertificateQr(encodeCertificateQr(permit))).toMatchObject({ ok: true, value: { validTo: '2030-05-21', holderCode: '110105********002X' } });
  });

  it('round-trips any holder name, bars and percent signs included', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }), (name) => {
        const qr = encodeCertificateQr({ ...licence, holderName: name });
        expect(qr.split('|')).toHaveLength(12);
        const decoded = decodeCertificateQr(qr);
        expect(decoded).toMatchObject({ ok: true, value: { holderName: name } });
      }),
    );
    expect(describeCertificateSeal({ ...licence, holderName: 'A|B%C' })).toContain('|A%7CB%25C|');
  });

  it('refuses what is not one of its payloads', () => {
    const qr = encodeCertificateQr(licence);
    const reason = (text: string) => {
      const d = decodeCertificateQr(text);
      return d.ok ? 'ok' : [d.error.code, d.error.details?.['reason']];
    };
    expect(reason(qr.replace('OWC1', 'OWC2'))).toEqual(['INVALID_INPUT', 'prefix']);
    expect(reason(`${qr}|x`)).toEqual(['INVALID_INPUT', 'format']);
    expect(reason(qr.replace('营业执照', '营业%执照'))).toEqual(['INVALID_INPUT', 'format']);
    expect(reason(qr.replace(SIG, SIG.slice(1)))).toEqual(['INVALID_INPUT', 'signature']);
    expect(reason(qr.replace('|20250522|-|', '|20250522|20250230|'))).toEqual(['INVALID_INPUT', 'date']);
    expect(reason(qr.replace('|001|', '|002|'))).toEqual(['INVALID_INPUT', 'holder-code-type']);
    expect(reason(qr.replace('287C.2025052201', '287C.2025052202'))).toEqual(['CERTIFICATE_IDENTIFIER_INVALID', 'check']);
    expect(reason(qr.replace(KNOWN_GOOD_IDENTIFIER, KNOWN_GOOD_IDENTIFIER.toLowerCase()))).toEqual(['CERTIFICATE_IDENTIFIER_INVALID', 'format']);
  });

  it('refuses to encode a seal signature of the wrong shape', () => {
    expect(() => encodeCertificateQr({ ...licence, sealSignature: 'short' })).toThrow(RangeError);
  });
});
