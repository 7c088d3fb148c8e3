import type { App } from '../app.ts';
import { caseClock } from '../cases/case-clock.ts';
import { markResultsDelivered, mailResults, pickUpResults } from '../cases/deliver-results.ts';
import { issuePendingCertificates } from '../cases/issue-pending-certificates.ts';
import { loadCertificateSigner } from '../certificates/signing-key.ts';
import { openDatabase } from '../db/client.ts';
import { defineRoute } from '../define-route.ts';
import { replyError } from '../http-errors.ts';
import { caseParamsSchema } from '../schemas/case.ts';
import { deliveredBodySchema, mailBodySchema, pickupBodySchema } from '../schemas/certificate.ts';
import { CERTIFICATE_SUMMARY_EXAMPLE, MAIL_EXAMPLE, PICKUP_EXAMPLE } from '../schemas/certificate-examples.ts';
import { deliveryReplySchema, issuePendingBodySchema, issuePendingReplySchema } from '../schemas/certificate-replies.ts';
import { actingStaffId, actorOf, type CaseScope } from '../tenant-guard.ts';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { ACTING_STAFF_NOTE, ISSUE_PENDING_ACCESS, ISSUING_WINDOW_ACCESS, TENANT_NOTE } from './route-access.ts';

const TAGS = ['certificates'];

const REPLAY_NOTE =
  ' 重复提交同一操作（同一领取人、同一运单号）返回当前状态且 `replay: true`，不重复记录。 Idempotent: repeating a step' +
  ' already done (same collector, same carrier and tracking number) answers 200 with the state as it stands and' +
  ' `replay: true`; anything the state does not allow is 409 PICKUP_NOT_READY with `details.status`.';

const pickupRoute = defineRoute({
  method: 'post',
  path: '/v1/cases/{number}/pickup',
  access: ISSUING_WINDOW_ACCESS,
  tags: TAGS,
  summary: '窗口领取 Collect the results',
  description:
    '统一出证窗口领取：本人（个人为申请人本人，单位为登记的法定代表人）或持授权委托书的受托人；核验身份证号，仅保存脱敏号码；跑动次数加一，办件办结归档。' +
    ' At the issuing window, by the holder (a person: the applicant, same ID number; an organisation: its legal' +
    ' representative on record) or an agent with a written authorisation (its reference recorded) and a valid ID' +
    ' number; otherwise 403 PICKUP_NOT_AUTHORISED (`details.reason`). Only the masked ID number is stored. One more' +
    ' visit (最多跑一次); the case closes today. Not ready (tasks undecided, a certificate pending, mailed): 409.' +
    REPLAY_NOTE +
    TENANT_NOTE +
    ACTING_STAFF_NOTE,
  errors: ['CASE_NOT_FOUND', 'PICKUP_NOT_READY', 'PICKUP_NOT_AUTHORISED'],
  request: { params: caseParamsSchema, body: { required: true, content: { 'application/json': { schema: pickupBodySchema } } } },
  responses: {
    200: { description: '已领取 Collected: the delivery, the case closed', content: { 'application/json': { schema: deliveryReplySchema, example: PICKUP_EXAMPLE } } },
  },
});

const mailRoute = defineRoute({
  method: 'post',
  path: '/v1/cases/{number}/mail',
  access: ISSUING_WINDOW_ACCESS,
  tags: TAGS,
  summary: '邮寄送达 Mail the results',
  description:
    '邮寄：记录寄递企业与运单号（地址仅记入办件留痕，公开查询不显示）；送达后办结。 Sends the ready results by mail:' +
    ' carrier and tracking number on the delivery (public tracking shows the number masked); the address goes into' +
    ' the case’s audit chain only. The case closes when POST …/delivered records the delivery.' +
    REPLAY_NOTE +
    TENANT_NOTE +
    ACTING_STAFF_NOTE,
  errors: ['CASE_NOT_FOUND', 'PICKUP_NOT_READY'],
  request: { params: caseParamsSchema, body: { required: true, content: { 'application/json': { schema: mailBodySchema } } } },
  responses: {
    200: { description: '已寄出 Mailed', content: { 'application/json': { schema: deliveryReplySchema, example: MAIL_EXAMPLE } } },
  },
});

