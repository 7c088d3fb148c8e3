import type { App } from '../app.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { buildReplyExamples } from './reply-examples.ts';
import { declareSecurity, SECURITY_SCHEMES } from './security-schemes.ts';

export const API_VERSION = '0.1.0';

type Operation = { responses?: Record<string, { content?: Record<string, { example?: unknown }> }> };

/**
 * The OpenAPI 3.1 document: generated from every registered route's zod schemas, then given a success example
 * per catalog route, taken from the catalog this worker serves.
 */
export const documentApi = (app: App) => {
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'onewindow 一窗受理 API',
      version: API_VERSION,
      description:
        '萧山区政务服务中心“无差别全科受理”平台接口。每个接口以 x-access 声明调用权限；所有错误返回' +
        ' { error: { code, message, messageEn, details?, requestId } }，requestId 与响应头 X-Request-Id 相同。' +
        ' The API of a government service hall. Every route declares who may call it (x-access); every error has' +
        ' the body above, its requestId equal to the X-Request-Id header.',
      license: { name: 'Apache-2.0' },
    },
    tags: [
      { name: 'catalog', description: '事项目录 The catalog: matters, departments, bundles' },
      { name: 'hall', description: '统一取号 The hall queue: tickets, windows, the board and its live feed' },
      {
        name: 'cases',
        description:
          '办件 Cases: intake with formal review and the one-time notice, corrections, back-office tasks, the audit' +
          ' chain, public tracking and the applicant material library',
      },
      {
        name: 'evaluation',
        description: '好差评 Evaluations: one rating per case or on-site service, 差评 rectification, follow-up and appeals',
      },
      { name: 'reports', description: '统计报表 The hall report: the figures the reform is judged by' },
      {
        name: 'certificates',
        description:
          '电子证照与统一出证 Electronic certificates: verification by identifier or QR code, the public key, the holder’s' +
          ' view and PDF, revoke / cancel / reissue; pickup, mail and delivery of a case’s results',
      },
      { name: 'auth', description: '登录 Sign-in: staff tokens, and who the caller is' },
      {
        name: 'tenants',
        description:
          '租户 Tenants: a municipality’s profile, its API keys and staff accounts, and the matters it opens to 跨区域通办',
      },
      { name: 'webhooks', description: '状态推送 Webhooks: a tenant’s case status changes, signed (Standard Webhooks), retried from an outbox' },
      { name: 'operations', description: '运维 Operations' },
      { name: 'documentation', description: '文档 Documentation' },
    ],
  });
  for (const [key, example] of Object.entries(buildReplyExamples(getCatalogStore()))) {
    const [method = '', path = ''] = key.split(' ');
    const item = document.paths?.[path] as Record<string, Operation> | undefined;
    const media = item?.[method]?.responses?.['200']?.content?.['application/json'];
    if (media) media.example = example;
  }
  document.components = { ...document.components, securitySchemes: SECURITY_SCHEMES };
  declareSecurity(document.paths as Record<string, Record<string, unknown>> | undefined);
  return document;
};
