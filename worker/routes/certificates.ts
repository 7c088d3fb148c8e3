import { z } from '@hono/zod-openapi';
import type { App } from '../app.ts';
import { caseClock } from '../cases/case-clock.ts';
import { openQueryCodeGate, QUERY_CODE_FAILURES_PER_HOUR } from '../cases/query-code-gate.ts';
import { readHolderCertificate, renderHolderCertificatePdf } from '../certificates/read-holder-certificate.ts';
import { loadCertificateSigner } from '../certificates/signing-key.ts';
import { verifyCertificate, verifyCertificateQr } from '../certificates/verify-certificate.ts';
import { openDatabase } from '../db/client.ts';
import { defineRoute } from '../define-route.ts';
import { replyError } from '../http-errors.ts';
import { certificateParamsSchema, holderQuerySchema, qrBodySchema, qrQuerySchema } from '../schemas/certificate.ts';
import { CERTIFICATE_VIEW_EXAMPLE, PUBLIC_KEY_EXAMPLE, QR_VERIFY_EXAMPLE, VERIFY_EXAMPLE } from '../schemas/certificate-examples.ts';
import { certificateViewSchema, publicKeyReplySchema, qrVerifyReplySchema, verifyReplySchema } from '../schemas/certificate-replies.ts';
import { SIGNED_TEXTS } from '../schemas/signed-texts.ts';
import { registerCertificateStatusRoutes } from './certificate-status.ts';

const TAGS = ['certificates'];

const HOLDER_NOTE =
  ' 持证人凭签发该证照的办件查询码查看（群众无需登录）；查询码错误或缺失与标识不存在同样返回 404。' +
  ' The holder proves it with the query code of the case that issued the certificate (`?code=`, printed on the' +
  ' receipt): citizens have no login. A wrong or missing code answers 404 exactly like an unknown identifier.' +
  ` After ${QUERY_CODE_FAILURES_PER_HOUR} wrong codes within an hour for the issuing case (shared with tracking and` +
  ' ratings) every attempt is 429 TOO_MANY_CODE_ATTEMPTS with Retry-After, right code or wrong.';

const publicKeyRoute = defineRoute({
  method: 'get',
  path: '/v1/certificates/public-key',
  access: 'public',
  tags: TAGS,
  summary: '验签公钥 The certificates’ public key',
  description:
    '电子证照验签公钥（ECDSA P-256 / SHA-256），JWK 与 SPKI PEM 两种形式，并说明两种签名各自覆盖的原文，供离线核验二维码。' +
    ' The key every certificate signature verifies with: ECDSA over P-256 with SHA-256, signatures IEEE P1363 (r‖s,' +
    ' 64 bytes) in base64url. As a JWK (with its RFC 7638 thumbprint as `kid`) and an SPKI PEM, with what each' +
    ' signature covers, so anyone can check a QR code offline. 503 when the deployment has no signing key.',
  errors: ['CERTIFICATE_SIGNING_UNAVAILABLE'],
  responses: {
    200: { description: '公钥 The public key', content: { 'application/json': { schema: publicKeyReplySchema, example: PUBLIC_KEY_EXAMPLE } } },
  },
});

const QR_DESCRIPTION =
  '扫码核验：校验二维码中的签章签名、与库中证照记录是否一致，并给出当前状态。 Checks a scanned QR code: the seal signature' +
  ' (what an offline checker can know), whether the seal is the stored certificate’s own, the record signature,' +
  ' and the status and validity as of today. `valid` needs all of them. A text that is no seal: 400; a seal naming' +
  ' no stored certificate: 404.';

const verifyQrGetRoute = defineRoute({
  method: 'get',
  path: '/v1/certificates/verify-qr',
  access: 'public',
  tags: TAGS,
  summary: '扫码核验 Verify a QR code',
  description: `${QR_DESCRIPTION} The payload URL-encoded in \`?payload=\` (or POST it).`,
  errors: ['CERTIFICATE_IDENTIFIER_INVALID', 'CERTIFICATE_NOT_FOUND', 'CERTIFICATE_SIGNING_UNAVAILABLE'],
  request: { query: qrQuerySchema },
  responses: {
    200: { description: '核验结果 The verdict', content: { 'application/json': { schema: qrVerifyReplySchema, example: QR_VERIFY_EXAMPLE } } },
  },
});

const verifyQrPostRoute = defineRoute({
  method: 'post',
  path: '/v1/certificates/verify-qr',
  access: 'public',
  tags: TAGS,
  summary: '扫码核验（POST） Verify a QR code (POST)',
  description: `${QR_DESCRIPTION} The payload in the body, exactly as scanned.`,
  errors: ['CERTIFICATE_IDENTIFIER_INVALID', 'CERTIFICATE_NOT_FOUND', 'CERTIFICATE_SIGNING_UNAVAILABLE'],
  request: { body: { required: true, content: { 'application/json': { schema: qrBodySchema } } } },
  responses: {
    200: { description: '核验结果 The verdict', content: { 'application/json': { schema: qrVerifyReplySchema, example: QR_VERIFY_EXAMPLE } } },
  },
});

