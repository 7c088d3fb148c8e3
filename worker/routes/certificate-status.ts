import type { App } from '../app.ts';
import { caseClock } from '../cases/case-clock.ts';
import { changeCertificateStatus, reissueHeldCertificate } from '../certificates/change-certificate.ts';
import { loadCertificateSigner } from '../certificates/signing-key.ts';
import { openDatabase } from '../db/client.ts';
import { defineRoute } from '../define-route.ts';
import { replyError } from '../http-errors.ts';
import { certificateChangeBodySchema, certificateParamsSchema, reissueBodySchema } from '../schemas/certificate.ts';
import { REISSUE_EXAMPLE, REVOKE_EXAMPLE } from '../schemas/certificate-examples.ts';
import { certificateChangeReplySchema, reissueReplySchema } from '../schemas/certificate-replies.ts';
import { actingStaffId, actorOf, scopeOf } from '../tenant-guard.ts';
import { ACTING_STAFF_NOTE, CERTIFICATE_REISSUE_ACCESS, CERTIFICATE_STATUS_ACCESS, TENANT_NOTE } from './route-access.ts';

/**
 * A certificate's status changes by staff (吊销, 注销, 变更换发): the issuing tenant's back office or issuing
 * window, acting under their own staff id. Beside the public read and verify routes (certificates.ts).
 */

const TAGS = ['certificates'];

const changeRoute = (action: 'revoke' | 'cancel') =>
  defineRoute({
    method: 'post',
    path: `/v1/certificates/{identifier}/${action}`,
    access: CERTIFICATE_STATUS_ACCESS,
    tags: TAGS,
    summary: action === 'revoke' ? '吊销 Revoke a certificate' : '注销 Cancel a certificate',
    description:
      (action === 'revoke'
        ? '吊销（行政处罚）：有效证照 → 03 已吊销。理由必填。 Revocation as a penalty: a valid (01) certificate becomes 03.'
        : '注销：证照终止（主体注销、到期未延续、吊销后注销等）：01、03、05 → 04 已注销。理由必填。 The licence ends: 01, 03 or 05 becomes 04.') +
      ' The reason is required. A status change event is recorded (gap-free per certificate, conditional on the status' +
      ' read); the signature stays valid (status is outside it) and verify reports the status. From the effective day' +
      ' on (default today; never in the future) the applicant’s library no longer offers it to later cases. Any other' +
      ' status: 409 CERTIFICATE_STATUS_CONFLICT. A back-office member changes their own department’s certificates only' +
      ' (another department: 403 FORBIDDEN).' +
      TENANT_NOTE +
      ACTING_STAFF_NOTE,
    errors: ['CERTIFICATE_IDENTIFIER_INVALID', 'CERTIFICATE_NOT_FOUND', 'CERTIFICATE_STATUS_CONFLICT'],
    request: {
      params: certificateParamsSchema,
      body: { required: true, content: { 'application/json': { schema: certificateChangeBodySchema } } },
    },
    responses: {
      200: {
        description: '已变更 The certificate and its event',
        content: {
          'application/json': {
            schema: certificateChangeReplySchema,
            example:
              action === 'revoke'
                ? REVOKE_EXAMPLE
                : {
                    ...REVOKE_EXAMPLE,
                    certificate: { ...REVOKE_EXAMPLE.certificate, status: { code: '04' as const, label: '已注销', labelEn: 'cancelled' } },
                    event: { ...REVOKE_EXAMPLE.event, type: 'cancelled' as const, to: '04', reason: '企业申请注销登记' },
                  },
          },
        },
      },
    },
  });

const revokeRoute = changeRoute('revoke');
const cancelRoute = changeRoute('cancel');

const reissueRoute = defineRoute({
  method: 'post',
  path: '/v1/certificates/{identifier}/reissue',
  access: CERTIFICATE_REISSUE_ACCESS,
  tags: TAGS,
  summary: '变更换发 Reissue a certificate on change',
  description:
    '变更换发新版本：原版本 → 07 已撤回并指向新版本；新版本同一顺序号、版本号加一、重新签名；材料库中的证照随之更新。' +
    ' A change (holder name, address, scope …) issues a new version: same type, issuer and serial, version + 1, a new' +
    ' identifier and check character, signed anew; the previous version becomes 07 (withdrawn) with `replacedBy`;' +
    ' library items holding it now hold the new one (多报合一). Only a valid (01) certificate: else 409.' +
    ' `caseNumber` / `matterCode` name the change case and matter (default: the original ones; a case of the same' +
    ' tenant). A back-office member reissues their own department’s certificates only (else 403 FORBIDDEN).' +
    TENANT_NOTE +
    ACTING_STAFF_NOTE,
  errors: ['CERTIFICATE_IDENTIFIER_INVALID', 'CERTIFICATE_NOT_FOUND', 'CERTIFICATE_STATUS_CONFLICT', 'CERTIFICATE_SIGNING_UNAVAILABLE', 'CASE_NOT_FOUND', 'MATTER_NOT_FOUND'],
  request: {
    params: certificateParamsSchema,
    body: { required: true, content: { 'application/json': { schema: reissueBodySchema } } },
  },
  responses: {
    200: { description: '已换发 Both versions and the event', content: { 'application/json': { schema: reissueReplySchema, example: REISSUE_EXAMPLE } } },
  },
});


/** Registered by registerCertificateRoutes, after its static paths. */
export const registerCertificateStatusRoutes = (app: App) => {
  for (const [route, action] of [
    [revokeRoute, 'revoke'],
    [cancelRoute, 'cancel'],
  ] as const) {
    app.openapi(route, async (c) => {
      const { identifier } = c.req.valid('param');
      const actor = actorOf(c);
      const body = c.req.valid('json');
      const officer = actingStaffId(actor, body.officer);
      if (!officer.ok) return replyError(c, officer.error);
      const changed = await changeCertificateStatus(openDatabase(c.env.DB), identifier, action, { ...body, officer: officer.value }, scopeOf(actor), caseClock.now());
      if (!changed.ok) return replyError(c, changed.error);
      return c.json(changed.value, 200);
    });
  }

  app.openapi(reissueRoute, async (c) => {
    const { identifier } = c.req.valid('param');
    const actor = actorOf(c);
    const body = c.req.valid('json');
    const officer = actingStaffId(actor, body.officer);
    if (!officer.ok) return replyError(c, officer.error);
    const signer = await loadCertificateSigner(c.env);
    const reissued = await reissueHeldCertificate(openDatabase(c.env.DB), identifier, { ...body, officer: officer.value }, scopeOf(actor), signer, caseClock.now());
    if (!reissued.ok) return replyError(c, reissued.error);
    return c.json(reissued.value, 200);
  });
};
