import { describe, expect, it } from 'vitest';
import { buildOrThrow, KNOWN_GOOD_IDENTIFIER, licenceInput, permitInput, signedOf } from './certificate-fixture.ts';
import { describeCertificateForSigning } from './canonical-text.ts';
import { formatCertificateIdentifier, parseCertificateIdentifier } from './identifier.ts';
import { cancelCertificate, expireIfDue, reissueCertificate, revokeCertificate } from './lifecycle.ts';
import type { CertificateStatusCode } from './types.ts';

const licence = signedOf(buildOrThrow(licenceInput)); // 长期
const permit = signedOf(buildOrThrow(permitInput)); // valid to 2030-05-21
const KNOWN_PARTS = { typeCode: '11100000000013338W009', issuerCode: '11330105002500287C', serial: '2025052201', version: 2 };
const ON = '2026-03-02';
const change = { on: ON, matterCode: '511A0001200002-330109000-000-11330109MB20201373-1-00', caseNumber: 'XS-260302-0004-7', changes: {} };

const STATUSES: CertificateStatusCode[] = ['01', '03', '04', '05', '07'];
const outcome = (result: { ok: boolean; value?: { certificate: { status: string } }; error?: { code: string } }): string =>
  result.ok ? result.value!.certificate.status : result.error!.code;

describe('the lifecycle matrix', () => {
  it('allows exactly revoke 01→03, cancel 01/03/05→04, reissue 01 (old →07); the rest conflict', () => {
    const table = STATUSES.map((status) => {
      const c = { ...licence, status };
      return [
        status,
        outcome(revokeCertificate(c, { on: ON, reason: '吊销决定书 萧市监罚〔2026〕1号' })),
        outcome(cancelCertificate(c, { on: ON, reason: '企业申请注销登记' })),
        ((r) => (r.ok ? r.value.previous.status : r.error.code))(reissueCertificate(c, change)),
      ];
    });
    const C = 'CERTIFICATE_STATUS_CONFLICT';
    expect(table).toEqual([
      ['01', '03', '04', '07'],
      ['03', C, '04', C],
      ['04', C, C, C],
      ['05', C, '04', C],
      ['07', C, C, C],
    ]);
  });

  it('judges on the status as of the event day: a 01 certificate past its last day counts as expired', () => {
    const late = '2030-05-22';
    expect(revokeCertificate(permit, { on: late, reason: 'x' })).toEqual({
      ok: false,
      error: { code: 'CERTIFICATE_STATUS_CONFLICT', details: { status: '05', action: 'revoke' } },
    });
    expect(reissueCertificate(permit, { ...change, on: late })).toMatchObject({ ok: false, error: { details: { status: '05' } } });
    expect(cancelCertificate(permit, { on: late, reason: '有效期届满未延续' })).toMatchObject({ ok: true, value: { event: { from: '01', to: '04' } } });
    expect(revokeCertificate(permit, { on: '2030-05-21', reason: 'x' })).toMatchObject({ ok: true });
  });

  it('records one event with the stored status as from, and leaves the signed text alone', () => {
    const revoked = revokeCertificate(licence, { on: ON, reason: '吊销' });
    expect(revoked).toEqual({
      ok: true,
      value: {
        certificate: { ...licence, status: '03' },
        event: { type: 'revoked', identifier: KNOWN_GOOD_IDENTIFIER, on: ON, from: '01', to: '03', reason: '吊销' },
      },
    });
    if (revoked.ok) expect(describeCertificateForSigning(revoked.value.certificate)).toBe(describeCertificateForSigning(licence));
    const cancelled = cancelCertificate({ ...licence, status: '03' }, { on: ON, reason: '吊销后注销' });
    expect(cancelled).toMatchObject({ ok: true, value: { event: { type: 'cancelled', from: '03', to: '04' } } });
  });

  it('refuses a bad day, a day before issue, and an empty reason', () => {
    expect(revokeCertificate(licence, { on: '2026-02-30', reason: 'x' })).toMatchObject({ ok: false, error: { details: { field: 'on', reason: 'date' } } });
    expect(cancelCertificate(licence, { on: '2025-05-21', reason: 'x' })).toMatchObject({ ok: false, error: { details: { reason: 'before-issue' } } });
    expect(revokeCertificate(licence, { on: ON, reason: ' ' })).toMatchObject({ ok: false, error: { details: { field: 'reason' } } });
  });
});