const deliveredRoute = defineRoute({
  method: 'post',
  path: '/v1/cases/{number}/delivered',
  access: ISSUING_WINDOW_ACCESS,
  tags: TAGS,
  summary: '确认送达 Record the mail delivered',
  description:
    '邮件妥投：办件办结归档。 The carrier delivered the mailed results: the case closes (on `on`, default today). Only' +
    ' after POST …/mail: else 409.' +
    REPLAY_NOTE +
    TENANT_NOTE +
    ACTING_STAFF_NOTE,
  errors: ['CASE_NOT_FOUND', 'PICKUP_NOT_READY'],
  request: { params: caseParamsSchema, body: { required: true, content: { 'application/json': { schema: deliveredBodySchema } } } },
  responses: {
    200: {
      description: '已送达 Delivered: the case closed',
      content: {
        'application/json': {
          schema: deliveryReplySchema,
          example: { ...MAIL_EXAMPLE, delivery: { ...MAIL_EXAMPLE.delivery, status: 'delivered' as const, deliveredAt: '2026-12-02T06:00:00.000Z' }, closedOn: '2026-12-02' },
        },
      },
    },
  },
});

const issuePendingRoute = defineRoute({
  method: 'post',
  path: '/v1/cases/{number}/certificates',
  access: ISSUE_PENDING_ACCESS,
  tags: TAGS,
  summary: '补签发证照 Issue pending certificates',
  description:
    '审批通过时未能签发（未配置签名密钥等）的电子证照补签发；全部签发且办件已办结时结果转为待领取。 Issues the certificates a' +
    ' case’s approvals left pending (`certificatePending` in the decision reply: no signing key then, or data' +
    ' missing); the provisional library items take the real identifiers; once the case is complete and nothing' +
    ' waits, its results are ready for pickup. Idempotent: with nothing pending it changes nothing.' +
    TENANT_NOTE +
    ACTING_STAFF_NOTE,
  errors: ['CASE_NOT_FOUND', 'CERTIFICATE_SIGNING_UNAVAILABLE'],
  request: { params: caseParamsSchema, body: { required: true, content: { 'application/json': { schema: issuePendingBodySchema } } } },
  responses: {
    200: {
      description: '签发结果 What was issued and what still waits',
      content: {
        'application/json': {
          schema: issuePendingReplySchema,
          example: {
            caseNumber: PICKUP_EXAMPLE.caseNumber,
            issued: [CERTIFICATE_SUMMARY_EXAMPLE],
            pending: [],
            certificates: [CERTIFICATE_SUMMARY_EXAMPLE],
            delivery: { ...PICKUP_EXAMPLE.delivery, status: 'ready' as const, method: null, collector: null, deliveredAt: null },
            completedOn: '2026-11-27',
          },
        },
      },
    },
  },
});

/**
 * The delivery steps' shared part: the officer from the token, the case seen by its owner or its submitting partner
 * (跨区域通办: results may be handed out at either tenant's issuing window).
 */
const actingOfficer = <B extends { readonly officer?: string | undefined }>(c: Context<AppEnv>, body: B) => {
  const actor = actorOf(c);
  const officer = actingStaffId(actor, body.officer);
  const scope: CaseScope = { tenant: actor.tenant, as: 'party' };
  return officer.ok ? { ok: true as const, body: { ...body, officer: officer.value }, scope } : officer;
};

export const registerDeliveryRoutes = (app: App) => {
  app.openapi(pickupRoute, async (c) => {
    const { number } = c.req.valid('param');
    const acting = actingOfficer(c, c.req.valid('json'));
    if (!acting.ok) return replyError(c, acting.error);
    const done = await pickUpResults(openDatabase(c.env.DB), number, acting.body, acting.scope, caseClock.now());
    if (!done.ok) return replyError(c, done.error);
    return c.json(done.value, 200);
  });

  app.openapi(mailRoute, async (c) => {
    const { number } = c.req.valid('param');
    const acting = actingOfficer(c, c.req.valid('json'));
    if (!acting.ok) return replyError(c, acting.error);
    const done = await mailResults(openDatabase(c.env.DB), number, acting.body, acting.scope, caseClock.now());
    if (!done.ok) return replyError(c, done.error);
    return c.json(done.value, 200);
  });

  app.openapi(deliveredRoute, async (c) => {
    const { number } = c.req.valid('param');
    const acting = actingOfficer(c, c.req.valid('json'));
    if (!acting.ok) return replyError(c, acting.error);
    const done = await markResultsDelivered(openDatabase(c.env.DB), number, acting.body, acting.scope, caseClock.now());
    if (!done.ok) return replyError(c, done.error);
    return c.json(done.value, 200);
  });

  app.openapi(issuePendingRoute, async (c) => {
    const { number } = c.req.valid('param');
    const acting = actingOfficer(c, c.req.valid('json'));
    if (!acting.ok) return replyError(c, acting.error);
    // Certificates are the owner's (its departments approved them): a submitting partner does not issue them.
    const scope: CaseScope = { tenant: acting.scope.tenant, as: 'owner' };
    const signer = await loadCertificateSigner(c.env);
    const done = await issuePendingCertificates(openDatabase(c.env.DB), number, acting.body.officer, scope, signer, caseClock.now());
    if (!done.ok) return replyError(c, done.error);
    return c.json(done.value, 200);
  });
};
