import { describe, expect, it } from 'vitest';
import { checkPhoneNumber } from './phone-number.ts';

describe('checkPhoneNumber', () => {
  it('accepts mainland mobiles 13x-19x', () => {
    for (const n of ['13812345678', '15912345678', '19912345678']) {
      expect(checkPhoneNumber(n)).toEqual({ ok: true, value: { value: n, kind: 'mobile' } });
    }
  });

  it('drops spaces and a +86 / 86 country code from mobiles', () => {
    for (const n of ['138 1234 5678', '+8613812345678', '+86 138 1234 5678', '8613812345678', '+86-13812345678']) {
      expect(checkPhoneNumber(n)).toEqual({ ok: true, value: { value: '13812345678', kind: 'mobile' } });
    }
  });

  it('accepts landlines with a 3- or 4-digit area code, with or without a hyphen', () => {
    for (const n of ['0571-82888888', '057182888888', '010-12345678', '0571-8288888', '021 12345678']) {
      expect(checkPhoneNumber(n)).toMatchObject({ ok: true, value: { kind: 'landline' } });
    }
    expect(checkPhoneNumber(' 0571 - 82888888 ')).toEqual({ ok: true, value: { value: '0571-82888888', kind: 'landline' } });
  });

  it('refuses anything else as a format error', () => {
    for (const n of ['', '12812345678', '1381234567', '138123456789', '571-82888888', '0571-123456', '0571--82888888', '+8612812345678', '+86057182888888', '12345', '１３８１２３４５６７８']) {
      expect(checkPhoneNumber(n)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', details: { reason: 'format' } } });
    }
  });
});