describe('reissueCertificate', () => {
  it('issues version + 1 with the same serial and a fresh check character, and withdraws the old one', () => {
    const renamed = reissueCertificate(licence, { ...change, changes: { holderName: '杭州萧山新名餐饮有限公司' }, reason: '名称变更' });
    expect(renamed.ok).toBe(true);
    if (!renamed.ok) return;
    const { certificate, previous, event } = renamed.value;
    const parts = parseCertificateIdentifier(certificate.identifier);
    expect(parts).toEqual({ ok: true, value: { typeCode: '11100000000013338W009', issuerCode: '11330105002500287C', serial: '2025052201', version: 3 } });
    expect(certificate).toMatchObject({ version: 3, status: '01', issuedOn: ON, holderName: '杭州萧山新名餐饮有限公司', caseNumber: change.caseNumber, matterCode: change.matterCode, validFrom: '2025-05-22', validTo: null });
    expect(certificate).not.toHaveProperty('signature');
    expect(certificate).not.toHaveProperty('replacedBy');
    expect(previous).toEqual({ ...licence, status: '07', replacedBy: certificate.identifier });
    expect(event).toEqual({ type: 'reissued', identifier: KNOWN_GOOD_IDENTIFIER, on: ON, from: '01', to: '07', replacedBy: certificate.identifier, reason: '名称变更' });
  });

  it('replaces fields whole and may change the validity', () => {
    const r = reissueCertificate(permit, { ...change, changes: { fields: { category: '公共场所从业人员' }, validTo: null, number: 'XS2026-0001' } });
    expect(r).toMatchObject({ ok: true, value: { certificate: { fields: { category: '公共场所从业人员' }, validTo: null, number: 'XS2026-0001', holderCode: permit.holderCode } } });
  });

  it('refuses bad changes and an exhausted version', () => {
    const refused = (d: typeof change & { changes: object }) => {
      const r = reissueCertificate(licence, d as never);
      return r.ok ? 'ok' : r.error.details;
    };
    expect(refused({ ...change, changes: { validTo: '2025-01-01' } })).toEqual({ field: 'changes.validTo', reason: 'before-valid-from' });
    expect(refused({ ...change, changes: { holderName: '' } })).toMatchObject({ field: 'changes.holderName' });
    expect(refused({ ...change, changes: { fields: [1] } })).toMatchObject({ field: 'changes.fields' });
    expect(refused({ ...change, changes: { fields: null } })).toMatchObject({ field: 'changes.fields' });
    expect(refused({ ...change, caseNumber: '' })).toMatchObject({ field: 'caseNumber' });
    const v999 = { ...licence, version: 999, identifier: formatCertificateIdentifier({ ...KNOWN_PARTS, version: 999 }) };
    expect(reissueCertificate(v999, change)).toMatchObject({ ok: false, error: { details: { reason: 'version-exhausted' } } });
  });
});

describe('expireIfDue', () => {
  it('expires a 01 certificate the day after its last valid day, and not before', () => {
    expect(expireIfDue(permit, '2030-05-21')).toEqual({ ok: true, value: { certificate: permit, event: null } });
    expect(expireIfDue(permit, '2030-05-22')).toEqual({
      ok: true,
      value: { certificate: { ...permit, status: '05' }, event: { type: 'expired', identifier: permit.identifier, on: '2030-05-22', from: '01', to: '05' } },
    });
  });

  it('never expires a 长期 certificate, nor one that is no longer 01', () => {
    expect(expireIfDue(licence, '2999-12-31')).toMatchObject({ ok: true, value: { event: null } });
    for (const status of ['03', '04', '05', '07'] as const) {
      expect(expireIfDue({ ...permit, status }, '2031-01-01')).toMatchObject({ ok: true, value: { event: null, certificate: { status } } });
    }
  });

  it('refuses a today that is not a date', () => {
    expect(expireIfDue(permit, '2030-5-22')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
