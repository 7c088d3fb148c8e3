/**
 * Test data for certificates (tests only): a business licence (营业执照) whose identifier is the domain's
 * known-good one, and a person's certificate. Codes carry valid check characters.
 */
import { computeCreditCodeCheck } from '../review/credit-code.ts';
import { buildCertificate } from './build-certificate.ts';
import type { Certificate, CertificateIssueInput, UnsignedCertificate } from './types.ts';

export const KNOWN_GOOD_IDENTIFIER = '1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0';

/** An enterprise's credit code: 91 (enterprise), Xiaoshan area code, a demo organisation code. */
export const COMPANY_CODE = `91330109MA2KD1234${computeCreditCodeCheck('91330109MA2KD1234')}`;

/** GB 11643's own example number (valid check character). */
export const RESIDENT_ID = '11010519491231002X';

/** Issues the licence that carries the known-good identifier: version 2, serial 2025052201. */
export const licenceInput: CertificateIssueInput = {
  matter: { code: '511A0001200001-330109000-000-11330109MB20201373-1-00', result: { name: '营业执照', type: '10' } },
  caseNumber: 'XS-250522-0001-9',
  holder: { name: '杭州萧山示例餐饮有限公司', code: COMPANY_CODE, codeType: '001' },
  issuer: { fullName: '杭州市萧山区市场监督管理局', creditCode: '11330105002500287C' },
  typeCode: '11100000000013338W009',
  issuedOn: '2025-05-22',
  sequence: 1,
  version: 2,
  number: COMPANY_CODE,
  validTo: null,
  fields: {
    type: '有限责任公司（自然人投资或控股）',
    legalRepresentative: '张三',
    registeredCapital: { amount: 1_000_000, currency: 'CNY' },
    address: '浙江省杭州市萧山区城厢街道示例路1号',
    businessScope: ['餐饮服务', '食品销售（仅销售预包装食品）'],
    establishedOn: '2025-05-22',
  },
};

/** A person's certificate with an end date: 2025-05-22 … 2030-05-21. */
export const permitInput: CertificateIssueInput = {
  ...licenceInput,
  matter: { code: '511A0005200004-330109000-000-11330109MB20201373-1-00', result: { name: '健康证明', type: '10' } },
  holder: { name: '李四', code: RESIDENT_ID, codeType: '111' },
  typeCode: '11100000000013338W012',
  sequence: 7,
  version: 1,
  number: 'XS2025-0007',
  validFrom: '2025-05-22',
  validTo: '2030-05-21',
  fields: { category: '食品从业人员' },
};

export const buildOrThrow = (input: CertificateIssueInput): UnsignedCertificate => {
  const built = buildCertificate(input);
  if (!built.ok) throw new Error(`fixture does not build: ${JSON.stringify(built.error)}`);
  return built.value;
};

/** Placeholder signatures of the right shape (86 base64url characters) for tests that do not verify them. */
export const FAKE_SIGNATURE = 'A'.repeat(86);

export const signedOf = (certificate: UnsignedCertificate): Certificate => ({
  ...certificate,
  signature: FAKE_SIGNATURE,
  sealSignature: FAKE_SIGNATURE,
});
