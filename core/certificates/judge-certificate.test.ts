import { describe, expect, it } from 'vitest';
import { buildOrThrow, licenceInput, permitInput } from './certificate-fixture.ts';
import { judgeCertificate } from './judge-certificate.ts';

const permit = buildOrThrow(permitInput); // 2025-05-22 … 2030-05-21
const licence = buildOrThrow(licenceInput); // 长期
const codes = (v: ReturnType<typeof judgeCertificate>) => v.reasons.map((r) => r.code);

describe('judgeCertificate', () => {
  it('calls a signed, 01 certificate inside its validity valid', () => {
    expect(judgeCertificate({ certificate: permit, signatureValid: true, today: '2025-05-22' })).toEqual({
      valid: true,
      status: { code: '01', label: '有效', labelEn: 'valid' },
      reasons: [],
    });
    expect(judgeCertificate({ certificate: licence, signatureValid: true, today: '2999-01-01' }).valid).toBe(true);
  });

  it('names each status that ends validity, in Chinese and English', () => {
    const verdict = (status: '03' | '04' | '05' | '07') => judgeCertificate({ certificate: { ...permit, status }, signatureValid: true, today: '2026-01-01' });
    expect(verdict('03')).toMatchObject({ valid: false, status: { code: '03', label: '已吊销', labelEn: 'revoked' }, reasons: [{ code: 'revoked', message: '该证照已被吊销' }] });
    expect(codes(verdict('04'))).toEqual(['cancelled']);
    expect(codes(verdict('05'))).toEqual(['expired']);
    expect(verdict('07').reasons).toEqual([{ code: 'withdrawn', message: '该证照已撤回', messageEn: 'The certificate has been withdrawn' }]);
  });

  it('points a replaced version to its successor', () => {
    const replaced = { ...permit, status: '07' as const, replacedBy: 'NEXT-ID' };
    expect(judgeCertificate({ certificate: replaced, signatureValid: true, today: '2026-01-01' }).reasons[0]?.message).toContain('NEXT-ID');
  });

  it('reads a 01 certificate past its last day as expired before the sweep marks it', () => {
    const v = judgeCertificate({ certificate: permit, signatureValid: true, today: '2030-05-22' });
    expect(v).toMatchObject({ valid: false, status: { code: '05' }, reasons: [{ code: 'expired' }] });
  });

  it('reads a certificate before its first day as not yet valid', () => {
    const later = { ...permit, validFrom: '2025-06-01' };
    expect(codes(judgeCertificate({ certificate: later, signatureValid: true, today: '2025-05-31' }))).toEqual(['not-yet-valid']);
  });

  it('lists every reason, signature first: a tampered revoked certificate says both', () => {
    const v = judgeCertificate({ certificate: { ...permit, status: '03' }, signatureValid: false, today: '2026-01-01' });
    expect(codes(v)).toEqual(['signature-invalid', 'revoked']);
    expect(v.reasons[0]).toMatchObject({ message: expect.stringContaining('篡改'), messageEn: expect.stringContaining('signature') });
  });

  it('throws RangeError on a today that is not a date (a caller bug)', () => {
    expect(() => judgeCertificate({ certificate: permit, signatureValid: true, today: '20260101' })).toThrow(RangeError);
  });
});
