import { describe, expect, it } from 'vitest';
import { buildCertificate, issueCertificate } from './build-certificate.ts';
import { buildOrThrow, COMPANY_CODE, FAKE_SIGNATURE, KNOWN_GOOD_IDENTIFIER, licenceInput, permitInput, RESIDENT_ID } from './certificate-fixture.ts';
import type { CertificateIssueInput } from './types.ts';

const refusal = (input: CertificateIssueInput): unknown => {
  const built = buildCertificate(input);
  return built.ok ? 'built' : built.error.details;
};

describe('buildCertificate', () => {
  it('builds the licence that carries the known-good identifier, status 01, unsigned', () => {
    expect(buildOrThrow(licenceInput)).toEqual({
      identifier: KNOWN_GOOD_IDENTIFIER,
      name: '营业执照',
      typeCode: '11100000000013338W009',
      number: COMPANY_CODE,
      holderName: '杭州萧山示例餐饮有限公司',
      holderCode: COMPANY_CODE,
      holderCodeType: '001',
      issuerName: '杭州市萧山区市场监督管理局',
      issuerCode: '11330105002500287C',
      issuedOn: '2025-05-22',
      validFrom: '2025-05-22',
      validTo: null,
      status: '01',
      version: 2,
      matterCode: licenceInput.matter.code,
      caseNumber: 'XS-250522-0001-9',
      algorithm: 'ECDSA-P256-SHA256',
      fields: licenceInput.fields,
    });
  });

  it('defaults the version to 1, the number to the serial and the validity start to the issue day', () => {
    const { version: _v, number: _n, validFrom: _f, fields: _x, ...bare } = permitInput;
    const built = buildOrThrow(bare);
    expect(built).toMatchObject({ version: 1, number: '2025052207', validFrom: '2025-05-22', validTo: '2030-05-21', fields: {} });
    expect(built.identifier).toMatch(/^1\.2\.156\.3005\.2\.11100000000013338W012\.11330105002500287C\.2025052207\.001\.[0-9A-Z]$/);
  });

  it('refuses a matter whose result is not a certificate (批文, 其他)', () => {
    expect(refusal({ ...licenceInput, matter: { ...licenceInput.matter, result: { name: '批复', type: '20' } } })).toEqual({
      field: 'matter',
      reason: 'result-not-certificate',
    });
  });

  it('refuses holder codes that do not fit their type or are not in normal form', () => {
    const holder = licenceInput.holder;
    expect(refusal({ ...licenceInput, holder: { ...holder, codeType: '111' } })).toEqual({ field: 'holder.code', reason: 'resident-id' });
    expect(refusal({ ...licenceInput, holder: { ...holder, code: RESIDENT_ID } })).toEqual({ field: 'holder.code', reason: 'credit-code' });
    expect(refusal({ ...permitInput, holder: { ...permitInput.holder, code: RESIDENT_ID.toLowerCase() } })).toMatchObject({ reason: 'resident-id' });
    expect(refusal({ ...licenceInput, holder: { ...holder, code: ` ${COMPANY_CODE}` } })).toMatchObject({ reason: 'credit-code' });
  });

  it('refuses malformed codes, dates, numbers and fields', () => {
    const cases: [Partial<CertificateIssueInput>, string][] = [
      [{ issuer: { fullName: 'X', creditCode: '11330105002500287D' } }, 'issuer.creditCode'],
      [{ issuer: { fullName: ' ', creditCode: '11330105002500287C' } }, 'issuer.fullName'],
      [{ typeCode: '11100000000013338W09' }, 'typeCode'],
      [{ issuedOn: '2025-02-29' }, 'issuedOn'],
      [{ validFrom: '2025-13-01' }, 'validFrom'],
      [{ validTo: '2025-05-21' }, 'validTo'],
      [{ sequence: 0 }, 'sequence'],
      [{ version: 1000 }, 'version'],
      [{ number: '' }, 'number'],
      [{ caseNumber: 'XS\n1' }, 'caseNumber'],
      [{ fields: { capital: Number.NaN } }, 'fields'],
      [{ fields: null as never }, 'fields'],
    ];
    for (const [change, field] of cases) expect(refusal({ ...licenceInput, ...change }), field).toMatchObject({ field });
  });
});

const SEAL = `${'B'.repeat(85)}w`;

describe('issueCertificate', () => {
  const built = buildOrThrow(licenceInput);

  it('attaches both signatures and records an issued event on the issue day', () => {
    const issued = issueCertificate(built, { signature: FAKE_SIGNATURE, sealSignature: SEAL });
    expect(issued).toEqual({
      ok: true,
      value: {
        certificate: { ...built, signature: FAKE_SIGNATURE, sealSignature: SEAL },
        event: { type: 'issued', identifier: KNOWN_GOOD_IDENTIFIER, on: '2025-05-22', from: null, to: '01' },
      },
    });
  });

  it('refuses a signature that is not 64 bytes of base64url', () => {
    for (const bad of ['A'.repeat(85), 'A'.repeat(87), `${'A'.repeat(84)}==`, `${'A'.repeat(85)}+`, `${'A'.repeat(85)}B`]) {
      expect(issueCertificate(built, { signature: bad, sealSignature: FAKE_SIGNATURE })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(issueCertificate(built, { signature: FAKE_SIGNATURE, sealSignature: bad })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('never signs a certificate that is no longer 01', () => {
    expect(issueCertificate({ ...built, status: '07' }, { signature: FAKE_SIGNATURE, sealSignature: FAKE_SIGNATURE })).toMatchObject({
      ok: false,
      error: { code: 'CERTIFICATE_STATUS_CONFLICT' },
    });
  });
});
