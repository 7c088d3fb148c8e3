/**
 * A real ECDSA P-256 / SHA-256 round trip over the texts the core defines, signed the way the worker signs
 * (WebCrypto: IEEE P1363 r‖s, base64url) and checked with node:crypto's verifier, so the two encodings are
 * proven to agree. node:crypto lives in this test only; the core never signs.
 */
import { createPublicKey, generateKeyPairSync, verify, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issueCertificate } from './build-certificate.ts';
import { buildOrThrow, licenceInput } from './certificate-fixture.ts';
import { describeCertificateForSigning } from './canonical-text.ts';
import { judgeCertificate } from './judge-certificate.ts';
import { revokeCertificate } from './lifecycle.ts';
import { decodeCertificateQr, describeCertificateSeal, encodeCertificateQr } from './qr-seal.ts';
import type { Certificate, UnsignedCertificate } from './types.ts';

const ECDSA = { name: 'ECDSA', hash: 'SHA-256' } as const;
const keys = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
/** What the public-key endpoint would publish, and all an offline checker holds. */
const publicJwk = await webcrypto.subtle.exportKey('jwk', keys.publicKey);
const publicKey = createPublicKey({ key: publicJwk as import('node:crypto').JsonWebKey, format: 'jwk' });

/** The worker's signing step, done here with WebCrypto exactly as workerd would. */
const sign = async (text: string): Promise<string> =>
  Buffer.from(await webcrypto.subtle.sign(ECDSA, keys.privateKey, new TextEncoder().encode(text))).toString('base64url');

const check = (text: string, signature: string, key = publicKey): boolean =>
  verify('sha256', Buffer.from(text, 'utf8'), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));

const issue = async (unsigned: UnsignedCertificate): Promise<Certificate> => {
  const issued = issueCertificate(unsigned, {
    signature: await sign(describeCertificateForSigning(unsigned)),
    sealSignature: await sign(describeCertificateSeal(unsigned)),
  });
  if (!issued.ok) throw new Error(JSON.stringify(issued.error));
  return issued.value.certificate;
};

const verifyRecord = (certificate: Certificate): boolean => check(describeCertificateForSigning(certificate), certificate.signature);

describe('signing and verifying a certificate', () => {
  it('verifies the record signature of an untouched certificate, and the verdict is valid', async () => {
    const certificate = await issue(buildOrThrow(licenceInput));
    expect(verifyRecord(certificate)).toBe(true);
    expect(judgeCertificate({ certificate, signatureValid: verifyRecord(certificate), today: '2026-01-01' }).valid).toBe(true);
  });

  it('fails when any signed field is tampered with, down to one character of a nested field', async () => {
    const certificate = await issue(buildOrThrow(licenceInput));
    const tampered: Certificate[] = [
      { ...certificate, holderName: '杭州萧山冒名餐饮有限公司' },
      { ...certificate, validTo: '2099-12-31' },
      { ...certificate, version: 3 },
      { ...certificate, fields: { ...certificate.fields, registeredCapital: { amount: 10_000_000, currency: 'CNY' } } },
      { ...certificate, fields: { ...certificate.fields, businessScope: ['餐饮服务', '食品销售'] } },
    ];
    for (const t of tampered) {
      expect(verifyRecord(t)).toBe(false);
      expect(judgeCertificate({ certificate: t, signatureValid: verifyRecord(t), today: '2026-01-01' }).reasons[0]?.code).toBe('signature-invalid');
    }
  });

  it('fails against another key', async () => {
    const certificate = await issue(buildOrThrow(licenceInput));
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    expect(check(describeCertificateForSigning(certificate), certificate.signature, other)).toBe(false);
  });

  it('still verifies after a status change, and the verdict reports the status instead', async () => {
    const certificate = await issue(buildOrThrow(licenceInput));
    const revoked = revokeCertificate(certificate, { on: '2026-01-01', reason: '吊销' });
    if (!revoked.ok) throw new Error('revoke failed');
    expect(verifyRecord(revoked.value.certificate)).toBe(true);
    const verdict = judgeCertificate({ certificate: revoked.value.certificate, signatureValid: true, today: '2026-01-02' });
    expect(verdict).toMatchObject({ valid: false, status: { code: '03' }, reasons: [{ code: 'revoked' }] });
  });
});

describe('checking a QR code offline with the public key alone', () => {
  it('verifies the seal signature over the text before the last bar', async () => {
    const qr = encodeCertificateQr(await issue(buildOrThrow(licenceInput)));
    const bar = qr.lastIndexOf('|');
    expect(check(qr.slice(0, bar), qr.slice(bar + 1))).toBe(true);
    const decoded = decodeCertificateQr(qr);
    if (!decoded.ok) throw new Error('decode failed');
    expect(check(decoded.value.signedText, decoded.value.signature)).toBe(true);
  });

  it('fails when a printed field in the QR is altered', async () => {
    const qr = encodeCertificateQr(await issue(buildOrThrow(licenceInput)));
    for (const forged of [qr.replace('|-|', '|20991231|'), qr.replace('示例餐饮', '冒名餐饮'), qr.replace('|20250522|20250522|', '|20250523|20250522|')]) {
      expect(forged).not.toBe(qr);
      const decoded = decodeCertificateQr(forged);
      if (!decoded.ok) throw new Error('decode failed');
      expect(check(decoded.value.signedText, decoded.value.signature)).toBe(false);
    }
  });
});