const verifyRoute = defineRoute({
  method: 'get',
  path: '/v1/certificates/{identifier}/verify',
  access: 'public',
  tags: TAGS,
  summary: '证照核验 Verify a certificate',
  description:
    '任何人可凭电子证照标识核验：签名是否有效、当前状态（已吊销、已注销、已换发的证照如实显示）及原因；持证人为个人的，姓名与身份证号脱敏。' +
    ' Public. Whether the record signature holds (a record altered in storage fails: `signature-invalid`), the status' +
    ' as of today (a revoked, cancelled or withdrawn certificate verifies as such, its signature still valid; one' +
    ' past its last day as expired) and every reason it is not valid. A person holder’s name and ID number are' +
    ' masked; an organisation’s are public registers and shown. A malformed identifier or a wrong check character' +
    ' (a typo) is 400 CERTIFICATE_IDENTIFIER_INVALID with `details.reason` `format` or `check`; an unknown one 404.',
  errors: ['CERTIFICATE_IDENTIFIER_INVALID', 'CERTIFICATE_NOT_FOUND', 'CERTIFICATE_SIGNING_UNAVAILABLE'],
  request: { params: certificateParamsSchema },
  responses: {
    200: { description: '核验结果 The verdict', content: { 'application/json': { schema: verifyReplySchema, example: VERIFY_EXAMPLE } } },
  },
});

const holderRoute = defineRoute({
  method: 'get',
  path: '/v1/certificates/{identifier}',
  access: 'public',
  tags: TAGS,
  summary: '持证人查看证照 A certificate (holder)',
  description:
    '持证人查看证照全部信息：照面信息、两种签名、二维码内容与状态变更记录。 The holder’s full view: every signed field, both' +
    ' signatures, the QR payload and the status history.' +
    HOLDER_NOTE,
  errors: ['CERTIFICATE_IDENTIFIER_INVALID', 'CERTIFICATE_NOT_FOUND', 'TOO_MANY_CODE_ATTEMPTS'],
  request: { params: certificateParamsSchema, query: holderQuerySchema },
  responses: {
    200: { description: '证照 The certificate', content: { 'application/json': { schema: certificateViewSchema, example: CERTIFICATE_VIEW_EXAMPLE } } },
  },
});

const pdfRoute = defineRoute({
  method: 'get',
  path: '/v1/certificates/{identifier}/pdf',
  access: 'public',
  tags: TAGS,
  summary: '下载证照 PDF A certificate as PDF (holder)',
  description:
    '电子证照版式文件（PDF）：照面信息、当前状态、电子证照标识与可离线验签的二维码。中文引用标准 CJK 字体 STSong-Light（未嵌入，阅读器以系统宋体替代）。' +
    ' The face fields, the current status (a banner when not valid), the identifier and the QR code that carries the' +
    ' seal. Chinese text references the standard Adobe-GB1 font STSong-Light (UniGB-UCS2-H), not embedded: readers' +
    ' substitute a system Song font; embedding a CJK font would cost megabytes in the Worker.' +
    HOLDER_NOTE,
  errors: ['CERTIFICATE_IDENTIFIER_INVALID', 'CERTIFICATE_NOT_FOUND', 'TOO_MANY_CODE_ATTEMPTS'],
  request: { params: certificateParamsSchema, query: holderQuerySchema },
  responses: {
    200: {
      description: 'PDF (A4, one page); `Content-Disposition: attachment` named after the identifier',
      content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
    },
  },
});

const NO_STORE = 'no-store';

export const registerCertificateRoutes = (app: App) => {
  // Static paths first: /v1/certificates/public-key and /verify-qr must not be read as identifiers.
  app.openapi(publicKeyRoute, async (c) => {
    const signer = await loadCertificateSigner(c.env);
    if (!signer.ok) return replyError(c, 'CERTIFICATE_SIGNING_UNAVAILABLE', { reason: signer.reason });
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({ ...signer.signer.publicKey, jwk: { ...signer.signer.publicKey.jwk }, signedTexts: SIGNED_TEXTS }, 200);
  });

  app.openapi(verifyQrGetRoute, async (c) => {
    const verdict = await verifyCertificateQr(openDatabase(c.env.DB), c.req.valid('query').payload, await loadCertificateSigner(c.env), caseClock.now());
    c.header('Cache-Control', NO_STORE);
    if (!verdict.ok) return replyError(c, verdict.error);
    return c.json(verdict.value, 200);
  });

  app.openapi(verifyQrPostRoute, async (c) => {
    const verdict = await verifyCertificateQr(openDatabase(c.env.DB), c.req.valid('json').payload, await loadCertificateSigner(c.env), caseClock.now());
    c.header('Cache-Control', NO_STORE);
    if (!verdict.ok) return replyError(c, verdict.error);
    return c.json(verdict.value, 200);
  });

  app.openapi(verifyRoute, async (c) => {
    const { identifier } = c.req.valid('param');
    const verdict = await verifyCertificate(openDatabase(c.env.DB), identifier, await loadCertificateSigner(c.env), caseClock.now());
    c.header('Cache-Control', NO_STORE);
    if (!verdict.ok) return replyError(c, verdict.error);
    return c.json(verdict.value, 200);
  });

  app.openapi(pdfRoute, async (c) => {
    const { identifier } = c.req.valid('param');
    const rendered = await renderHolderCertificatePdf(
      openDatabase(c.env.DB),
      identifier,
      c.req.valid('query').code,
      openQueryCodeGate(c.env),
      await loadCertificateSigner(c.env),
      caseClock.now(),
    );
    c.header('Cache-Control', NO_STORE);
    if (!rendered.ok) return replyError(c, rendered.error);
    const name = `certificate-${rendered.value.certificate.identifier}.pdf`;
    return c.body(rendered.value.pdf as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${name}"`,
    });
  });

  app.openapi(holderRoute, async (c) => {
    const { identifier } = c.req.valid('param');
    const view = await readHolderCertificate(openDatabase(c.env.DB), identifier, c.req.valid('query').code, openQueryCodeGate(c.env));
    c.header('Cache-Control', NO_STORE);
    if (!view.ok) return replyError(c, view.error);
    return c.json(view.value, 200);
  });

  registerCertificateStatusRoutes(app);
};
