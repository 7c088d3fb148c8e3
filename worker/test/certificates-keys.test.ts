import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadCertificateSigner, toBase64Url } from '../certificates/signing-key.ts';
import type { DecisionReply } from '../schemas/case-replies.ts';
import type { ApplicantLibraryReply } from '../schemas/case-track-replies.ts';
import type { IssuePendingReply } from '../schemas/certificate-replies.ts';
import { expectError } from './helpers.ts';
import { acceptCase, call, claim, COMPANY, getCase, materialsFor, postJson, resetCases, setBeijingTime } from './case-helpers.ts';
import { callWithoutKey, COMPANY_REGISTRATION, issueBusinessLicence, pathOf, verify } from './certificate-helpers.ts';

beforeEach(async () => {
  await resetCases();
  setBeijingTime('2026-11-27T10:00');
});

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

describe('the signing key (CERT_SIGNING_KEY)', () => {
  it('reads PKCS#8 as PEM or as bare base64, and derives the same public key from both', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const der = new Uint8Array((await crypto.subtle.exportKey('pkcs8', pair.privateKey)) as ArrayBuffer);
    const base64 = toBase64(der);
    const pem = `-----BEGIN PRIVATE KEY-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`;
    const fromPem = await loadCertificateSigner({ CERT_SIGNING_KEY: pem });
    const fromBase64 = await loadCertificateSigner({ CERT_SIGNING_KEY: base64 });
    if (!fromPem.ok || !fromBase64.ok) throw new Error('a key was refused');
    expect(fromPem.signer.publicKey.keyId).toBe(fromBase64.signer.publicKey.keyId);
    const signature = await fromPem.signer.sign('电子证照');
    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(await fromBase64.signer.verify('电子证照', signature)).toBe(true);
    expect(await fromBase64.signer.verify('电子证照!', signature)).toBe(false);
    expect(await fromBase64.signer.verify('电子证照', 'not-a-signature')).toBe(false);
    const exported = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as JsonWebKey;
    expect(fromPem.signer.publicKey.jwk).toMatchObject({ x: exported.x, y: exported.y });
    expect(toBase64Url(new Uint8Array([251, 255]))).toBe('-_8');
  });

  it('says missing or invalid instead of throwing', async () => {
    expect(await loadCertificateSigner({})).toEqual({ ok: false, reason: 'missing' });
    expect(await loadCertificateSigner({ CERT_SIGNING_KEY: '  ' })).toEqual({ ok: false, reason: 'missing' });
    expect(await loadCertificateSigner({ CERT_SIGNING_KEY: 'not a key' })).toEqual({ ok: false, reason: 'invalid' });
    expect(await loadCertificateSigner({ CERT_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----' })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('is reported by GET /v1/health without changing its status', async () => {
    const withKey = (await (await call('/v1/health')).json()) as { certificates: { signing: string; keyId: string | null } };
    expect(withKey.certificates).toMatchObject({ signing: 'ok', keyId: expect.any(String) });
    const res = await callWithoutKey('/v1/health');
    expect(res.status).toBe(200);
    expect(((await res.json()) as typeof withKey).certificates).toEqual({ signing: 'missing', keyId: null });
  });
});

describe('without a signing key', () => {
  it('still approves; the certificate waits (待签发) and is issued later, then the results are ready', async () => {
    const accepted = await acceptCase({ applicant: COMPANY, matterCode: COMPANY_REGISTRATION.code, materials: materialsFor([COMPANY_REGISTRATION]) });
    const taskId = accepted.tasks[0]!.id;
    await claim(taskId, 'scjg-wang');
    const res = await callWithoutKey(`/v1/tasks/${taskId}/decision`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reviewer: 'scjg-wang', decision: { kind: 'approve' } }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const decision = (await res.json()) as DecisionReply;
    expect(decision.case.status).toBe('approved');
    expect(decision.certificate).toBeNull();
    expect(decision.certificatePending).toMatchObject({ taskKey: accepted.tasks[0]!.key, reason: 'signing-key-missing' });
    expect(decision.issued?.certificateId).toBe(`provisional:${accepted.number}:${accepted.tasks[0]!.key}`);
    const waiting = await getCase(accepted.number);
    expect(waiting).toMatchObject({ status: 'approved', completedOn: '2026-11-27', delivery: null, certificates: [] });
    const pickup = { officer: 'window-30', collector: { kind: 'holder', name: '法定代表人', idNumber: COMPANY.idNumber } };
    await expectError(await postJson(`/v1/cases/${accepted.number}/pickup`, pickup), 409, 'PICKUP_NOT_READY');

    // Still without a key: a clear 503, nothing issued.
    await expectError(
      await callWithoutKey(`/v1/cases/${accepted.number}/certificates`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"officer":"window-30"}' }),
      503,
      'CERTIFICATE_SIGNING_UNAVAILABLE',
    );
    // The key is set: the certificate is issued, the library item takes its identifier, the results are ready.
    const issued = await postJson(`/v1/cases/${accepted.number}/certificates`, { officer: 'window-30' });
    expect(issued.status, await issued.clone().text()).toBe(200);
    const reply = (await issued.json()) as IssuePendingReply;
    expect(reply.issued).toHaveLength(1);
    expect(reply.pending).toEqual([]);
    expect(reply.delivery).toMatchObject({ status: 'ready' });
    const identifier = reply.issued[0]!.identifier;
    expect(await verify(identifier)).toMatchObject({ valid: true });
    const library = (await (await call(`/v1/applicants/${accepted.applicantId}/materials`)).json()) as ApplicantLibraryReply;
    expect(library.items.map((i) => i.certificateId)).toEqual([identifier]);
    // Again: nothing more to issue, nothing changes.
    const again = (await (await postJson(`/v1/cases/${accepted.number}/certificates`, { officer: 'window-30' })).json()) as IssuePendingReply;
    expect(again).toMatchObject({ issued: [], certificates: [expect.objectContaining({ identifier })] });
    const events = await env.DB.prepare(`SELECT type FROM case_events WHERE case_number = ? ORDER BY seq`).bind(accepted.number).all<{ type: string }>();
    expect(events.results.map((e) => e.type).slice(-3)).toEqual(['case-completed', 'certificate-issued', 'results-ready']);
  });

  it('answers verification and the public key with 503 CERTIFICATE_SIGNING_UNAVAILABLE, never a 500', async () => {
    const { identifier } = await issueBusinessLicence();
    await expectError(await callWithoutKey(`${pathOf(identifier)}/verify`), 503, 'CERTIFICATE_SIGNING_UNAVAILABLE');
    await expectError(await callWithoutKey('/v1/certificates/public-key'), 503, 'CERTIFICATE_SIGNING_UNAVAILABLE');
    await expectError(
      await callWithoutKey(`${pathOf(identifier)}/reissue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ officer: 'x', changes: { holderName: '新名' } }) }),
      503,
      'CERTIFICATE_SIGNING_UNAVAILABLE',
    );
    // Revoking signs nothing: it works without the key.
    const revoked = await callWithoutKey(`${pathOf(identifier)}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ officer: 'scjg-wang', reason: '吊销' }),
    });
    expect(revoked.status).toBe(200);
    expect(await verify(identifier)).toMatchObject({ status: { code: '03' }, signatureValid: true });
  });
});
