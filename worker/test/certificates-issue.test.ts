import { env } from 'cloudflare:workers';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { beforeEach, describe, expect, it } from 'vitest';
import { computeMod3736Check, decodeCertificateQr, formatCertificateIdentifier, parseCertificateIdentifier } from '../../core/index.ts';
import type { ApplicantLibraryReply } from '../schemas/case-track-replies.ts';
import type { CertificateChangeReply, QrVerifyReply, ReissueReply } from '../schemas/certificate-replies.ts';
import { expectError } from './helpers.ts';
import { acceptCase, call, COMPANY, getCase, materialsFor, matterNamed, PERSON, postJson, resetCases, setBeijingTime } from './case-helpers.ts';
import { holderView, issueBusinessLicence, issueDogLicence, pathOf, publicKey, verify } from './certificate-helpers.ts';

beforeEach(async () => {
  await resetCases();
  setBeijingTime('2026-11-27T10:00'); // a Friday
});

const library = async (applicantId: string): Promise<ApplicantLibraryReply> => {
  const res = await call(`/v1/applicants/${applicantId}/materials`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ApplicantLibraryReply;
};

/** Changes one character of the serial, keeping the shape: the check character no longer agrees. */
const typo = (identifier: string): string => {
  const at = identifier.lastIndexOf('.', identifier.lastIndexOf('.') - 1) - 1; // last digit of the serial
  const digit = identifier[at] === '9' ? '8' : String(Number(identifier[at]) + 1);
  return identifier.slice(0, at) + digit + identifier.slice(at + 1);
};

describe('issuing on approval (出证)', () => {
  it('issues a signed 营业执照 whose identifier parses and verifies, and files it in the library under that identifier', async () => {
    const { accepted, decision, identifier } = await issueBusinessLicence();
    const parts = parseCertificateIdentifier(identifier);
    expect(parts.ok).toBe(true);
    if (!parts.ok) return;
    expect(formatCertificateIdentifier(parts.value)).toBe(identifier);
    expect(parts.value).toEqual({ typeCode: '11100000000013338W009', issuerCode: '11330109MB20201373', serial: '2026112701', version: 1 });
    expect(decision.certificate).toMatchObject({
      name: '营业执照',
      holderName: COMPANY.name,
      holderCodeType: '001',
      holderCode: COMPANY.creditCode,
      issuerName: '杭州市萧山区市场监督管理局',
      issuedOn: '2026-11-27',
      validFrom: '2026-11-27',
      validTo: null, // 长期
      status: { code: '01', label: '有效' },
    });
    expect(decision.certificatePending).toBeNull();
    expect(decision.issued).toMatchObject({ materialId: 'business-licence', certificateId: identifier });

    const verdict = await verify(identifier);
    expect(verdict).toMatchObject({ identifier, valid: true, signatureValid: true, status: { code: '01' }, statusLabel: '有效', reasons: [] });
    expect(verdict.keyId).toBe((await publicKey()).keyId);
    expect((await library(accepted.applicantId)).items.map((i) => i.certificateId)).toEqual([identifier]);

    // The next licence of the same issuer and type that day takes the next serial.
    const second = await issueBusinessLicence({ ...COMPANY, creditCode: '91330109MA2H3K4L52', name: '杭州萧然二号餐饮有限公司' });
    expect(second.identifier).toContain('.2026112702.001.');
  });

  it('makes a person the holder by resident ID, masked on public verification and whole for the holder', async () => {
    const { accepted, identifier } = await issueDogLicence();
    const verdict = await verify(identifier);
    expect(verdict.certificate).toMatchObject({ name: '犬类准养证', holderCodeType: '111' });
    expect(verdict.certificate.holderName).not.toBe(PERSON.name);
    expect(verdict.certificate.holderCode).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    const view = await holderView(identifier, accepted.queryCode);
    expect(view).toMatchObject({ holderName: PERSON.name, holderCode: PERSON.idNumber, caseNumber: accepted.number, algorithm: 'ECDSA-P256-SHA256' });
    expect(view.events).toEqual([expect.objectContaining({ seq: 1, type: 'issued', from: null, to: '01', on: '2026-11-27' })]);
  });

  it('takes the validity and printed fields from the decision when given, and a statutory term otherwise', async () => {
    const FOOD = matterNamed('食品经营许可（新办）');
    const registered = await issueBusinessLicence();
    const food = await acceptCase({ applicant: COMPANY, matterCode: FOOD.code, materials: materialsFor([FOOD], ['business-licence']) });
    const taskId = food.tasks[0]!.id;
    await postJson(`/v1/tasks/${taskId}/claim`, { reviewer: 'scjg-li' });
    const res = await postJson(`/v1/tasks/${taskId}/decision`, {
      reviewer: 'scjg-li',
      decision: { kind: 'approve' },
      certificate: { fields: { premises: '萧山区城厢街道示例路1号', mainBusiness: '餐饮服务经营者' } },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const decided = (await res.json()) as { certificate: { identifier: string; validTo: string | null } };
    // 食品经营许可证: 5 years (食品经营许可管理办法), last day the eve of the fifth anniversary.
    expect(decided.certificate.validTo).toBe('2031-11-26');
    const view = await holderView(decided.certificate.identifier, food.queryCode);
    expect(view.fields).toEqual({ premises: '萧山区城厢街道示例路1号', mainBusiness: '餐饮服务经营者' });
    expect(registered.identifier).not.toBe(decided.certificate.identifier);
  });
});

describe('GET /v1/certificates/{identifier}/verify', () => {
  it('answers 400 for a changed character (the check character catches it) and for no identifier at all, 404 for an unknown one', async () => {
    const { identifier } = await issueBusinessLicence();
    const error = await expectError(await call(`${pathOf(typo(identifier))}/verify`), 400, 'CERTIFICATE_IDENTIFIER_INVALID');
    expect(error.details).toMatchObject({ reason: 'check' });
    await expectError(await call('/v1/certificates/not-an-identifier/verify'), 400, 'CERTIFICATE_IDENTIFIER_INVALID');
    // Well formed, with its own right check character, but never issued.
    const parts = parseCertificateIdentifier(identifier);
    if (!parts.ok) throw new Error('parse');
    const unknown = formatCertificateIdentifier({ ...parts.value, serial: '2026112799' });
    await expectError(await call(`${pathOf(unknown)}/verify`), 404, 'CERTIFICATE_NOT_FOUND');
    // Typed loosely (lowercase, full-width dots, blanks): the same certificate.
    const loose = ` ${identifier.toLowerCase().replaceAll('.', '．')} `;
    expect((await verify(loose)).identifier).toBe(identifier);
    expect(computeMod3736Check('0')).toMatch(/^[0-9A-Z]$/);
  });

  it('says signature-invalid when the stored record is tampered with', async () => {
    const { identifier } = await issueBusinessLicence();
    await env.DB.prepare(`UPDATE certificates SET record = json_set(record, '$.holderName', '杭州冒名餐饮有限公司') WHERE identifier = ?`)
      .bind(identifier)
      .run();
    const verdict = await verify(identifier);
    expect(verdict).toMatchObject({ valid: false, signatureValid: false, status: { code: '01' } });
    expect(verdict.reasons.map((r) => r.code)).toEqual(['signature-invalid']);
    expect(verdict.certificate.holderName).toBe('杭州冒名餐饮有限公司');
  });

  it('says signature-invalid for a valid record copied under another identifier', async () => {
    const first = await issueBusinessLicence();
    const second = await issueBusinessLicence({ ...COMPANY, creditCode: '91330109MA2H3K4L52', name: '杭州萧然二号餐饮有限公司' });
    await env.DB.prepare('UPDATE certificates SET record = (SELECT record FROM certificates WHERE identifier = ?) WHERE identifier = ?')
      .bind(first.identifier, second.identifier)
      .run();
    expect(await verify(second.identifier)).toMatchObject({ valid: false, signatureValid: false });
    expect(await verify(first.identifier)).toMatchObject({ valid: true });
  });

  it('reads expired after the last valid day, before any sweep', async () => {
    const FOOD = matterNamed('食品经营许可（新办）');
    await issueBusinessLicence();
    const food = await acceptCase({ applicant: COMPANY, matterCode: FOOD.code, materials: materialsFor([FOOD], ['business-licence']) });
    await postJson(`/v1/tasks/${food.tasks[0]!.id}/claim`, { reviewer: 'scjg-li' });
    const res = await postJson(`/v1/tasks/${food.tasks[0]!.id}/decision`, { reviewer: 'scjg-li', decision: { kind: 'approve' }, certificate: { validTo: '2026-11-30' } });
    const { certificate } = (await res.json()) as { certificate: { identifier: string } };
    setBeijingTime('2026-12-01T09:00');
    expect(await verify(certificate.identifier)).toMatchObject({ valid: false, signatureValid: true, status: { code: '05' }, reasons: [{ code: 'expired' }] });
  });
});

describe('status changes (吊销, 注销, 变更换发)', () => {
  it('revokes: verify shows revoked with the signature still valid, a second revoke is a conflict, cancel follows', async () => {
    const { accepted, identifier } = await issueBusinessLicence();
    await expectError(await postJson(`${pathOf(identifier)}/revoke`, { officer: 'scjg-wang' }), 400, 'INVALID_INPUT');
    const res = await postJson(`${pathOf(identifier)}/revoke`, { officer: 'scjg-wang', reason: '行政处罚决定书 萧市监罚〔2026〕88号' });
    expect(res.status, await res.clone().text()).toBe(200);
    const revoked = (await res.json()) as CertificateChangeReply;
    expect(revoked.event).toMatchObject({ seq: 2, type: 'revoked', from: '01', to: '03', on: '2026-11-27' });

    const verdict = await verify(identifier);
    expect(verdict).toMatchObject({ valid: false, signatureValid: true, status: { code: '03', label: '已吊销' }, statusLabel: '已吊销' });
    expect(verdict.reasons.map((r) => r.code)).toEqual(['revoked']);
    await expectError(await postJson(`${pathOf(identifier)}/revoke`, { officer: 'scjg-wang', reason: '再次' }), 409, 'CERTIFICATE_STATUS_CONFLICT');
    await expectError(await postJson(`${pathOf(identifier)}/reissue`, { officer: 'scjg-wang', changes: { holderName: '新名' } }), 409, 'CERTIFICATE_STATUS_CONFLICT');

    const cancelled = await postJson(`${pathOf(identifier)}/cancel`, { officer: 'scjg-wang', reason: '吊销后注销' });
    expect(((await cancelled.json()) as CertificateChangeReply).event).toMatchObject({ seq: 3, from: '03', to: '04' });
    expect((await verify(identifier)).reasons.map((r) => r.code)).toEqual(['cancelled']);
    const view = await holderView(identifier, accepted.queryCode);
    expect(view.events.map((e) => [e.seq, e.type])).toEqual([[1, 'issued'], [2, 'revoked'], [3, 'cancelled']]);

    // The revoked licence is no longer offered to later cases (多报合一 reuses only what is valid).
    const FOOD = matterNamed('食品经营许可（新办）');
    const later = await postJson('/v1/cases', { hall: 'xiaoshan', channel: 'window', applicant: COMPANY, matterCode: FOOD.code, materials: materialsFor([FOOD], ['business-licence']) });
    expect(JSON.stringify(await later.json())).toContain('business-licence');
  });

  it('keeps the event sequence gap-free when two revocations race: one wins, the other conflicts', async () => {
    const { identifier } = await issueBusinessLicence();
    const answers = await Promise.all(
      [1, 2, 3].map((i) => postJson(`${pathOf(identifier)}/${i === 2 ? 'cancel' : 'revoke'}`, { officer: `o${i}`, reason: `r${i}` })),
    );
    expect(answers.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    const events = await env.DB.prepare('SELECT seq FROM certificate_events WHERE identifier = ? ORDER BY seq').bind(identifier).all<{ seq: number }>();
    expect(events.results.map((e) => e.seq)).toEqual(events.results.map((_, i) => i + 1));
  });

  it('reissues on change: the old version is withdrawn pointing to the new, which verifies, and the library follows', async () => {
    const { accepted, identifier } = await issueBusinessLicence();
    setBeijingTime('2026-11-30T10:00');
    const res = await postJson(`${pathOf(identifier)}/reissue`, {
      officer: 'scjg-wang',
      reason: '名称变更',
      changes: { holderName: '杭州萧然美食有限公司', fields: { address: '浙江省杭州市萧山区北干街道示例路8号' } },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const reissued = (await res.json()) as ReissueReply;
    const next = reissued.certificate.identifier;
    expect(next).not.toBe(identifier);
    const [oldParts, newParts] = [parseCertificateIdentifier(identifier), parseCertificateIdentifier(next)];
    if (!oldParts.ok || !newParts.ok) throw new Error('parse');
    expect(newParts.value).toEqual({ ...oldParts.value, version: 2 });
    expect(reissued.previous).toMatchObject({ status: { code: '07' }, replacedBy: next });
    expect(reissued.certificate).toMatchObject({ holderName: '杭州萧然美食有限公司', issuedOn: '2026-11-30', version: 2, status: { code: '01' } });
    expect(reissued.libraryItemsUpdated).toBe(1);

    const old = await verify(identifier);
    expect(old).toMatchObject({ valid: false, signatureValid: true, status: { code: '07' } });
    expect(old.reasons[0]).toMatchObject({ code: 'withdrawn' });
    expect(old.reasons[0]!.message).toContain(next);
    expect(await verify(next)).toMatchObject({ valid: true, signatureValid: true });
    expect((await library(accepted.applicantId)).items.map((i) => i.certificateId)).toEqual([next]);
    // The holder opens the new version with the same case's code.
    expect((await holderView(next, accepted.queryCode)).fields).toEqual({ address: '浙江省杭州市萧山区北干街道示例路8号' });
  });
});

describe('the QR code (二维码) and the public key', () => {
  it('verifies offline with nothing but the public key fetched from the endpoint', async () => {
    const { accepted, identifier } = await issueDogLicence();
    const view = await holderView(identifier, accepted.queryCode);
    const key = await publicKey();
    expect(key).toMatchObject({ algorithm: 'ECDSA-P256-SHA256', jwk: { kty: 'EC', crv: 'P-256', alg: 'ES256' } });
    expect(key.spkiPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);

    // An offline checker: the JWK and the scanned text, WebCrypto, no server.
    const verifyKey = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: key.jwk.x, y: key.jwk.y }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const bar = view.qrPayload.lastIndexOf('|');
    const signed = new TextEncoder().encode(view.qrPayload.slice(0, bar));
    const signature = Uint8Array.from(atob(view.qrPayload.slice(bar + 1).replace(/-/g, '+').replace(/_/g, '/') + '=='), (c) => c.charCodeAt(0));
    const ecdsa = { name: 'ECDSA', hash: 'SHA-256' };
    expect(await crypto.subtle.verify(ecdsa, verifyKey, signature, signed)).toBe(true);
    expect(await crypto.subtle.verify(ecdsa, verifyKey, signature, new TextEncoder().encode(view.qrPayload.slice(0, bar).replace('犬类', '猫类')))).toBe(false);
    // The seal shows the resident ID masked: the QR may be photographed by anyone.
    const decoded = decodeCertificateQr(view.qrPayload);
    expect(decoded.ok && decoded.value.holderCode).toMatch(/\*{8}/);

    // The SPKI PEM is the same key.
    const der = Uint8Array.from(atob(key.spkiPem.replace(/-----[A-Z ]+-----|\s/g, '')), (c) => c.charCodeAt(0));
    const spkiKey = await crypto.subtle.importKey('spki', der, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    expect(await crypto.subtle.verify(ecdsa, spkiKey, signature, signed)).toBe(true);
  });

  it('checks a scanned payload online by GET and POST: seal, record and current status', async () => {
    const { accepted, identifier } = await issueBusinessLicence();
    const { qrPayload } = await holderView(identifier, accepted.queryCode);
    const byGet = await call(`/v1/certificates/verify-qr?payload=${encodeURIComponent(qrPayload)}`);
    expect(byGet.status, await byGet.clone().text()).toBe(200);
    expect((await byGet.json()) as QrVerifyReply).toMatchObject({ identifier, valid: true, sealValid: true, matchesRecord: true, seal: { name: '营业执照', holderName: COMPANY.name } });

    const forged = qrPayload.replace(COMPANY.name, '杭州冒名餐饮有限公司');
    const byPost = await postJson('/v1/certificates/verify-qr', { payload: forged });
    expect((await byPost.json()) as QrVerifyReply).toMatchObject({ valid: false, sealValid: false, matchesRecord: false });

    await postJson(`${pathOf(identifier)}/revoke`, { officer: 'scjg-wang', reason: '吊销' });
    const revoked = (await (await postJson('/v1/certificates/verify-qr', { payload: qrPayload })).json()) as QrVerifyReply;
    expect(revoked).toMatchObject({ valid: false, sealValid: true, matchesRecord: true, status: { code: '03' } });
    await expectError(await postJson('/v1/certificates/verify-qr', { payload: 'hello' }), 400, 'INVALID_INPUT');
  });
});

describe('the holder’s view and PDF', () => {
  it('needs the case’s query code: a wrong or missing one is 404 like an unknown identifier', async () => {
    const { accepted, identifier } = await issueBusinessLicence();
    await expectError(await call(pathOf(identifier)), 404, 'CERTIFICATE_NOT_FOUND');
    const wrong = accepted.queryCode === '000000' ? '111111' : '000000';
    await expectError(await call(`${pathOf(identifier)}?code=${wrong}`), 404, 'CERTIFICATE_NOT_FOUND');
    await expectError(await call(`${pathOf(identifier)}/pdf?code=${wrong}`), 404, 'CERTIFICATE_NOT_FOUND');
    expect((await holderView(identifier, accepted.queryCode)).links.pdf).toBe(`${pathOf(identifier)}/pdf`);
  });

  it('downloads a PDF that pdf-lib loads, with the identifier, the STSong-Light font and a QR code', async () => {
    const { accepted, identifier } = await issueBusinessLicence();
    const res = await call(`${pathOf(identifier)}/pdf?code=${accepted.queryCode}`);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(200_000);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getSubject()).toBe(identifier);
    expect(doc.getTitle()).toContain(identifier);
    const raw = new TextDecoder('latin1').decode(bytes);
    expect(raw).toContain('/STSong-Light-UniGB-UCS2-H');
    expect(raw).toContain('/UniGB-UCS2-H');
    expect(raw).not.toContain('/FontFile');
    // The page's drawing: the identifier in Helvetica (hex-encoded by pdf-lib), 营业执照 as UCS-2, the QR's rectangles.
    const contents = doc.getPage(0).node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    const text = streams
      .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
      .map((stream) => new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode()))
      .join('\n');
    const hex = [...new TextEncoder().encode(identifier)].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
    expect(text.toUpperCase()).toContain(hex);
    expect(text.toUpperCase()).toContain('<8425 4E1A 6267 7167>'.replaceAll(' ', ''));
    expect((text.match(/ re/g) ?? []).length).toBeGreaterThan(100);
  });

  it('shows the case’s certificates on the staff view and, without holder data, on public tracking', async () => {
    const { accepted, identifier } = await issueBusinessLicence();
    const view = await getCase(accepted.number);
    expect(view.certificates).toEqual([expect.objectContaining({ identifier, name: '营业执照', status: expect.objectContaining({ code: '01' }) })]);
    const track = await call(`/v1/track/${accepted.number}?code=${accepted.queryCode}`);
    const tracked = (await track.json()) as { certificates: unknown[]; delivery: unknown };
    expect(tracked.certificates).toEqual([{ identifier, name: '营业执照', status: { code: '01', label: '有效', labelEn: 'valid' }, validTo: null }]);
    expect(JSON.stringify(tracked)).not.toContain(COMPANY.creditCode);
  });
});
