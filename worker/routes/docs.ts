import { z } from '@hono/zod-openapi';
import type { App } from '../app.ts';
import { defineRoute } from '../define-route.ts';
import { DOCS_CSP, DOCS_PAGE } from '../docs-page.ts';
import { documentApi } from '../openapi/document-api.ts';

const getOpenApiRoute = defineRoute({
  method: 'get',
  path: '/v1/openapi.json',
  access: 'public',
  tags: ['documentation'],
  summary: '接口描述 OpenAPI document',
  description: '由路由的 zod 定义生成的 OpenAPI 3.1 文档。OpenAPI 3.1, generated from the route schemas.',
  responses: {
    200: {
      description: 'OpenAPI 3.1',
      content: {
        'application/json': { schema: z.record(z.string(), z.unknown()).openapi({ description: 'OpenAPI 3.1 document' }) },
      },
    },
  },
});

const getDocsRoute = defineRoute({
  method: 'get',
  path: '/docs',
  access: 'public',
  tags: ['documentation'],
  summary: '接口文档页面 API docs page',
  description: '自包含的 HTML 页面，读取 /v1/openapi.json 展示各接口。A self-contained page rendering /v1/openapi.json.',
  responses: {
    200: { description: 'HTML', content: { 'text/html': { schema: z.string() } } },
  },
});

export const registerDocsRoutes = (app: App) => {
  // Built on first request (routes are all registered by then) and kept for the isolate.
  let document: ReturnType<typeof documentApi> | undefined;
  app.openapi(getOpenApiRoute, (c) => {
    document ??= documentApi(app);
    return c.json(document as unknown as Record<string, unknown>, 200);
  });
  app.openapi(getDocsRoute, (c) => {
    c.header('Content-Security-Policy', DOCS_CSP);
    return c.html(DOCS_PAGE, 200);
  });
};
